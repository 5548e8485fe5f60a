import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import { num, parseReferenceCsv, relErr, str } from './testing/referenceCsv';
import { wilsonLower, wilsonUpper } from './wilson';

// Source: fixtures/reference/pheindicatormethods/data/byars_wilson.csv (manifest case byars_wilson).
// Tolerances (README "Tolerances"): pkg_* 1e-12 relative; exp_* 1.5e-8 relative.
const FILE = new URL(
  '../../fixtures/reference/pheindicatormethods/data/byars_wilson.csv',
  import.meta.url,
);
const rows = parseReferenceCsv(readFileSync(FILE, 'utf8')).filter(
  (r) => str(r, 'method') === 'wilson',
);

describe('Wilson limits vs PHEindicatormethods 2.1.0 (byars_wilson.csv)', () => {
  it('has six rows', () => expect(rows.length).toBe(6));
  it.each(rows.map((r) => [str(r, 'case_id'), r] as const))('%s', (_id, r) => {
    const [x, n, c] = [num(r, 'x'), num(r, 'n'), num(r, 'confidence')];
    expect(relErr(wilsonLower(x, n, c), num(r, 'pkg_lower'))).toBeLessThanOrEqual(1e-12);
    expect(relErr(wilsonUpper(x, n, c), num(r, 'pkg_upper'))).toBeLessThanOrEqual(1e-12);
    expect(relErr(wilsonLower(x, n, c), num(r, 'exp_lower'))).toBeLessThanOrEqual(1.5e-8);
    expect(relErr(wilsonUpper(x, n, c), num(r, 'exp_upper'))).toBeLessThanOrEqual(1.5e-8);
  });
  it('x = 0 gives lower 0 and x = n gives upper 1 (hand calculation: the square root term is z)', () => {
    expect(wilsonLower(0, 50, 0.95)).toBe(0);
    expect(wilsonUpper(50, 50, 0.95)).toBeCloseTo(1, 15);
  });
});

describe('Wilson input errors (errors_and_warnings.csv, testWilson.R)', () => {
  it('rejects x < 0', () => expect(() => wilsonLower(-1, 10, 0.95)).toThrow(MethodInputError));
  it('rejects n <= 0', () =>
    expect(() => wilsonUpper(0, 0, 0.95)).toThrow(/denominator must be a number > 0/));
  it('rejects x > n', () =>
    expect(() => wilsonLower(11, 10, 0.95)).toThrow(/numerator 11 is greater than denominator 10/));
  it.each([0.8, 50, 101])('rejects confidence %s', (c) =>
    expect(() => wilsonUpper(1, 10, c)).toThrow(/confidence level/),
  );
});
