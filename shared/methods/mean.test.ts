import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import { mean } from './mean';
import type { Row } from './testing/referenceCsv';
import { numbers, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Sources: fixtures/reference/pheindicatormethods/data/mean_inputs.csv + mean_expected.csv
// (mean_grouped, mean_ungrouped). Tolerances (README "Tolerances", mean / Student t): pkg_* 1e-10
// relative for the limits (t quantile) and 1e-12 for sum, count, sd and value; exp_* 1.5e-8.
const DATA = new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, DATA), 'utf8'));
const inputs = load('mean_inputs.csv');
const expected = load('mean_expected.csv');

const FIELDS = [
  ['sum', 'value_sum', 1e-12],
  ['count', 'value_count', 0],
  ['stdev', 'stdev', 1e-12],
  ['value', 'value', 1e-12],
  ['lower95', 'lower95_0cl', 1e-10],
  ['upper95', 'upper95_0cl', 1e-10],
  ['lower998', 'lower99_8cl', 1e-10],
  ['upper998', 'upper99_8cl', 1e-10],
] as const;

function check(rec: ReturnType<typeof mean>[number], e: Row): void {
  for (const [ours, theirs, tol] of FIELDS) {
    expect(relErr(rec[ours], e[`pkg_${theirs}`] as number | null), ours).toBeLessThanOrEqual(tol);
    expect(relErr(rec[ours], e[`exp_${theirs}`] as number | null), ours).toBeLessThanOrEqual(
      1.5e-8,
    );
  }
}

describe('mean_grouped (mean_*.csv, grouped by area)', () => {
  const out = mean({
    values: numbers(inputs, 'values'),
    groupBy: { area: inputs.map((r) => str(r, 'area')) },
  });
  it.each(
    expected.filter((e) => e.case_id === 'mean_grouped').map((e) => [str(e, 'area'), e] as const),
  )('%s', (area, e) => {
    const rec = out.find((r) => r.group.area === area)!;
    check(rec, e);
    expect(rec.method).toBe("Student's t-distribution");
  });
});

describe('mean_ungrouped (mean_*.csv, no grouping: one record)', () => {
  const out = mean({ values: Float64Array.from(numbers(inputs, 'values') as number[]) });
  it('No grouping', () => {
    expect(out.length).toBe(1);
    check(
      out[0]!,
      expected.find((e) => e.case_id === 'mean_ungrouped')!,
    );
  });
});

describe('mean edge cases and errors', () => {
  it('missing value propagates to null with a note (R sum without na.rm)', () => {
    const [rec] = mean({ values: [1, null, 3] });
    expect(rec!.value).toBeNull();
    expect(rec!.lower95).toBeNull();
    expect(rec!.note).toMatch(/missing/);
  });
  it('one value: mean but null sd and limits', () => {
    const [rec] = mean({ values: [4] });
    expect(rec!.value).toBe(4);
    expect(rec!.stdev).toBeNull();
    expect(rec!.upper998).toBeNull();
  });
  it('NaN throws naming the group', () => {
    expect(() => mean({ values: [1, Number.NaN], groupBy: { area: ['a', 'b'] } })).toThrow(
      MethodInputError,
    );
    expect(() => mean({ values: [1, Number.NaN], groupBy: { area: ['a', 'b'] } })).toThrow(
      /^area=b, values/,
    );
  });
  it.each([0.8, 50, 101])('confidence %s (testMeans.R)', (c) =>
    expect(() => mean({ values: [1, 2], confidence: c })).toThrow(/confidence level/),
  );
});
