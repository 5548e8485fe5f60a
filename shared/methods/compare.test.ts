import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  compareOverlappingIntervals,
  compareSpcProportion,
  compareToBenchmark,
  compareTwoLevels,
  quintilesLegacy,
  quintilesNtile,
  percentileInc,
  type Polarity,
} from './compare';
import { MethodInputError } from './errors';

// Rules: FINGERTIPS-METHODS.md §1 (comparers) and §3 (quintiles). Outcomes are categorical, so
// these tests compare exact words; numeric limits name their source and tolerance.

const base = { value: 50, lower: 45, upper: 55, level: 0.95 } as const;

describe('compareToBenchmark (method 1 / FingertipsNext)', () => {
  it.each<[Polarity, number, string]>([
    ['high-is-good', 40, 'Better'], // CI 45-55 entirely above 40
    ['high-is-good', 60, 'Worse'],
    ['low-is-good', 40, 'Worse'], // flipped
    ['low-is-good', 60, 'Better'],
    ['no-judgement', 40, 'Higher'],
    ['no-judgement', 60, 'Lower'],
    ['high-is-good', 50, 'Similar'],
  ])('%s, benchmark %d -> %s', (polarity, benchmark, outcome) => {
    expect(compareToBenchmark({ ...base, benchmark, polarity }).outcome).toBe(outcome);
  });

  it('end points are inclusive: benchmark exactly on either limit is Similar', () => {
    expect(compareToBenchmark({ ...base, benchmark: 45, polarity: 'high-is-good' }).outcome).toBe(
      'Similar',
    );
    expect(compareToBenchmark({ ...base, benchmark: 55, polarity: 'high-is-good' }).outcome).toBe(
      'Similar',
    );
    // ... and just outside is not.
    expect(
      compareToBenchmark({ ...base, benchmark: 44.999999, polarity: 'high-is-good' }).outcome,
    ).toBe('Better');
    expect(
      compareToBenchmark({ ...base, benchmark: 55.000001, polarity: 'high-is-good' }).outcome,
    ).toBe('Worse');
  });

  it('records the level it was decided at', () => {
    const r = compareToBenchmark({
      ...base,
      level: 0.998,
      benchmark: 40,
      polarity: 'high-is-good',
    });
    expect(r).toEqual({ outcome: 'Better', method: 'ci-contains-benchmark', level: 0.998 });
  });

  it.each([
    [{ ...base, value: null, benchmark: 40, polarity: 'high-is-good' as const }, 'missing value'],
    [
      { ...base, lower: null, upper: null, benchmark: 40, polarity: 'high-is-good' as const },
      'missing confidence interval for the area',
    ],
    [{ ...base, benchmark: null, polarity: 'high-is-good' as const }, 'missing benchmark value'],
    [{ ...base, benchmark: 40, polarity: 'not-applicable' as const }, 'polarity is not applicable'],
    [
      {
        ...base,
        benchmark: 40,
        polarity: 'high-is-good' as const,
        areaCode: 'E92000001',
        benchmarkCode: 'E92000001',
      },
      'area E92000001 is its own benchmark',
    ],
  ])('Not compared with a reason (%#)', (input, reason) => {
    expect(compareToBenchmark(input)).toMatchObject({ outcome: 'Not compared', reason });
  });

  it('throws MethodInputError naming group and field for bad input', () => {
    const bad = () =>
      compareToBenchmark({
        ...base,
        lower: 60,
        benchmark: 40,
        polarity: 'high-is-good',
        group: 'Area=E09000002',
      });
    expect(bad).toThrow(MethodInputError);
    expect(bad).toThrow('Area=E09000002, lower: lower limit 60 is above upper limit 55');
    expect(() =>
      compareToBenchmark({ ...base, value: Number.NaN, benchmark: 1, polarity: 'high-is-good' }),
    ).toThrow(/value: NaN/);
    expect(() =>
      compareToBenchmark({ ...base, upper: null, benchmark: 1, polarity: 'high-is-good' }),
    ).toThrow(/upper/);
    expect(() => compareToBenchmark({ ...base, benchmark: 1, polarity: 'up' as Polarity })).toThrow(
      /polarity/,
    );
    expect(() =>
      compareToBenchmark({ ...base, benchmark: 1, polarity: 'high-is-good', level: 0.5 }),
    ).toThrow(/confidence/);
  });
});

describe('compareTwoLevels (method 17)', () => {
  const two = { value: 50, lower95: 45, upper95: 55, lower998: 42, upper998: 58 };
  it.each<[Polarity, number, string, number]>([
    ['high-is-good', 50, 'Similar', 0.95],
    ['high-is-good', 43, 'Better', 0.95], // between lower 99.8 (42) and lower 95 (45)
    ['high-is-good', 42, 'Better', 0.95], // on the 99.8% limit: still inside it
    ['high-is-good', 41, 'Best', 0.998],
    ['high-is-good', 57, 'Worse', 0.95],
    ['high-is-good', 59, 'Worst', 0.998],
    ['low-is-good', 41, 'Worst', 0.998], // Best<->Worst swapped for low is good
    ['low-is-good', 59, 'Best', 0.998],
    ['low-is-good', 43, 'Worse', 0.95],
    ['no-judgement', 41, 'Higher', 0.998],
  ])('%s, benchmark %d -> %s at %d', (polarity, benchmark, outcome, level) => {
    expect(compareTwoLevels({ ...two, benchmark, polarity })).toMatchObject({ outcome, level });
  });
  it('needs both CI pairs', () => {
    expect(
      compareTwoLevels({
        ...two,
        lower998: null,
        upper998: null,
        benchmark: 41,
        polarity: 'high-is-good',
      }),
    ).toMatchObject({
      outcome: 'Not compared',
      reason: 'method 17 needs both the 95% and the 99.8% CI',
    });
  });
});

describe('compareOverlappingIntervals (method 12)', () => {
  const area = { value: 50, lower: 45, upper: 55, level: 0.95 };
  it('touching intervals overlap -> Similar', () => {
    const r = compareOverlappingIntervals({
      ...area,
      benchmark: 60,
      benchmarkLower: 55,
      benchmarkUpper: 65,
      polarity: 'high-is-good',
    });
    expect(r.outcome).toBe('Similar');
  });
  it('separate intervals -> by which value is higher, then polarity', () => {
    const input = { ...area, benchmark: 60, benchmarkLower: 55.1, benchmarkUpper: 65 };
    expect(compareOverlappingIntervals({ ...input, polarity: 'high-is-good' }).outcome).toBe(
      'Worse',
    );
    expect(compareOverlappingIntervals({ ...input, polarity: 'low-is-good' }).outcome).toBe(
      'Better',
    );
    expect(compareOverlappingIntervals({ ...input, polarity: 'no-judgement' }).outcome).toBe(
      'Lower',
    );
  });
  it('benchmark point inside the area CI but CIs separate is impossible; point outside but CIs overlap -> Similar', () => {
    // Method 1 would say Worse (benchmark 56 > upper 55); method 12 says Similar because 52-60 overlaps 45-55.
    const input = {
      ...area,
      benchmark: 56,
      benchmarkLower: 52,
      benchmarkUpper: 60,
      polarity: 'high-is-good' as const,
    };
    expect(compareOverlappingIntervals(input).outcome).toBe('Similar');
    expect(compareToBenchmark(input).outcome).toBe('Worse');
  });
  it('needs the benchmark CI', () => {
    const r = compareOverlappingIntervals({
      ...area,
      benchmark: 60,
      benchmarkLower: null,
      benchmarkUpper: null,
      polarity: 'high-is-good',
    });
    expect(r.reason).toBe('missing confidence interval for the benchmark');
  });
});

describe('compareSpcProportion (method 5)', () => {
  // The control limits are the Wilson interval of E = N·p0 out of N (FINGERTIPS-METHODS.md §1.2).
  // Reference: PHEindicatormethods 2.1.0 Wilson vectors bw_08 / bw_11 (x = 1045, n = 5000), in
  // fixtures/reference/pheindicatormethods/data/byars_wilson.csv; tolerance 1e-12 absolute.
  it.each([
    [0.95, 0.19795549880013297, 0.22049130373189027],
    [0.998, 0.19179381799015244, 0.22731562902525818],
  ])('limits at %d match PHEindicatormethods Wilson for 1045/5000', (level, lower, upper) => {
    const r = compareSpcProportion({
      count: 1045,
      denominator: 5000,
      benchmarkProportion: 1045 / 5000,
      polarity: 'high-is-good',
      level,
    });
    expect(r.outcome).toBe('Similar'); // the area equals the benchmark
    expect(r.limits!.lower).toBeCloseTo(lower, 12);
    expect(r.limits!.upper).toBeCloseTo(upper, 12);
  });
  it('outside the limits -> Better / Worse by polarity', () => {
    // 95% limits around p0 = 0.209 with N = 5000 are 0.19796-0.22049 (above): 1120/5000 = 0.224 is above.
    const above = { count: 1120, denominator: 5000, benchmarkProportion: 0.209, level: 0.95 };
    expect(compareSpcProportion({ ...above, polarity: 'high-is-good' }).outcome).toBe('Better');
    expect(compareSpcProportion({ ...above, polarity: 'low-is-good' }).outcome).toBe('Worse');
    // 0.224 is inside the 99.8% limits (upper 0.22732): Similar at 99.8%.
    expect(compareSpcProportion({ ...above, polarity: 'high-is-good', level: 0.998 }).outcome).toBe(
      'Similar',
    );
    expect(compareSpcProportion({ ...above, count: 950, polarity: 'high-is-good' }).outcome).toBe(
      'Worse',
    ); // 0.19
  });
  it('rejects a percentage benchmark and impossible counts', () => {
    const input = {
      count: 10,
      denominator: 100,
      polarity: 'high-is-good' as const,
      level: 0.95,
      group: 'Area=X',
    };
    expect(() => compareSpcProportion({ ...input, benchmarkProportion: 20 })).toThrow(
      'Area=X, benchmarkProportion',
    );
    expect(() => compareSpcProportion({ ...input, count: 101, benchmarkProportion: 0.2 })).toThrow(
      'Area=X, count',
    );
    expect(() =>
      compareSpcProportion({ ...input, denominator: 0, benchmarkProportion: 0.2 }),
    ).toThrow('Area=X, denominator');
    expect(
      compareSpcProportion({ ...input, denominator: null, benchmarkProportion: 0.2 }).reason,
    ).toBe('missing denominator');
  });
});

describe('percentileInc', () => {
  // Excel PERCENTILE.INC({1,2,3,4,10}, 0.2) = 1.8: position (5-1)*0.2 = 0.8 -> 1 + 0.8*(2-1).
  it('interpolates like Excel PERCENTILE.INC / R type 7', () => {
    expect(percentileInc([1, 2, 3, 4, 10], 0.2)).toBeCloseTo(1.8, 14);
    expect(percentileInc([1, 2, 3, 4, 10], 0.8)).toBeCloseTo(5.2, 14); // 3.2 -> 4 + 0.2*6
    expect(percentileInc([1, 2, 3, 4, 10], 1)).toBe(10);
  });
});

describe('quintilesLegacy', () => {
  // Ten values 1..10. Bounds by hand (position 9f): P20 = 2.8, P40 = 4.6, P60 = 6.4, P80 = 8.2, max 10.
  // The categories agree with fingertips-open's own QuintilesComparerTest (Test_GetCategories,
  // ..RagHighIsGood: 1->5, 3->4, 5->3, 7->2, 9->1; ..RagLowIsGood: 1->1, 3->2, 5->3, 7->4, 9->5).
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('bounds are PERCENTILE.INC rounded to 10 dp', () => {
    expect(quintilesLegacy(values, 'no-judgement').bounds).toEqual([2.8, 4.6, 6.4, 8.2, 10]);
  });
  it('no judgement: 1 = lowest values', () => {
    const q = quintilesLegacy(values, 'no-judgement').categories.map((c) => c.quintile);
    expect(q).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
  it('RAG high-is-good reverses (6 - i) so 1 is the best fifth', () => {
    const r = quintilesLegacy(values, 'high-is-good').categories;
    expect(r.map((c) => c.quintile)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(r[9]!.label).toBe('Best');
    expect(r[0]!.label).toBe('Worst');
  });
  it('RAG low-is-good keeps i, so the lowest values are Best', () => {
    expect(quintilesLegacy(values, 'low-is-good').categories[0]).toEqual({
      quintile: 1,
      label: 'Best',
    });
    const q = quintilesLegacy(values, 'low-is-good').categories.map((c) => c.quintile);
    expect([q[0], q[2], q[4], q[6], q[8]]).toEqual([1, 2, 3, 4, 5]); // fingertips-open Test_GetCategoriesRagLowIsGood
  });
  it('a value equal to a bound goes to the lower category', () => {
    // 1,2,3,4,5: P20 = 1.8, P40 = 2.6, P60 = 3.4, P80 = 4.2. With 1,2,2,2,5: P20 = 1.8, P40 = 2, P60 = 2,
    // P80 = 2.6 -> the three 2s equal P40 and go to quintile 2, not 3.
    const r = quintilesLegacy([1, 2, 2, 2, 5], 'no-judgement');
    expect(r.bounds).toEqual([1.8, 2, 2, 2.6, 5]);
    expect(r.categories.map((c) => c.quintile)).toEqual([1, 2, 2, 2, 5]);
  });
  it('rounds bounds to 10 dp before comparing', () => {
    // P20 of [0.1, 0.2, 0.3, 0.4, 0.5] in floating point is 0.18000000000000002; rounded it is 0.18.
    expect(quintilesLegacy([0.1, 0.2, 0.3, 0.4, 0.5], 'no-judgement').bounds[0]).toBe(0.18);
  });
  it('fewer than 5 valid values -> Not compared; missing values are excluded and flagged', () => {
    const r = quintilesLegacy([1, 2, null, 3, 4], 'high-is-good');
    expect(r.categories.map((c) => c.reason)).toEqual([
      'quintiles need at least 5 values; 4 given',
      'quintiles need at least 5 values; 4 given',
      'missing value',
      'quintiles need at least 5 values; 4 given',
      'quintiles need at least 5 values; 4 given',
    ]);
  });
  it('labels the method used', () => {
    expect(quintilesLegacy(values, 'high-is-good').method).toBe('legacy-percentile');
    expect(quintilesNtile(values, 'high-is-good').method).toBe('ntile');
  });
});

describe('quintilesNtile', () => {
  it('equal-count groups; the first n mod 5 groups take the extra rows', () => {
    // 7 rows: NTILE(5) sizes 2,2,1,1,1.
    const q = quintilesNtile([70, 10, 30, 20, 50, 40, 60], 'no-judgement').categories.map(
      (c) => c.quintile,
    );
    expect(q).toEqual([5, 1, 2, 1, 3, 2, 4]);
  });
  it('ties can straddle groups (unlike the legacy method)', () => {
    const ntile = quintilesNtile([1, 2, 2, 2, 5], 'no-judgement').categories.map((c) => c.quintile);
    expect(ntile).toEqual([1, 2, 3, 4, 5]);
  });
  it('FingertipsNext labels: high is good 1 = Worst, low is good 1 = Best', () => {
    const values = [1, 2, 3, 4, 5];
    expect(quintilesNtile(values, 'high-is-good').categories.map((c) => c.label)).toEqual([
      'Worst',
      'Worse',
      'Middle',
      'Better',
      'Best',
    ]);
    expect(quintilesNtile(values, 'low-is-good').categories.map((c) => c.label)).toEqual([
      'Best',
      'Better',
      'Middle',
      'Worse',
      'Worst',
    ]);
    expect(quintilesNtile(values, 'no-judgement').categories.map((c) => c.label)).toEqual([
      'Lowest',
      'Low',
      'Middle',
      'High',
      'Highest',
    ]);
  });
  it('rejects non-finite values with the row', () => {
    expect(() => quintilesNtile([1, 2, Number.POSITIVE_INFINITY, 4, 5], 'high-is-good')).toThrow(
      'row=3, value',
    );
  });
});

describe('compareToBenchmark reproduces a real Fingertips export', () => {
  // fixtures/data/fingertips/indicators-CountyUA.data.csv (see fixtures/data/SOURCES.md): indicator 93356
  // Campylobacter incidence, 2015-2017, two age groups, England + regions + counties/UAs, with
  // Fingertips' own "Compared to England" and "Compared to Region" columns. The indicator is compared
  // at 95% with RAG low-is-good polarity; every published outcome (787 + 792 rows) must match exactly.
  const file = fileURLToPath(
    new URL('../../fixtures/data/fingertips/indicators-CountyUA.data.csv', import.meta.url),
  );
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
  const num = (s: string | undefined): number | null =>
    s === undefined || s === '' ? null : Number(s);
  const valueOf = new Map(
    rows
      .filter((r) => r['Category Type'] === '')
      .map((r) => [`${r['Area Code']!}|${r['Time period']!}|${r['Age']!}`, num(r.Value)]),
  );
  const compare = (r: Record<string, string>, benchmarkCode: string) =>
    compareToBenchmark({
      value: num(r.Value),
      lower: num(r['Lower CI 95.0 limit']),
      upper: num(r['Upper CI 95.0 limit']),
      benchmark: valueOf.get(`${benchmarkCode}|${r['Time period']!}|${r.Age!}`) ?? null,
      polarity: 'low-is-good',
      level: 0.95,
      areaCode: r['Area Code'],
      benchmarkCode,
    }).outcome;

  it('parses the export (852 records)', () => {
    expect(rows).toHaveLength(852);
  });
  it('every "Compared to England" outcome for regions and counties/UAs', () => {
    const subject = rows.filter((r) => r['Area Type'] !== 'Country');
    expect(subject).toHaveLength(787);
    const mismatches = subject.filter(
      (r) => compare(r, 'E92000001') !== r['Compared to England value or percentiles'],
    );
    expect(mismatches).toEqual([]);
    // Sanity: all four outcomes occur, so the check is not vacuous.
    expect(new Set(subject.map((r) => compare(r, 'E92000001')))).toEqual(
      new Set(['Better', 'Similar', 'Worse', 'Not compared']),
    );
  });
  it('every "Compared to Region" outcome (benchmark = the parent area)', () => {
    const subject = rows.filter((r) => r['Category Type'] === '');
    expect(subject).toHaveLength(792);
    const mismatches = subject.filter(
      (r) => compare(r, r['Parent Code']!) !== r['Compared to Region value or percentiles'],
    );
    expect(mismatches).toEqual([]);
  });
});

describe('compareToBenchmark reproduces a real Fingertips extract with no-judgement polarity', () => {
  // fixtures/data/fingertips/nonstandard_headers/suicide_indicators_CountyUA_london_2019extract.csv:
  // five suicide indicators for England, London and the 33 London LAs, compared at 95% with the
  // blue-orange-blue (no judgement) polarity, so the published words are Higher / Similar / Lower.
  // "Compared to Region" for the London region row is its own region: Not compared (self-comparison).
  const file = fileURLToPath(
    new URL(
      '../../fixtures/data/fingertips/nonstandard_headers/suicide_indicators_CountyUA_london_2019extract.csv',
      import.meta.url,
    ),
  );
  const rows = Papa.parse<Record<string, string>>(
    readFileSync(file, 'utf8').replace(/^\uFEFF/, ''),
    {
      header: true,
      skipEmptyLines: true,
    },
  ).data;
  const num = (s: string | undefined): number | null =>
    s === undefined || s === '' ? null : Number(s);
  const key = (r: Record<string, string>, area: string) =>
    `${r.IndicatorID!}|${area}|${r.Sex!}|${r.Age!}`;
  const valueOf = new Map(rows.map((r) => [key(r, r.AreaCode!), num(r.Value)]));
  const compare = (r: Record<string, string>, benchmarkCode: string) =>
    compareToBenchmark({
      value: num(r.Value),
      lower: num(r['Lower_CI_95.0_limit']),
      upper: num(r['Upper_CI_95.0_limit']),
      benchmark: valueOf.get(key(r, benchmarkCode)) ?? null,
      polarity: 'no-judgement',
      level: 0.95,
      areaCode: r.AreaCode,
      benchmarkCode,
    });

  it('all 175 "Compared to England" outcomes', () => {
    expect(rows).toHaveLength(175);
    const mismatches = rows.filter(
      (r) => compare(r, 'E92000001').outcome !== r.Compared_to_England_value_or_percentiles,
    );
    expect(mismatches).toEqual([]);
    expect(new Set(rows.map((r) => compare(r, 'E92000001').outcome))).toEqual(
      new Set(['Higher', 'Similar', 'Lower', 'Not compared']),
    );
  });
  it('all 175 "Compared to Region" outcomes, the region row being its own benchmark', () => {
    const regionOf = (r: Record<string, string>) =>
      r.AreaType === 'Region' ? r.AreaCode! : r.ParentCode!;
    const mismatches = rows.filter(
      (r) => compare(r, regionOf(r)).outcome !== r.Compared_to_Region_value_or_percentiles,
    );
    expect(mismatches).toEqual([]);
    const london = rows.find((r) => r.AreaCode === 'E12000007')!;
    expect(compare(london, 'E12000007').reason).toBe('area E12000007 is its own benchmark');
  });
});
