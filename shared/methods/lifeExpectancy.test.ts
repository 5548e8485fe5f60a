import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import type { LifeExpectancyRecord, Suppression } from './lifeExpectancy';
import { AGE_BANDS_85_PLUS, lifeExpectancy } from './lifeExpectancy';
import type { Row } from './testing/referenceCsv';
import { numbers, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Source: fixtures/reference/pheindicatormethods/data/life_expectancy_inputs.csv, _expected.csv
// and _warnings.csv, one block per le_* case of manifest.json (group_by "area" or none;
// confidence c(0.95, 0.998)). Expected rows are in the package's output order.
// Tolerances (README "Tolerances", manifest): pkg_* 1e-10 relative (deterministic; we differ
// from R only in summation order and in R's 80-bit cumsum/cumprod); exp_* 5e-5 absolute, because
// testLifeExpectancy.R holds its answers rounded to 4 dp. NA in pkg_* must be null here.
const ROOT = new URL('../../fixtures/reference/pheindicatormethods/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, ROOT), 'utf8'));
const PKG = 1e-10;
const EXP_ABS = 5e-5;

interface ManifestCase {
  readonly id: string;
  readonly args: { readonly group_by: string[]; readonly confidence: number[] };
}
const manifest = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8')) as ManifestCase[];
const cases = manifest.filter((c) => c.id.startsWith('le_'));
const inputs = load('data/life_expectancy_inputs.csv');
const expected = load('data/life_expectancy_expected.csv');
const packageWarnings = load('data/life_expectancy_warnings.csv');

/** Our warning codes, as the package words them. */
const PACKAGE_TEXT: Readonly<Record<Suppression, string>> = {
  'negative-deaths': 'some age bands have negative deaths; outputs have been suppressed to NAs',
  'non-positive-population': 'some age bands have a zero or less population; outputs have been suppressed to NAs',
  'age-bands': 'some groups contain a different number of age bands than 20; life expectancy cannot be calculated for these. These groups will contain NAs.',
  'deaths-exceed-population': 'some age bands have more deaths than population; outputs have been suppressed to NAs',
  'small-population': 'some groups have a total population of less than 5,000; outputs have been suppressed to NAs',
  'wide-interval': 'some life expectancy values have a 95% confidence interval > 20 years; these values have been suppressed to NAs',
  'no-deaths-in-final-band': '(no package warning)',
};

const COLUMNS = [
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

describe.each(cases.map((c) => [c.id, c] as const))('%s (life_expectancy_*.csv)', (id, c) => {
  const rows = inputs.filter((r) => r.case_id === id);
  const grouped = c.args.group_by.length > 0;
  const result = lifeExpectancy({
    deaths: numbers(rows, 'deaths'),
    population: numbers(rows, 'pops'),
    startAge: numbers(rows, 'startage') as number[],
    ...(grouped ? { groupBy: { area: rows.map((r) => str(r, 'area')) } } : {}),
    confidence: c.args.confidence,
  });
  const want = expected.filter((e) => e.case_id === id);

  it('rows in package output order (calculated groups, then suppressed groups by reason)', () => {
    const key = (area: string | undefined, age: number | null): string => `${grouped ? String(area) : ''}|${String(age)}`;
    expect(result.records.map((r) => key(r.group.area as string | undefined, r.startAge))).toEqual(want.map((e) => key(str(e, 'area'), e.startage as number)));
  });

  it('values and limits match pkg_* (1e-10 rel) and exp_* (5e-5 abs); popsUsed/deathsUsed exact', () => {
    want.forEach((e, i) => {
      const rec: LifeExpectancyRecord = result.records[i]!;
      const where = `${String(e.area)} age ${String(e.startage)}`;
      for (const [ours, theirs] of COLUMNS) {
        expect(relErr(rec[ours], e[`pkg_${theirs}`] as number | null), `${where} pkg ${theirs}`).toBeLessThanOrEqual(PKG);
        const exp = e[`exp_${theirs}`];
        if (typeof exp === 'number') expect(Math.abs(rec[ours]! - exp), `${where} exp ${theirs}`).toBeLessThanOrEqual(EXP_ABS);
      }
      // The package omits these for an ungrouped suppressed table; we always give them.
      if (e.pkg_pops_used !== null) expect(rec.popsUsed).toBe(e.pkg_pops_used);
      if (e.pkg_dths_used !== null) expect(rec.deathsUsed).toBe(e.pkg_dths_used);
    });
  });

  it('warnings mean the same as the package warnings', () => {
    const theirs = packageWarnings.filter((w) => w.case_id === id && w.warning !== null).map((w) => str(w, 'warning'));
    const ours = [...new Set(result.warnings.map((w) => PACKAGE_TEXT[w.code as Suppression]))];
    expect(ours.sort()).toEqual(theirs.sort());
  });
});

describe('85+ closing band (19 bands; no reference vector: hand calculation from the formulas)', () => {
  // le_single_area's data with the 85-89 and 90+ bands merged into 85+.
  const rows = inputs.filter((r) => r.case_id === 'le_single_area');
  const pops = numbers(rows, 'pops') as number[];
  const deaths = numbers(rows, 'deaths') as number[];
  const p85 = [...pops.slice(0, 18), pops[18]! + pops[19]!];
  const d85 = [...deaths.slice(0, 18), deaths[18]! + deaths[19]!];
  const out = lifeExpectancy({ deaths: d85, population: p85, startAge: [...AGE_BANDS_85_PLUS], ageBands: AGE_BANDS_85_PLUS, confidence: 0.95 });
  const at = (age: number): LifeExpectancyRecord => out.records.find((r) => r.startAge === age)!;

  it('final band: e = 1/M and SE = 1/(M·√D) (Silcocks), to 1e-14', () => {
    const m = d85[18]! / p85[18]!;
    expect(relErr(at(85).value, 1 / m)).toBeLessThanOrEqual(1e-14);
    expect(relErr(at(85).standardError, 1 / (m * Math.sqrt(d85[18]!)))).toBeLessThanOrEqual(1e-14);
  });

  it('80-84: e = 5·(p + (1 − p)/2) + p/M₈₅ with p = 1 − 5M/(1 + 2.5M), to 1e-13', () => {
    const m80 = d85[17]! / p85[17]!;
    const p = 1 - (5 * m80) / (1 + 2.5 * m80);
    const m85 = d85[18]! / p85[18]!;
    expect(relErr(at(80).value, 5 * (p + (1 - p) / 2) + p / m85)).toBeLessThanOrEqual(1e-13);
  });

  it('bands below 85 use the same life table as the 90+ variant: e differs only through the tail', () => {
    const full = lifeExpectancy({ deaths, population: pops, startAge: rows.map((r) => r.startage as number), confidence: 0.95 });
    // Same q below 85, so l is identical; e at birth moves by the tail difference only (< 1 year here).
    expect(Math.abs(at(0).value! - full.records[0]!.value!)).toBeLessThan(1);
    expect(out.records).toHaveLength(19);
  });

  it('the 90+ default rejects 85+ data, naming the missing band', () => {
    expect(() => lifeExpectancy({ deaths: d85, population: p85, startAge: [...AGE_BANDS_85_PLUS] })).toThrow(/no row has start age 90/);
  });
});

describe('life expectancy edge cases', () => {
  const base = inputs.filter((r) => r.case_id === 'le_single_area');
  const pops = numbers(base, 'pops') as number[];
  const ages = base.map((r) => r.startage as number);

  it('zero deaths in the final band: value null with a warning (package: NA, no warning)', () => {
    const deaths = [...(numbers(base, 'deaths') as number[]).slice(0, 19), 0];
    const out = lifeExpectancy({ deaths, population: pops, startAge: ages });
    expect(out.records.every((r) => r.value === null && r.suppressed === 'no-deaths-in-final-band')).toBe(true);
    expect(out.records.every((r) => r.lower95 === null || Number.isFinite(r.lower95))).toBe(true);
    expect(out.warnings.map((w) => w.code)).toEqual(['no-deaths-in-final-band']);
  });

  it('start ages given as labels ("10 - 14", "90 +")', () => {
    const labels = ages.map((a, i) => (i === 19 ? '90 +' : i < 2 ? String(a) : `${String(a)} - ${String(a + 4)}`));
    const out = lifeExpectancy({ deaths: numbers(base, 'deaths'), population: pops, startAge: labels, confidence: 0.95 });
    expect(relErr(out.records[0]!.value, expected.find((e) => e.case_id === 'le_single_area')!.pkg_value as number)).toBeLessThanOrEqual(PKG);
  });

  it('a band with D > P/(n·a) closes the table (q = 1): later ages get value 0 as in the package, limits null with a note, no NaN', () => {
    const deaths = (numbers(base, 'deaths') as number[]).map((d, i) => (i === 17 ? 12000 : d)); // 80-84: 12,000 of 23,306
    const out = lifeExpectancy({ deaths, population: pops, startAge: ages });
    const late = out.records.filter((r) => r.startAge >= 85);
    expect(late.map((r) => r.value)).toEqual([0, 0]);
    expect(late.every((r) => r.lower95 === null && r.upper998 === null && r.note !== undefined)).toBe(true);
    for (const r of out.records) for (const v of Object.values(r)) expect(Number.isNaN(v)).toBe(false);
  });

  it('total population of exactly 5,000 is suppressed (the rule is <= 5000); several suppressed groups keep first-seen order', () => {
    const small = ages.map(() => 250); // 20 × 250 = 5,000
    const smallDeaths = ages.map(() => 10);
    const groups = [...ages.map(() => 'Z'), ...ages.map(() => 'A'), ...ages.map(() => 'M')];
    const out = lifeExpectancy({
      deaths: [...smallDeaths, ...smallDeaths, ...(numbers(base, 'deaths') as number[])],
      population: [...small, ...small, ...pops],
      startAge: [...ages, ...ages, ...ages],
      groupBy: { area: groups },
    });
    expect([...new Set(out.records.map((r) => r.group.area))]).toEqual(['M', 'Z', 'A']);
    expect(out.warnings.map((w) => [w.group, w.code])).toEqual([['area=Z', 'small-population'], ['area=A', 'small-population']]);
  });

  it('confidence null: values only, no limit fields', () => {
    const out = lifeExpectancy({ deaths: numbers(base, 'deaths'), population: pops, startAge: ages, confidence: null });
    expect(Object.keys(out.records[0]!).filter((k) => k.startsWith('lower') || k.startsWith('upper'))).toEqual([]);
    expect(relErr(out.records[0]!.value, expected.find((e) => e.case_id === 'le_single_area')!.pkg_value as number)).toBeLessThanOrEqual(PKG);
  });

  it('leAge filters start ages; ages not among the bands warn and return all (testLifeExpectancy.R)', () => {
    const deaths = numbers(base, 'deaths');
    expect(lifeExpectancy({ deaths, population: pops, startAge: ages, leAge: [5, 25] }).records.map((r) => r.startAge)).toEqual([5, 25]);
    const out = lifeExpectancy({ deaths, population: pops, startAge: ages, leAge: [3] });
    expect(out.records).toHaveLength(20);
    expect(out.warnings[0]!.code).toBe('le-age');
  });
});

describe('life expectancy input errors (errors_and_warnings.csv, testLifeExpectancy.R)', () => {
  const base = inputs.filter((r) => r.case_id === 'le_single_area');
  const deaths = numbers(base, 'deaths');
  const pops = numbers(base, 'pops');
  const ages = base.map((r) => r.startage as number);
  it('"the contents in the startage field do not match the contents of the age_contents vector"', () => {
    const bad = [...ages];
    bad[3] = 11;
    expect(() => lifeExpectancy({ deaths, population: pops, startAge: bad })).toThrow(/startAge: row 4: start age 11 is not one of the age bands/);
  });
  it('"age_contents doesn\'t appear to be in ascending order"', () => {
    const bands = [0, 1, 5, 20, 25, 10, 15, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
    expect(() => lifeExpectancy({ deaths, population: pops, startAge: ages, ageBands: bands })).toThrow(/ascending order; out of position: 20, 25, 10, 15/);
  });
  it('"first age band in age_contents must be 0"', () => {
    expect(() => lifeExpectancy({ deaths, population: pops, startAge: ages, ageBands: [1, 5] })).toThrow(/first age band must start at 0/);
  });
  it('"all confidence levels must be between 90 and 100 or between 0.9 and 1"', () => {
    expect(() => lifeExpectancy({ deaths, population: pops, startAge: ages, confidence: [0.95, 0.8] })).toThrow(/confidence level 0.8/);
  });
  it('"requires at least 4 arguments": the TypeScript signature makes them required; column lengths must agree', () => {
    expect(() => lifeExpectancy({ deaths: deaths.slice(1), population: pops, startAge: ages })).toThrow(MethodInputError);
    const { deaths: _d, ...noDeaths } = { deaths, population: pops, startAge: ages };
    expect(() => lifeExpectancy(noDeaths as unknown as Parameters<typeof lifeExpectancy>[0])).toThrow(/^deaths: this column is required/);
  });
  it('missing and non-finite counts are errors naming group and field', () => {
    const d = [...deaths];
    d[2] = null;
    expect(() => lifeExpectancy({ deaths: d, population: pops, startAge: ages, groupBy: { area: ages.map(() => 'X') } })).toThrow(/^area=X, deaths: row 3: deaths is missing/);
    const p = [...pops];
    p[0] = Number.NaN;
    expect(() => lifeExpectancy({ deaths, population: p, startAge: ages })).toThrow(/population: value NaN at row 1/);
  });
  it('unsupported band schemes are rejected', () => {
    expect(() => lifeExpectancy({ deaths, population: pops, startAge: ages, ageBands: [0, 1, 5, 10] })).toThrow(/supported age bands/);
  });
});
