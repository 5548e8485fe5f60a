import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import { rate } from './rate';
import type { Row } from './testing/referenceCsv';
import { numbers, num, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Sources: fixtures/reference/pheindicatormethods/data/rate_rows.csv (rate_rows_x100,
// rate_rows_x1e5) and rate_grouped_inputs.csv + rate_grouped_expected.csv (rate_grouped).
// Tolerances (README "Tolerances"): pkg_* 1e-12 relative for Byar's rows and 1e-10 relative for
// exact rows (x < 10, chi-square quantile); exp_* 1.5e-8 relative.
const DATA = new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, DATA), 'utf8'));
const EXP = 1.5e-8;
const pkgTol = (method: unknown): number => (method === 'Exact' ? 1e-10 : 1e-12);

describe.each(['rate_rows_x100', 'rate_rows_x1e5'])(
  '%s (rate_rows.csv, ungrouped: one record per row)',
  (caseId) => {
    const rows = load('rate_rows.csv').filter((r) => r.case_id === caseId);
    const m = num(rows[0]!, 'multiplier');
    const out = rate({
      numerator: numbers(rows, 'Numerator'),
      denominator: numbers(rows, 'Denominator'),
      multiplier: m,
    });
    it.each(rows.map((r, i) => [str(r, 'Area'), r, i] as const))('%s', (_area, r, i) => {
      const rec = out[i]!;
      for (const [ours, theirs] of [
        ['value', 'value'],
        ['lower95', 'lower95_0cl'],
        ['upper95', 'upper95_0cl'],
        ['lower998', 'lower99_8cl'],
        ['upper998', 'upper99_8cl'],
      ] as const) {
        expect(relErr(rec[ours], r[`pkg_${theirs}`] as number | null), ours).toBeLessThanOrEqual(
          pkgTol(r.pkg_method),
        );
        expect(relErr(rec[ours], r[`exp_${theirs}`] as number | null), ours).toBeLessThanOrEqual(
          EXP,
        );
      }
      expect(rec.statistic).toBe(str(r, 'pkg_statistic'));
      expect(rec.method).toBe(r.pkg_method);
    });
  },
);

describe('rate_grouped (rate_grouped_*.csv): sums within Area, NA propagates', () => {
  const inputs = load('rate_grouped_inputs.csv');
  const expected = load('rate_grouped_expected.csv');
  const out = rate({
    numerator: numbers(inputs, 'Numerator'),
    denominator: numbers(inputs, 'Denominator'),
    groupBy: { Area: inputs.map((r) => str(r, 'Area')) },
    confidence: 0.95,
  });
  it('one record per Area', () => expect(out.length).toBe(expected.length));
  it.each(expected.map((e) => [str(e, 'Area'), e] as const))('%s', (area, e) => {
    const rec = out.find((r) => r.group.Area === area)!;
    expect(rec.numerator).toBe(e.exp_Numerator);
    expect(rec.denominator).toBe(e.exp_Denominator);
    for (const [ours, theirs] of [
      ['value', 'value'],
      ['lower95', 'lowercl'],
      ['upper95', 'uppercl'],
    ] as const) {
      expect(relErr(rec[ours], e[`pkg_${theirs}`] as number | null), ours).toBeLessThanOrEqual(
        pkgTol(e.pkg_method),
      );
      expect(relErr(rec[ours], e[`exp_${theirs}`] as number | null), ours).toBeLessThanOrEqual(EXP);
    }
    expect(rec.method).toBe(e.pkg_method);
    expect(rec.statistic).toBe(str(e, 'pkg_statistic'));
  });
});

describe('rate input errors (errors_and_warnings.csv, testRates.R)', () => {
  it('numerator < 0', () =>
    expect(() => rate({ numerator: [-1], denominator: [10] })).toThrow(
      /row=1, numerator: row 1: numerator must be >= 0/,
    ));
  it.each([0, -3])('denominator %s', (n) => {
    expect(() =>
      rate({ numerator: [1, 2], denominator: [10, n], groupBy: { Area: ['A', 'B'] } }),
    ).toThrow(MethodInputError);
    expect(() =>
      rate({ numerator: [1, 2], denominator: [10, n], groupBy: { Area: ['A', 'B'] } }),
    ).toThrow(/^Area=B, denominator/);
  });
  it('numerator > denominator is allowed for rates', () =>
    expect(rate({ numerator: [250], denominator: [220] })[0]!.value).toBeCloseTo(113636.36, 1));
  it('NaN is rejected', () =>
    expect(() => rate({ numerator: [Number.NaN], denominator: [10] })).toThrow(
      /not a finite number/,
    ));
  it.each([0.8, 50, 101])('confidence %s', (c) =>
    expect(() => rate({ numerator: [1], denominator: [2], confidence: c })).toThrow(
      /confidence level/,
    ),
  );
});
