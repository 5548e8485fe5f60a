import { describe, expect, it } from 'vitest';
import { cochranArmitage, recentTrend, TREND_CHI_SQUARED_THRESHOLD, trendLabel } from './trend';

// Worked example: FINGERTIPS-METHODS.md §2.4, the data set of fingertips-open
// `TrendMarkerCalculatorTest.cs` (years 2014-2018; values per 1,000 with Byar's 95% limits).
const years = [2014, 2015, 2016, 2017, 2018];
const counts = [994, 1023, 1199, 1332, 1367];
const denominators = [40299, 41527, 42811, 44064, 44701];
const values = [24.67, 24.6, 28, 30.2, 30.6];
const lower95 = [23.16, 23.15, 26.44, 28.63, 28.98];
const upper95 = [26.25, 26.19, 29.64, 31.9, 32.25];

// Second data set of the same test (counts out of denominators). The document gives χ² = 0.464 for the
// weighted method; that figure is reproduced with Wilson 95% limits (Python re-derivation: 0.4642903).
const counts2 = [209, 213, 213, 239, 210];
const denominators2 = [1017, 1087, 1119, 1117, 1139];
function wilson95(x: number, n: number): [number, number] {
  const z = 1.959963984540054; // qnorm(0.975)
  const root = z * Math.sqrt(z * z + 4 * x * (1 - x / n));
  const d = 2 * (n + z * z);
  return [(2 * x + z * z - root) / d, (2 * x + z * z + root) / d];
}
const wilson2 = counts2.map((x, i) => wilson95(x, denominators2[i]!));

describe('recentTrend: the FINGERTIPS-METHODS.md worked example', () => {
  it('weighted least squares: χ² 46.7653, slope 1.7516 per year -> Increasing', () => {
    const r = recentTrend({
      years,
      values,
      lower95,
      upper95,
      polarity: 'no-judgement',
      method: 'weighted-least-squares',
    });
    // Document's figures, to the 4 dp given (tolerance 5e-5).
    expect(r.chiSquared).toBeCloseTo(46.7653, 4);
    expect(r.slope).toBeCloseTo(1.7516, 4);
    // Independent Python re-derivation in double precision (tolerance 1e-9).
    expect(r.chiSquared).toBeCloseTo(46.76531579206266, 9);
    expect(r.slope).toBeCloseTo(1.751566222662941, 9);
    expect(r.slopeSe).toBeCloseTo(0.2561324631235089, 9);
    expect(r.leaveOneOutSlopes.every((s) => s > 0)).toBe(true);
    expect(r).toMatchObject({
      label: 'Increasing',
      direction: 'increasing',
      significant: true,
      signsAgree: true,
      years,
    });
  });

  it('proportions (Cochran–Armitage): χ² 47.8967 -> Increasing', () => {
    const r = recentTrend({
      years,
      counts,
      denominators,
      polarity: 'no-judgement',
      method: 'proportions',
    });
    expect(r.chiSquared).toBeCloseTo(47.8967, 4); // document, 4 dp
    expect(r.chiSquared).toBeCloseTo(47.896676707589116, 9); // Python re-derivation
    // Unweighted least-squares slope of logit(p) on t, Python re-derivation (tolerance 1e-12).
    expect(r.slope).toBeCloseTo(0.0652496407789835, 12);
    expect(r.leaveOneOutSlopes.every((s) => s > 0)).toBe(true);
    expect(r.label).toBe('Increasing');
  });

  it('second data set: χ² 0.464, not significant, and one leave-one-out slope changes sign', () => {
    const r = recentTrend({
      years,
      values: counts2.map((x, i) => (100 * x) / denominators2[i]!),
      lower95: wilson2.map(([l]) => 100 * l),
      upper95: wilson2.map(([, u]) => 100 * u),
      polarity: 'high-is-good',
      method: 'weighted-least-squares',
    });
    expect(r.chiSquared).toBeCloseTo(0.464, 3); // document, 3 dp
    expect(r.chiSquared).toBeCloseTo(0.46429034063988806, 9); // Python re-derivation
    expect(r.leaveOneOutSlopes.filter((s) => s > 0)).toHaveLength(1); // dropping 2018 turns the slope positive
    expect(r.signsAgree).toBe(false);
    expect(r).toMatchObject({
      label: 'No significant change',
      significant: false,
      direction: null,
    });
    expect(r.reason).toBe(`χ² 0.464290 is not above ${String(TREND_CHI_SQUARED_THRESHOLD)}`);
  });

  it('second data set, proportions: χ² 0.40026 (Python re-derivation), not significant', () => {
    expect(cochranArmitage([1, 2, 3, 4, 5], counts2, denominators2)).toBeCloseTo(
      0.4002640632524542,
      9,
    );
    const r = recentTrend({
      years,
      counts: counts2,
      denominators: denominators2,
      polarity: 'low-is-good',
      method: 'proportions',
    });
    expect(r.label).toBe('No significant change');
  });
});

describe('recentTrend: labels and polarity', () => {
  const falling = {
    years,
    values: [...values].reverse(),
    lower95: [...lower95].reverse(),
    upper95: [...upper95].reverse(),
  };
  it.each([
    ['high-is-good', 'Decreasing and getting worse'],
    ['low-is-good', 'Decreasing and getting better'],
    ['no-judgement', 'Decreasing'],
  ] as const)('falling series, %s -> %s', (polarity, label) => {
    const r = recentTrend({ ...falling, polarity, method: 'weighted-least-squares' });
    expect(r.label).toBe(label);
    expect(r.slope).toBeCloseTo(-1.751566222662941, 9); // mirror image of the worked example
  });
  it('rising series labels', () => {
    expect(trendLabel('increasing', 'high-is-good')).toBe('Increasing and getting better');
    expect(trendLabel('increasing', 'low-is-good')).toBe('Increasing and getting worse');
  });
  it('a large χ² with a sign-changing leave-one-out slope is No significant change', () => {
    // Flat-then-falling series with a late jump: overall slope positive, but dropping 2018 leaves a falling line.
    const r = recentTrend({
      years,
      values: [10, 9.9, 9.8, 9.7, 20],
      lower95: [9.9, 9.8, 9.7, 9.6, 19.9],
      upper95: [10.1, 10, 9.9, 9.8, 20.1],
      polarity: 'high-is-good',
      method: 'weighted-least-squares',
    });
    expect(r.chiSquared!).toBeGreaterThan(TREND_CHI_SQUARED_THRESHOLD);
    expect(r.leaveOneOutSlopes[4]!).toBeLessThan(0);
    expect(r).toMatchObject({
      label: 'No significant change',
      reason: 'a leave-one-out slope changes sign',
    });
  });
});

describe('recentTrend: which points are used', () => {
  it('uses only the latest 5 of a longer series', () => {
    const r = recentTrend({
      years: [2012, 2013, ...years],
      values: [999, 0.001, ...values],
      lower95: [998, 0, ...lower95],
      upper95: [1000, 0.002, ...upper95],
      polarity: 'no-judgement',
      method: 'weighted-least-squares',
    });
    expect(r.years).toEqual(years);
    expect(r.chiSquared).toBeCloseTo(46.76531579206266, 9);
  });
  it('a missing value inside the latest 5 breaks the run -> Cannot be calculated', () => {
    const r = recentTrend({
      years,
      values: [24.67, 24.6, null, 30.2, 30.6],
      lower95,
      upper95,
      polarity: 'no-judgement',
      method: 'weighted-least-squares',
    });
    expect(r).toMatchObject({ label: 'Cannot be calculated', years: [2017, 2018] });
    expect(r.reason).toBe('needs 5 consecutive valid annual points ending at the latest; found 2');
  });
  it('a missing denominator breaks the run when counts are given', () => {
    const r = recentTrend({
      years,
      counts,
      denominators: [40299, null, 42811, 44064, 44701],
      polarity: 'no-judgement',
      method: 'proportions',
    });
    expect(r.label).toBe('Cannot be calculated');
  });
  it('a gap in the years breaks the run', () => {
    const r = recentTrend({
      years: [2013, 2015, 2016, 2017, 2018],
      values,
      lower95,
      upper95,
      polarity: 'no-judgement',
      method: 'weighted-least-squares',
    });
    expect(r.years).toEqual([2015, 2016, 2017, 2018]);
    expect(r.label).toBe('Cannot be calculated');
  });
  it('count equal to denominator -> Cannot be calculated (both methods)', () => {
    const full = [994, 1023, 1199, 1332, 44701];
    const wls = recentTrend({
      years,
      values,
      lower95,
      upper95,
      counts: full,
      denominators,
      polarity: 'no-judgement',
      method: 'weighted-least-squares',
    });
    const prop = recentTrend({
      years,
      counts: full,
      denominators,
      polarity: 'no-judgement',
      method: 'proportions',
    });
    for (const r of [wls, prop]) {
      expect(r).toMatchObject({
        label: 'Cannot be calculated',
        reason: 'a count equals its denominator, so the logit is undefined',
      });
    }
  });
  it('a zero-width CI cannot be weighted', () => {
    const r = recentTrend({
      years,
      values,
      lower95: [...lower95.slice(0, 4), 30.6],
      upper95: [...upper95.slice(0, 4), 30.6],
      polarity: 'no-judgement',
      method: 'weighted-least-squares',
    });
    expect(r.reason).toBe('a 95% confidence interval has zero width, so its weight is infinite');
  });
});

describe('recentTrend: bad input', () => {
  const ok = {
    years,
    values,
    lower95,
    upper95,
    polarity: 'no-judgement' as const,
    method: 'weighted-least-squares' as const,
    group: 'Area=E09000002',
  };
  it.each([
    [
      { ...ok, years: [2014, 2015, 2015, 2017, 2018] },
      'Area=E09000002, years: years must be strictly increasing',
    ],
    [{ ...ok, values: values.slice(1) }, 'Area=E09000002, values: has 4 entries but years has 5'],
    [
      { ...ok, values: undefined },
      'Area=E09000002, values: the weighted-least-squares trend needs values',
    ],
    [
      { ...ok, upper95: [...upper95.slice(0, 4), Number.NaN] },
      'Area=E09000002, upper95: NaN at year 2018',
    ],
    [
      { ...ok, lower95: [...lower95.slice(0, 4), 40] },
      'Area=E09000002, lower95: lower95 40 is above upper95 32.25',
    ],
    [{ ...ok, counts }, 'Area=E09000002, denominators: give counts and denominators together'],
    [
      { ...ok, method: 'proportions' as const, counts: [50000, ...counts.slice(1)], denominators },
      'Area=E09000002, counts: count 50000',
    ],
  ])('throws MethodInputError (%#)', (input, message) => {
    expect(() => recentTrend(input)).toThrow(message);
  });
});

/**
 * Real England/region series with the trend Fingertips published for them, as quoted in FingertipsNext's
 * own unit tests (dhsc-govuk/FingertipsNext, trend-analysis/TrendAnalysisApp.UnitTests/Calculator/
 * IndicatorTestData.cs and TrendCalculatorTests.cs, which say each expected trend is "as per website").
 * Rows are [year, count, denominator, value, lower95, upper95], oldest first. χ² values are this
 * implementation's, cross-checked by the Python re-derivation (tolerance 1e-6 relative).
 */
type Row = readonly [number, number, number, number, number, number];
const columns = (rows: readonly Row[]) => ({
  years: rows.map((r) => r[0]),
  counts: rows.map((r) => r[1]),
  denominators: rows.map((r) => r[2]),
  values: rows.map((r) => r[3]),
  lower95: rows.map((r) => r[4]),
  upper95: rows.map((r) => r[5]),
});

describe('recentTrend reproduces trends published by Fingertips', () => {
  it('241 Diabetes prevalence (QOF), England, proportions method -> Increasing (χ² 16494.76)', () => {
    const rows: Row[] = [
      [2020, 3455176, 48783947, 7.0826, 7.0754, 7.094],
      [2021, 3491868, 49122259, 7.1085, 7.1013, 7.1199],
      [2022, 3625401, 49956777, 7.2571, 7.2499, 7.2684],
      [2023, 3774801, 50649129, 7.4528, 7.4456, 7.4643],
      [2024, 3938080, 51441896, 7.6554, 7.6481, 7.6669],
    ];
    const r = recentTrend({ ...columns(rows), polarity: 'not-applicable', method: 'proportions' });
    expect(r.label).toBe('Increasing');
    expect(Math.abs(r.chiSquared! / 16494.755906619033 - 1)).toBeLessThan(1e-6);
  });
  it('30309 MMR one dose at 2, Yorkshire and the Humber, high is good -> Decreasing and getting worse', () => {
    const rows: Row[] = [
      [2020, 57274, 61834, 92.6254, 92.4168, 92.8288],
      [2021, 55865, 60511, 92.3221, 92.1072, 92.5315],
      [2022, 53681, 59074, 90.8708, 90.6358, 91.1004],
      [2023, 51767, 57508, 90.017, 89.7694, 90.2594],
      [2024, 53185, 59028, 90.1013, 89.8578, 90.3396],
    ];
    const r = recentTrend({
      ...columns(rows),
      polarity: 'high-is-good',
      method: 'weighted-least-squares',
    });
    expect(r.label).toBe('Decreasing and getting worse');
    expect(Math.abs(r.chiSquared! / 418.53656853121885 - 1)).toBeLessThan(1e-6);
  });
  it('41203 Preventable sight loss from diabetic eye disease (crude rate), England, low is good -> Increasing and getting worse', () => {
    const rows: Row[] = [
      [2020, 1416, 48246126, 2.935, 2.7841, 3.0919],
      [2021, 935, 48440507, 1.93028, 1.8085, 2.058],
      [2022, 1344, 48753376, 2.7567, 2.6113, 2.9082],
      [2023, 1415, 49300918, 2.8701, 2.7225, 3.0237],
      [2024, 1502, 49866388, 3.0121, 2.8616, 3.1683],
    ];
    const r = recentTrend({
      ...columns(rows),
      polarity: 'low-is-good',
      method: 'weighted-least-squares',
    });
    expect(r.label).toBe('Increasing and getting worse');
    expect(Math.abs(r.chiSquared! / 33.48578067368993 - 1)).toBeLessThan(1e-6);
  });
  it('40501 Under 75 cancer mortality (DSR), England, low is good -> Decreasing and getting better', () => {
    // The source gives the 2023 value as `120/7742` (a typo: C# integer division, 0); the value inside
    // its CI 119.8035-121.7507 is 120.7742, used here. Either way the trend is the same.
    const rows: Row[] = [
      [2019, 61807, 51510878, 126.9341, 125.9343, 127.94],
      [2020, 61740, 51530437, 125.829, 124.8371, 126.8268],
      [2021, 60202, 51653460, 121.5234, 120.5533, 122.4993],
      [2022, 60192, 51966274, 122.3782, 121.4012, 123.361],
      [2023, 59423, 52380101, 120.7742, 119.8035, 121.7507],
    ];
    const r = recentTrend({
      ...columns(rows),
      polarity: 'low-is-good',
      method: 'weighted-least-squares',
    });
    expect(r.label).toBe('Decreasing and getting better');
    expect(Math.abs(r.chiSquared! / 97.09532066903253 - 1)).toBeLessThan(1e-6);
    // With only 4 points (the source's "insufficient data" case) it cannot be calculated.
    const short = recentTrend({
      ...columns(rows.slice(1)),
      polarity: 'low-is-good',
      method: 'weighted-least-squares',
    });
    expect(short.label).toBe('Cannot be calculated');
  });
});
