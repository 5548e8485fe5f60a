import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { abridgedLifeTable } from './abridgedLifeTable';
import { arriagaByAge, arriagaDecomposition, type ArriagaInput } from './arriaga';

/**
 * Hand-checked two-table example (exact fractions worked by hand; tolerance 1e-12 in years).
 * Two bands, [0, 50) and the open 50+, a_x = 0.5, populations of 10,000 in every band.
 *
 * Population 1: m = 0.002, 0.05.  q₀ = 50·0.002/(1 + 25·0.002) = 0.1/1.05 = 2/21
 *   l₀ = 100,000, l₅₀ = 100,000·19/21;  L₀ = 25·(l₀ + l₅₀) = 2,500,000·40/21;  L₅₀ = l₅₀/0.05 = 20·l₅₀
 *   e₀ = 25·40/21 + 20·19/21 = 1380/21 = 65.714285...;  e₅₀ = 20
 * Population 2: m = 0.001, 0.04.  q₀ = 0.05/1.025 = 2/41
 *   l₅₀ = 100,000·39/41;  L₀ = 2,500,000·80/41;  L₅₀ = 25·l₅₀
 *   e₀ = 25·80/41 + 25·39/41 = 2975/41 = 72.560975...;  e₅₀ = 25
 * Gap = 2975/41 − 1380/21 = (62475 − 56580)/861 = 5895/861 = 6.846689895...
 *
 * Band [0, 50):
 *   direct      = (l¹₀/l₀)(L²₀/l²₀ − L¹₀/l¹₀) = 25·80/41 − 25·40/21 = (42000 − 41000)/861 = 1000/861
 *   extra survivors = l¹₀·l²₅₀/l²₀ − l¹₅₀ = 100,000·(39/41 − 19/21) = 100,000·40/861
 *   indirect    = extra·e¹₅₀/l₀ = (40/861)·20 = 800/861
 *   interaction = extra·(e²₅₀ − e¹₅₀)/l₀ = (40/861)·5 = 200/861          -> total 2000/861
 * Band 50+ (open, direct only): (l¹₅₀/l₀)(T²₅₀/l²₅₀ − T¹₅₀/l¹₅₀) = (19/21)(25 − 20) = 95/21 = 3895/861
 * Check: 2000/861 + 3895/861 = 5895/861 = the gap.
 *
 * Causes (deaths out of 10,000): pop 1 band 0: circulatory 12, cancer 8 (all 20 deaths);
 * band 50+: circulatory 300, cancer 150 of 500 (50 unassigned). Pop 2: band 0: 4, 6 (all 10);
 * band 50+: 240, 140 of 400 (20 unassigned).
 *   band 0: m² − m¹ = −0.001; circulatory −0.0008 (0.8 share), cancer −0.0002 (0.2)
 *     -> circulatory 1600/861, cancer 400/861
 *   band 50+: m² − m¹ = −0.01; circulatory −0.006 (0.6), cancer −0.001 (0.1), other −0.003 (0.3)
 *     -> circulatory 2337/861, cancer 389.5/861, other 1168.5/861
 *   totals: circulatory 3937/861, cancer 789.5/861, other 1168.5/861 (sum 5895/861)
 */
const pop = [10000, 10000];
const example: ArriagaInput = {
  population1: {
    ageStart: [0, 50],
    deaths: [20, 500],
    population: pop,
    ax: [0.5, 0.5],
    group: 'Population=1',
  },
  population2: { ageStart: [0, 50], deaths: [10, 400], population: pop, ax: [0.5, 0.5] },
  causes: {
    causes: ['Circulatory', 'Cancer'],
    deaths1: [
      [12, 300],
      [8, 150],
    ],
    deaths2: [
      [4, 240],
      [6, 140],
    ],
  },
};

describe('arriagaDecomposition: hand-checked two-table example', () => {
  const r = arriagaDecomposition(example);
  it('life expectancies and gap', () => {
    expect(r.e1).toBeCloseTo(1380 / 21, 12);
    expect(r.e2).toBeCloseTo(2975 / 41, 12);
    expect(r.gap).toBeCloseTo(5895 / 861, 12);
  });
  it('direct, indirect and interaction effects by band', () => {
    const [young, old] = r.bands;
    expect(young!.direct).toBeCloseTo(1000 / 861, 12);
    expect(young!.indirect).toBeCloseTo(800 / 861, 12);
    expect(young!.interaction).toBeCloseTo(200 / 861, 12);
    expect(young!.total).toBeCloseTo(2000 / 861, 12);
    expect(young!.percent).toBeCloseTo((100 * 2000) / 5895, 10);
    expect(old).toMatchObject({ ageStart: 50, ageEnd: null, indirect: 0, interaction: 0 });
    expect(old!.direct).toBeCloseTo(95 / 21, 12);
  });
  it('cause contributions in proportion to rate differences, with an Other residual', () => {
    expect(r.causeTotals!.map((c) => c.cause)).toEqual(['Circulatory', 'Cancer', 'Other causes']);
    const years = r.causeTotals!.map((c) => c.years);
    expect(years[0]).toBeCloseTo(3937 / 861, 12);
    expect(years[1]).toBeCloseTo(789.5 / 861, 12);
    expect(years[2]).toBeCloseTo(1168.5 / 861, 12);
    expect(r.bands[0]!.causes!.map((c) => c.years)[0]).toBeCloseTo(1600 / 861, 12);
    expect(r.bands[0]!.causes![2]!.years).toBe(0); // no unassigned deaths under 50
    expect(r.warnings.map((w) => w.message)).toEqual([
      "deaths not assigned to a cause are shown as 'Other causes'",
    ]);
  });
  it('years and percent sum to the gap (to 1e-9)', () => {
    expectSumsToGap(r);
  });
});

describe('arriagaByAge from life-table columns (radix 1)', () => {
  // The same two tables as above, written out by hand with l₀ = 1 (the radix cancels).
  const t1 = {
    ageStart: [0, 50],
    lx: [1, 19 / 21],
    Lx: [(25 * 40) / 21, (20 * 19) / 21],
    Tx: [1380 / 21, 380 / 21],
  };
  const t2 = {
    ageStart: [0, 50],
    lx: [1, 39 / 41],
    Lx: [(25 * 80) / 41, (25 * 39) / 41],
    Tx: [2975 / 41, 975 / 41],
  };
  it('gives the hand-worked effects', () => {
    const r = arriagaByAge(t1, t2);
    expect(r.gap).toBeCloseTo(5895 / 861, 12);
    expect(r.bands[0]!.indirect).toBeCloseTo(800 / 861, 12);
    expect(r.bands[1]!.total).toBeCloseTo(3895 / 861, 12);
  });
  it('rejects a table with a zero survivor count or a missing column entry', () => {
    expect(() => arriagaByAge({ ...t1, lx: [1, 0], group: 'Table=A' }, t2)).toThrow(
      'Table=A, lx: population1 at age 50',
    );
    expect(() => arriagaByAge(t1, { ...t2, Tx: [1] })).toThrow(
      'Tx: population2 has 1 entries but 2 age bands',
    );
  });
});

function expectSumsToGap(r: ReturnType<typeof arriagaDecomposition>): void {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum(r.bands.map((b) => b.total)) - r.gap)).toBeLessThan(1e-9);
  expect(Math.abs(sum(r.bands.map((b) => b.percent!)) - 100)).toBeLessThan(1e-9);
  for (const b of r.bands) {
    expect(Math.abs(b.direct + b.indirect + b.interaction - b.total)).toBeLessThan(1e-12);
    if (b.causes) expect(Math.abs(sum(b.causes.map((c) => c.years)) - b.total)).toBeLessThan(1e-9);
  }
  if (r.causeTotals) {
    expect(Math.abs(sum(r.causeTotals.map((c) => c.years)) - r.gap)).toBeLessThan(1e-9);
    expect(Math.abs(sum(r.causeTotals.map((c) => c.percent!)) - 100)).toBeLessThan(1e-9);
  }
}

// Real data: PHEindicatormethods 2.1.0 life expectancy test inputs (20 bands 0, 1, 5, ..., 90+) and
// its expected e_x values (fixtures/reference/pheindicatormethods, case le_single_area "df1" and
// le_grouped_with_warnings "Good data").
const dir = fileURLToPath(
  new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url),
);
function readCsv(name: string): string[][] {
  return readFileSync(dir + name, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map((f) => f.replace(/"/g, '')));
}
const inputs = readCsv('life_expectancy_inputs.csv');
const expected = readCsv('life_expectancy_expected.csv');
function area(caseId: string, name: string) {
  const rows = inputs.filter((r) => r[0] === caseId && r[1] === name);
  return {
    ageStart: rows.map((r) => Number(r[2])),
    population: rows.map((r) => Number(r[3])),
    deaths: rows.map((r) => Number(r[4])),
  };
}
const expectedEx = (caseId: string, name: string) =>
  expected.filter((r) => r[0] === caseId && r[1] === name).map((r) => Number(r[3]));

describe('abridgedLifeTable against PHEindicatormethods phe_life_expectancy', () => {
  it('reproduces e_x for every band of df1 (tolerance 1e-9 years)', () => {
    const table = abridgedLifeTable(area('le_single_area', 'df1'));
    const want = expectedEx('le_single_area', 'df1');
    expect(want).toHaveLength(20);
    table.ex.forEach((e, i) => expect(e).toBeCloseTo(want[i]!, 9));
  });
  it('rejects bad input with group and field', () => {
    expect(() =>
      abridgedLifeTable({ ageStart: [0, 5, 1], mx: [0.1, 0.1, 0.1], group: 'Area=X' }),
    ).toThrow('Area=X, ageStart');
    expect(() =>
      abridgedLifeTable({ ageStart: [0, 1], deaths: [1, 2], population: [0, 10] }),
    ).toThrow('population: population at age 0');
    expect(() => abridgedLifeTable({ ageStart: [0, 1], mx: [0.1, 0] })).toThrow(
      /open-ended last band/,
    );
    expect(() => abridgedLifeTable({ ageStart: [0, 1], mx: [0.1, Number.NaN] })).toThrow(
      'mx: NaN at age 1',
    );
  });
});

describe('arriagaDecomposition on real life-table inputs', () => {
  const df1 = area('le_single_area', 'df1');
  const good = area('le_grouped_with_warnings', 'Good data');
  it('gap equals the difference of PHEindicatormethods e0 values, and contributions sum to it', () => {
    const r = arriagaDecomposition({ population1: df1, population2: good });
    const gap =
      expectedEx('le_grouped_with_warnings', 'Good data')[0]! -
      expectedEx('le_single_area', 'df1')[0]!;
    expect(r.gap).toBeCloseTo(gap, 9);
    expectSumsToGap(r);
  });
  it('swapping the populations negates the gap (contributions need not mirror exactly)', () => {
    const a = arriagaDecomposition({ population1: df1, population2: good });
    const b = arriagaDecomposition({ population1: good, population2: df1 });
    expect(b.gap).toBeCloseTo(-a.gap, 12);
    expectSumsToGap(b);
  });
  it('identical populations: zero gap, zero contributions, percent null', () => {
    const r = arriagaDecomposition({ population1: df1, population2: df1 });
    expect(r.gap).toBe(0);
    // Exact zero is not guaranteed: l¹·l²ₓ₊ₙ/l² − l¹ₓ₊ₙ can leave a rounding residue (tolerance 1e-12 years).
    expect(r.bands.every((b) => Math.abs(b.total) < 1e-12 && b.percent === null)).toBe(true);
  });
  it('requires matching age bands and consistent cause deaths', () => {
    expect(() =>
      arriagaDecomposition({
        population1: df1,
        population2: { ...good, ageStart: good.ageStart.map((a) => a + 1) },
      }),
    ).toThrow('ageStart: both populations need the same age bands');
    const tooMany = {
      ...example,
      causes: {
        ...example.causes!,
        deaths1: [
          [30, 300],
          [8, 150],
        ],
      },
    };
    expect(() => arriagaDecomposition(tooMany)).toThrow(
      'Population=1, causes.deaths1: cause deaths at age 0 exceed all-cause deaths',
    );
  });
});
