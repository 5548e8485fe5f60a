import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import type { NormalSource } from './random';
import type { SiiOptions, SiiValueType } from './sii';
import { DEFAULT_SII_SEED, sii } from './sii';
import type { Row } from './testing/referenceCsv';
import { numbers, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Checks and behaviour of sii beyond the manifest cases. Inputs: the fixture blocks of
// fixtures/reference/pheindicatormethods/data/sii_inputs.csv (rows 1-20 "default", 91-110
// "proportion"); error and warning texts: errors_and_warnings.csv (testSII.R). Reference numbers
// come from sii_expected.csv (pkg_*, R with set.seed(20240101)).
const ROOT = new URL('../../fixtures/reference/pheindicatormethods/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, ROOT), 'utf8'));
const inputs = load('data/sii_inputs.csv');
const expected = load('data/sii_expected.csv');
const block = (from: number, to: number): Row[] => inputs.filter((r) => (r.fixture_row as number) >= from && (r.fixture_row as number) <= to);

function options(rows: readonly Row[], extra: Partial<SiiOptions> = {}): SiiOptions {
  return {
    quantile: numbers(rows, 'Quantile'),
    population: numbers(rows, 'Population'),
    value: numbers(rows, 'Value'),
    se: numbers(rows, 'StandardError'),
    groupBy: { Area: rows.map((r) => str(r, 'Area')) },
    repetitions: 1000,
    confidence: 0.95,
    ...extra,
  };
}
const normal = block(1, 20);
const proportion = block(91, 110);
const fails = (o: SiiOptions, pattern: RegExp): void => {
  expect(() => sii(o)).toThrow(MethodInputError);
  expect(() => sii(o)).toThrow(pattern);
};

describe('sii input errors (errors_and_warnings.csv, testSII.R)', () => {
  it('"function phe_sii requires the arguments: data, quantile, population" (missing quantile / population)', () => {
    const { quantile: _q, ...noQuantile } = options(normal);
    fails(noQuantile as SiiOptions, /^quantile: a quantile column is required/);
    const { population: _p, ...noPopulation } = options(normal);
    fails(noPopulation as SiiOptions, /^population: a population column is required/);
  });
  it('"requires value field, or x field if indicator is a proportion" (default, rate, proportion)', () => {
    const { value: _v, ...noValue } = options(normal);
    fails(noValue, /value: a value column is required/);
    fails({ ...noValue, valueType: 'rate' }, /value column is required/);
    fails({ ...noValue, valueType: 'proportion' }, /value column is required \(or x/);
  });
  it('"requires either lower_cl and upper_cl fields, or se field"', () => {
    const { se: _se, ...noSe } = options(normal);
    fails(noSe, /se: give either se or both lowerCl and upperCl/);
    fails({ ...noSe, lowerCl: numbers(normal, 'LowerCL') }, /give either se or both/);
  });
  it('"value_type should be 0, 1 or 2"', () => fails(options(normal, { valueType: 'count' as SiiValueType }), /valueType: must be other, rate or proportion/));
  it('"multiplier, repetitions and confidence inputs should be numeric"', () => {
    fails(options(normal, { multiplier: 'a' as unknown as number }), /multiplier: must be a finite non-zero number/);
    fails(options(normal, { repetitions: '1000' as unknown as number }), /repetitions: must be a whole number/);
  });
  it('"number of repetitions must be 1000 or greater"', () => fails(options(normal, { repetitions: 999 }), /at least 1000/));
  it.each([0.8, 80, 101])('"all confidence levels must be between ..." (%s; levels are fractions here)', (c) => {
    fails(options(normal, { confidence: c }), /confidence level/);
  });
  it('"value_type should be 1 or 2 when transform is true"', () => fails(options(normal, { transform: true }), /transform needs value type rate or proportion/));
  it('"se to be missing when transform is true"', () => fails(options(normal, { transform: true, valueType: 'rate' }), /se must not be given/));
  it('"some input fields in data.frame are non-numeric"', () => {
    const population = numbers(normal, 'Population') as unknown[];
    population[4] = 'many';
    fails(options(normal, { population: population as number[] }), /^Area=area1, population: value many at row 5 is not a finite number/);
  });
  it('"some groups have a zero, negative or missing population"', () => {
    for (const bad of [0, -5, null]) {
      const population = numbers(normal, 'Population');
      population[13] = bad;
      fails(options(normal, { population }), /^Area=area2, population: row 14: population must be greater than 0/);
    }
  });
  it('"negative or missing standard errors in input dataset"', () => {
    for (const bad of [-0.1, null]) {
      const se = numbers(normal, 'StandardError');
      se[2] = bad;
      fails(options(normal, { se }), /^Area=area1, se: row 3: standard error must be 0 or more/);
    }
  });
  it('"some groups have a zero or negative count x"', () => {
    const x = proportion.map((r) => (r.Value as number) * (r.Population as number));
    x[0] = 0;
    const { value: _v, ...noValue } = options(proportion, { valueType: 'proportion', x });
    fails(noValue, /^Area=area1, x: row 1: count x must be greater than 0/);
  });
  it('"value proportions are not all between 0 and 1"', () => {
    const value = numbers(proportion, 'Value');
    value[1] = 1.2;
    fails(options(proportion, { valueType: 'proportion', value }), /value: row 2: proportion 1.2 is not between 0 and 1/);
  });
  it('"confidence limit proportions are not all between 0 and 1"', () => {
    const upperCl = numbers(proportion, 'UpperCL');
    upperCl[1] = 1.5;
    const { se: _se, ...rest } = options(proportion, { valueType: 'proportion', lowerCl: numbers(proportion, 'LowerCL'), upperCl });
    fails(rest, /upperCl: row 2: confidence limit 1.5 is not between 0 and 1/);
  });
  it('"Number of quantiles must be between 5 and 100"', () => {
    const rows = normal.filter((r) => (r.Quantile as number) <= 4);
    fails(options(rows), /found 4 distinct quantiles; the SII needs between 5 and 100/);
  });
  it('"missing lower or upper confidence limits in input dataset"', () => {
    const lowerCl = numbers(normal, 'LowerCL');
    lowerCl[7] = null;
    const { se: _se, ...rest } = options(normal, { lowerCl, upperCl: numbers(normal, 'UpperCL') });
    fails(rest, /lowerCl: row 8: lower confidence limit is missing/);
  });
  it('values outside the log/logit domain (the package returns NaN): rejected', () => {
    const value = numbers(normal, 'Value');
    value[0] = 0;
    fails(options(normal, { value, valueType: 'rate' }), /value must be greater than 0 \(rates are modelled on the log scale\)/);
    const { se: _se, ...rest } = options(proportion, { valueType: 'proportion', lowerCl: proportion.map(() => 0), upperCl: numbers(proportion, 'UpperCL') });
    fails(rest, /lowerCl: row 1: confidence limit must be strictly between 0 and 1/);
  });
  it('a quantile given twice in one area', () => {
    const quantile = numbers(normal, 'Quantile');
    quantile[1] = 1;
    fails(options(normal, { quantile }), /quantile 1 appears more than once/);
  });
});

describe('sii warnings (errors_and_warnings.csv, testSII.R)', () => {
  const missingQuantile3 = normal.filter((r) => !(r.Area === 'area2' && r.Quantile === 3));
  it('an area missing a quantile is an error by default, naming the area and the quantile', () => {
    fails(options(missingQuantile3), /^Area=area2, quantile: quantiles 3 are missing \(9 of 10 present\)/);
  });
  it('"some records have been removed due to incomplete or invalid data" with incompleteAreas: drop', () => {
    const out = sii(options(missingQuantile3, { incompleteAreas: 'drop' }));
    expect(out.records.map((r) => r.label)).toEqual(['Area=area1']);
    expect(out.warnings).toEqual([{ group: 'Area=area2', message: expect.stringMatching(/quantiles 3 are missing.*left out/) as unknown as string }]);
  });
  it('"Small values can make SII unstable when using a large number of quantiles" (> 10)', () => {
    const rows = normal.filter((r) => r.Area === 'area1');
    const twenty = [...rows, ...rows.map((r) => ({ ...r, Quantile: (r.Quantile as number) + 10 }))];
    const out = sii(options(twenty));
    expect(out.warnings[0]!.message).toMatch(/20 quantiles: small values .* unstable/);
  });
});

describe('sii behaviour', () => {
  const pkg = expected.filter((e) => e.case_id === 'sii_normal_default_se');
  const full = { repetitions: 100_000, seed: 20240101 } as const;

  it('R draw order is independent of input order: areas are simulated in dplyr order (sorted), records come back first-seen', () => {
    const shuffled = [...normal].reverse();
    const out = sii(options(shuffled, full)).records;
    expect(out.map((r) => r.label)).toEqual(['Area=area2', 'Area=area1']);
    for (const rec of out) {
      const e = pkg.find((p) => `Area=${str(p, 'Area')}` === rec.label)!;
      expect(rec.sii.lower95).toBe(e.pkg_sii_lower_c1); // identical doubles (source: pkg_*)
      expect(rec.sii.upper95).toBe(e.pkg_sii_upper_c1);
    }
  });

  it('default seed is DEFAULT_SII_SEED (set.seed(20240101) of the reference runs)', () => {
    expect(DEFAULT_SII_SEED).toBe(20240101);
    const { seed: _s, ...noSeed } = { ...options(normal), ...full };
    expect(sii(noSeed).records[0]!.sii.lower95).toBe(pkg[0]!.pkg_sii_lower_c1);
  });

  it('confidence null: point estimates only, no limit fields, no draws', () => {
    let draws = 0;
    const counting: NormalSource = { normal: () => (draws++, 0) };
    const rec = sii(options(normal, { confidence: null, random: counting })).records[0]!;
    expect(Object.keys(rec.sii)).toEqual(['value']);
    expect(relErr(rec.sii.value, pkg[0]!.pkg_sii as number)).toBeLessThanOrEqual(1e-9);
    expect(draws).toBe(0);
  });

  it('a quantile with se = 0 takes no draw (R rnorm with sd = 0); a zero source gives limits equal to the value', () => {
    let draws = 0;
    const zero: NormalSource = { normal: () => (draws++, 0) };
    const se = numbers(normal, 'StandardError');
    se[0] = 0;
    const rec = sii(options(normal, { se, random: zero })).records[0]!;
    expect(draws).toBe(1000 * 9 + 1000 * 10);
    expect(relErr(rec.sii.lower95, rec.sii.value)).toBeLessThanOrEqual(1e-12);
    expect(relErr(rec.rii.upper95, rec.rii.value)).toBeLessThanOrEqual(1e-12);
  });

  it('x/population replaces value for proportions (same numbers as value = x/n)', () => {
    const x = proportion.map((r) => (r.Value as number) * (r.Population as number));
    const value = proportion.map((r, i) => x[i]! / (r.Population as number));
    const { value: _v, ...withX } = options(proportion, { valueType: 'proportion', x });
    expect(sii(withX).records).toEqual(sii(options(proportion, { valueType: 'proportion', value })).records);
  });

  it('ungrouped data gives one record with label undefined', () => {
    const rows = normal.filter((r) => r.Area === 'area1');
    const { groupBy: _g, ...ungrouped } = options(rows);
    const out = sii(ungrouped);
    expect(out.records).toHaveLength(1);
    expect(out.records[0]!.label).toBeUndefined();
    expect(out.method).toBe('simulation 1000 reps');
  });
});

describe('sii areaRange (splitting one run across workers)', () => {
  // Three areas: the fixture's two plus a copy of area1 named area0 (sorted first).
  const rows = [...normal, ...normal.filter((r) => r.Area === 'area1').map((r) => ({ ...r, Area: 'area0' }))];
  const run = (extra: Partial<SiiOptions>) => sii(options(rows, { repetitions: 2000, confidence: [0.95, 0.998], ...extra })).records;
  it('ranges that split [0, 3) give exactly the full run, in any split', () => {
    const full = run({});
    for (const splits of [[[0, 1], [1, 3]], [[0, 2], [2, 3]], [[0, 1], [1, 2], [2, 5]]] as const) {
      const parts = splits.flatMap((range) => run({ areaRange: range }));
      expect(parts.length).toBe(3);
      for (const rec of full) expect(parts.find((p) => p.label === rec.label)).toEqual(rec);
    }
  });
  it('rejects bad ranges and a custom generator', () => {
    fails(options(rows, { areaRange: [2, 1] }), /areaRange: must be two whole numbers/);
    fails(options(rows, { areaRange: [0, 1], random: { normal: () => 0 } }), /areaRange needs the built-in generator/);
  });
});
