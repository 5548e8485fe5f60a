import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import type { IsrReference } from './isr';
import { isRate, isRatio } from './isr';
import type { Row } from './testing/referenceCsv';
import { numbers, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Sources: fixtures/reference/pheindicatormethods/data/isr_inputs.csv, isr_observed_totals.csv and
// isr_expected.csv (israte_x1e5, israte_x1e3, isratio_x1, isratio_x100, israte_zero_pop_band_x1e5,
// isratio_zero_pop_band_x100, israte_observed_totals_x1e5).
// Tolerances (README "Tolerances", DSR and ISR): pkg_* 1e-12 relative (1e-10 for the limits of
// "Exact" rows, which come from the chi-square quantile); exp_* 1.5e-8 relative.
const DATA = new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, DATA), 'utf8'));
const inputs = load('isr_inputs.csv');
const expected = load('isr_expected.csv');
const totals = load('isr_observed_totals.csv');

/** The reference counts/populations repeated on every row: take the first area's rows. */
function reference(rows: readonly Row[]): IsrReference {
  const first = rows.filter((r) => r.area === rows[0]!.area);
  return {
    ageBand: first.map((r) => str(r, 'ageband')),
    count: numbers(first, 'refcount'),
    population: numbers(first, 'refpop'),
  };
}

const CASES = [
  { id: 'israte_x1e5', dataset: 'multiarea', kind: 'rate', scale: 100000 },
  { id: 'israte_x1e3', dataset: 'multiarea', kind: 'rate', scale: 1000 },
  { id: 'isratio_x1', dataset: 'multiarea', kind: 'ratio', scale: 1 },
  { id: 'isratio_x100', dataset: 'multiarea', kind: 'ratio', scale: 100 },
  { id: 'israte_zero_pop_band_x1e5', dataset: 'zero_pop_band', kind: 'rate', scale: 100000 },
  { id: 'isratio_zero_pop_band_x100', dataset: 'zero_pop_band', kind: 'ratio', scale: 100 },
  {
    id: 'israte_observed_totals_x1e5',
    dataset: 'multiarea',
    kind: 'rate',
    scale: 100000,
    totals: true,
  },
] as const;

const FIELDS = [
  ['observed', 'observed'],
  ['expected', 'expected'],
  ['refRate', 'ref_rate'],
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

describe.each(CASES)('$id (isr_inputs.csv dataset $dataset)', (c) => {
  const rows = inputs.filter((r) => r.dataset === c.dataset);
  const common = {
    population: numbers(rows, 'pop'),
    ageBand: rows.map((r) => str(r, 'ageband')),
    reference: reference(rows),
    groupBy: { area: rows.map((r) => str(r, 'area')) },
  };
  // With observed totals, the per-band counts are not passed at all.
  const observed =
    'totals' in c
      ? {
          observedTotals: {
            groupBy: { area: totals.map((r) => str(r, 'area')) },
            observed: numbers(totals, 'observed_total'),
          },
        }
      : { count: numbers(rows, 'count') };
  const out: Readonly<Record<string, unknown>>[] =
    c.kind === 'rate'
      ? isRate({ ...common, ...observed, multiplier: c.scale })
      : isRatio({ ...common, ...observed, refValue: c.scale });
  const cases = expected.filter((e) => e.case_id === c.id);
  it('one record per area', () => expect(out.length).toBe(cases.length));
  it.each(cases.map((e) => [str(e, 'area'), e] as const))('%s', (area, e) => {
    const rec = out.find((r) => (r.group as Record<string, unknown>).area === area)!;
    for (const [ours, theirs] of FIELDS) {
      const pkg = e[`pkg_${theirs}`] as number | null;
      if (ours === 'refRate' && c.kind === 'ratio') {
        expect(pkg).toBeNull();
        expect(rec.refRate).toBeUndefined();
        continue;
      }
      const limit = /^(lower|upper)/.test(ours);
      const tol = limit && e.pkg_method === 'Exact' ? 1e-10 : 1e-12;
      expect(relErr(rec[ours] as number | null, pkg), ours).toBeLessThanOrEqual(tol);
      const exp = e[`exp_${theirs}`];
      if (exp !== null && exp !== undefined)
        expect(
          relErr(rec[ours] as number | null, exp as number),
          `${ours} vs exp`,
        ).toBeLessThanOrEqual(1.5e-8);
    }
    expect(rec.statistic).toBe(str(e, 'pkg_statistic'));
    expect(rec.method).toBe(str(e, 'pkg_method'));
  });
});

describe('ISR errors and joins (errors_and_warnings.csv, testISRates.R / testISRatios.R)', () => {
  const ref: IsrReference = { ageBand: ['0-4', '5-9'], count: [10, 20], population: [1000, 2000] };
  const base = { population: [100, 200], ageBand: ['0-4', '5-9'], reference: ref };
  it('hand calculation: E = 10/1000·100 + 20/2000·200 = 3; O = 6 → ratio 2, rate 2·30/3000·1e5', () => {
    expect(isRatio({ ...base, count: [3, 3] })[0]!.value).toBe(2);
    expect(isRate({ ...base, count: [3, 3] })[0]!.value).toBeCloseTo(2000, 10);
  });
  it('joins the reference by band, not position', () => {
    const a = isRatio({ ...base, count: [3, 1] });
    const b = isRatio({
      population: [200, 100],
      ageBand: ['05-09', '00-04'],
      reference: ref,
      count: [1, 3],
    });
    expect(b).toEqual(a);
  });
  it('count < 0', () =>
    expect(() => isRatio({ ...base, count: [-1, 1] })).toThrow(/count must be >= 0/));
  it('population < 0 (0 is allowed)', () => {
    expect(() => isRate({ ...base, population: [-1, 200], count: [1, 1] })).toThrow(
      MethodInputError,
    );
    expect(isRate({ ...base, population: [0, 200], count: [1, 1] })[0]!.expected).toBe(2);
  });
  it('missing band names group and band', () => {
    expect(() =>
      isRatio({
        population: [1],
        ageBand: ['0-4'],
        reference: ref,
        count: [1],
        groupBy: { area: ['A'] },
      }),
    ).toThrow(/^area=A, ageBand: age band 5-9 of the reference is missing/);
  });
  it('unknown band', () =>
    expect(() => isRatio({ ...base, ageBand: ['0-4', '10-14'], count: [1, 1] })).toThrow(
      /age band "10-14" is not in the reference/,
    ));
  it('observed total missing for a group', () => {
    expect(() =>
      isRatio({
        ...base,
        groupBy: { area: ['A', 'A'] },
        observedTotals: { groupBy: { area: ['B'] }, observed: [5] },
      }),
    ).toThrow(/^area=A, observedTotals.observed: no observed total/);
  });
  it('observed totals must use the same group-by columns', () => {
    expect(() =>
      isRatio({
        ...base,
        groupBy: { area: ['A', 'A'] },
        observedTotals: { groupBy: { region: ['A'] }, observed: [5] },
      }),
    ).toThrow(/observedTotals.groupBy/);
  });
  it('needs count or observedTotals', () =>
    expect(() => isRatio(base)).toThrow(/either count or observedTotals/));
  it.each([0.8, 50, 101])('confidence %s', (conf) =>
    expect(() => isRate({ ...base, count: [1, 1], confidence: conf })).toThrow(/confidence level/),
  );
});
