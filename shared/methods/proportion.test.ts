import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import { proportion } from './proportion';
import type { Row } from './testing/referenceCsv';
import { numbers, num, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Sources: fixtures/reference/pheindicatormethods/data/proportion_rows.csv (prop_rows_x1,
// prop_rows_x100), proportion_grouped_inputs.csv + proportion_grouped_expected.csv (prop_grouped)
// and proportion_grouped_noci_expected.csv (prop_grouped_noci).
// Tolerances (README "Tolerances", proportions): pkg_* 1e-12 relative, exp_* 1.5e-8 relative.
const DATA = new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, DATA), 'utf8'));
const PKG = 1e-12;
const EXP = 1.5e-8;

describe.each(['prop_rows_x1', 'prop_rows_x100'])(
  '%s (proportion_rows.csv, ungrouped: one record per row)',
  (caseId) => {
    const rows = load('proportion_rows.csv').filter((r) => r.case_id === caseId);
    const m = num(rows[0]!, 'multiplier');
    const out = proportion({
      numerator: numbers(rows, 'Numerator'),
      denominator: numbers(rows, 'Denominator'),
      multiplier: m,
      confidence: [0.95, 0.998],
    });
    it('returns one record per input row', () => expect(out.length).toBe(rows.length));
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
          PKG,
        );
        expect(relErr(rec[ours], r[`exp_${theirs}`] as number | null), ours).toBeLessThanOrEqual(
          EXP,
        );
      }
      expect(rec.statistic).toBe(str(r, 'pkg_statistic'));
      expect(rec.method).toBe(str(r, 'pkg_method'));
      if (rec.value === null) expect(rec.note).toMatch(/missing/);
    });
  },
);

describe('prop_grouped (proportion_grouped_*.csv): sums within Area, NA propagates', () => {
  const inputs = load('proportion_grouped_inputs.csv');
  const expected = load('proportion_grouped_expected.csv');
  const out = proportion({
    numerator: numbers(inputs, 'Numerator'),
    denominator: numbers(inputs, 'Denominator'),
    groupBy: { Area: inputs.map((r) => str(r, 'Area')) },
    confidence: 0.95,
  });
  it('one record per Area, first-seen order', () => {
    expect(out.map((r) => r.group.Area)).toEqual([...new Set(inputs.map((r) => r.Area))]);
    expect(out.length).toBe(expected.length);
  });
  it.each(expected.map((e) => [str(e, 'Area'), e] as const))('%s', (area, e) => {
    const rec = out.find((r) => r.group.Area === area)!;
    expect(rec.label).toBe(`Area=${area}`);
    expect(rec.numerator).toBe(e.pkg_Numerator);
    expect(rec.denominator).toBe(e.pkg_Denominator);
    for (const [ours, theirs] of [
      ['value', 'value'],
      ['lower95', 'lowercl'],
      ['upper95', 'uppercl'],
    ] as const) {
      expect(relErr(rec[ours], e[`pkg_${theirs}`] as number | null), ours).toBeLessThanOrEqual(PKG);
      expect(relErr(rec[ours], e[`exp_${theirs}`] as number | null), ours).toBeLessThanOrEqual(EXP);
    }
    expect(Object.keys(rec).filter((k) => /^(lower|upper)/.test(k))).toEqual([
      'lower95',
      'upper95',
    ]);
  });
});

describe('prop_grouped_noci (confidence = null gives no limit fields)', () => {
  const inputs = load('proportion_grouped_inputs.csv');
  const expected = load('proportion_grouped_noci_expected.csv');
  const out = proportion({
    numerator: numbers(inputs, 'Numerator'),
    denominator: numbers(inputs, 'Denominator'),
    groupBy: { Area: inputs.map((r) => str(r, 'Area')) },
    confidence: null,
  });
  it.each(expected.map((e) => [str(e, 'Area'), e] as const))('%s', (area, e) => {
    const rec = out.find((r) => r.group.Area === area)!;
    expect(relErr(rec.value, e.pkg_value as number | null)).toBeLessThanOrEqual(PKG);
    expect(rec.statistic).toBe(str(e, 'pkg_statistic'));
    expect(Object.keys(rec).some((k) => /^(lower|upper)/.test(k))).toBe(false);
  });
});

describe('proportion: typed-array fast path gives the same numbers', () => {
  it('Float64Array input', () => {
    const x = [1, 5, 20, 65];
    const n = [100, 100, 100, 100];
    const a = proportion({ numerator: x, denominator: n, groupBy: { g: ['a', 'b', 'a', 'b'] } });
    const b = proportion({
      numerator: Float64Array.from(x),
      denominator: Float64Array.from(n),
      groupBy: { g: ['a', 'b', 'a', 'b'] },
    });
    expect(b).toEqual(a);
    // Hand calculation: group a = 21/200.
    expect(a[0]!.value).toBe(21 / 200);
  });
  it('groups by two columns in first-seen order', () => {
    const out = proportion({
      numerator: [1, 2, 3, 4],
      denominator: [10, 10, 10, 10],
      groupBy: { A: ['x', 'x', 'y', 'x'], S: ['m', 'f', 'm', 'm'] },
    });
    expect(out.map((r) => r.label)).toEqual(['A=x, S=m', 'A=x, S=f', 'A=y, S=m']);
    expect(out.map((r) => r.numerator)).toEqual([5, 2, 3]);
  });
});

describe('proportion input errors (errors_and_warnings.csv, testProportions.R)', () => {
  const g = { Area: ['A', 'B'] };
  it('numerator < 0', () => {
    expect(() => proportion({ numerator: [1, -1], denominator: [10, 10], groupBy: g })).toThrow(
      MethodInputError,
    );
    expect(() => proportion({ numerator: [1, -1], denominator: [10, 10], groupBy: g })).toThrow(
      /^Area=B, numerator: row 2: numerator must be a finite number >= 0/,
    );
  });
  it.each([0, -5])('denominator %s', (n) => {
    const err = (() => {
      try {
        proportion({
          numerator: Float64Array.of(1, 0),
          denominator: Float64Array.of(10, n),
          groupBy: g,
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(MethodInputError);
    expect((err as MethodInputError).group).toBe('Area=B');
    expect((err as MethodInputError).field).toBe('denominator');
  });
  it('numerator > denominator', () => {
    expect(() => proportion({ numerator: [11], denominator: [10] })).toThrow(
      /row=1, numerator: row 1: numerator 11 is greater than denominator 10/,
    );
  });
  it('NaN and Infinity are rejected, not treated as missing', () => {
    expect(() => proportion({ numerator: [Number.NaN], denominator: [10] })).toThrow(
      /not a finite number/,
    );
    expect(() =>
      proportion({ numerator: Float64Array.of(Number.NaN), denominator: Float64Array.of(10) }),
    ).toThrow(MethodInputError);
    expect(() =>
      proportion({ numerator: Float64Array.of(1), denominator: Float64Array.of(Infinity) }),
    ).toThrow(/denominator/);
  });
  it.each([0.8, 50, 101])('confidence %s', (c) =>
    expect(() => proportion({ numerator: [1], denominator: [2], confidence: c })).toThrow(
      /confidence level/,
    ),
  );
  it('columns of different lengths', () =>
    expect(() => proportion({ numerator: [1, 2], denominator: [2] })).toThrow(
      /denominator: has 1 rows but numerator has 2/,
    ));
  it('bad multiplier', () =>
    expect(() => proportion({ numerator: [1], denominator: [2], multiplier: 0 })).toThrow(
      /multiplier/,
    ));
});

describe('proportion: numerator > denominator is checked row by row, as the package checks its input rows', () => {
  it('a row with x > n throws even if its group sums are fine', () => {
    expect(() =>
      proportion({
        numerator: Float64Array.of(5, 0),
        denominator: Float64Array.of(3, 10),
        groupBy: { Area: ['A', 'A'] },
      }),
    ).toThrow(/^Area=A, numerator: row 1: numerator 5 is greater than denominator 3/);
    expect(() =>
      proportion({ numerator: [5, 0], denominator: [3, 10], groupBy: { Area: ['A', 'A'] } }),
    ).toThrow(/row 1: numerator 5 is greater/);
  });
});
