import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import { exactPoissonLower, exactPoissonUpper } from './exactPoisson';
import { num, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Source: fixtures/reference/pheindicatormethods/data/rate_rows.csv, rows with method "Exact"
// (manifest cases rate_rows_x100 / rate_rows_x1e5): limit = exact(x)/n·m.
// Tolerance (README "Tolerances", exact Poisson): 1e-10 relative vs pkg_*.
const FILE = new URL(
  '../../fixtures/reference/pheindicatormethods/data/rate_rows.csv',
  import.meta.url,
);
const exactRows = parseReferenceCsv(readFileSync(FILE, 'utf8')).filter(
  (r) => r.pkg_method === 'Exact',
);

/** P(X ≤ k; λ) for a Poisson X, summed term by term. */
function poissonCdf(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  let sum = term;
  for (let j = 1; j <= k; j++) {
    term *= lambda / j;
    sum += term;
  }
  return sum;
}

/** P(X ≥ k; λ), summed upwards from k (no cancellation against 1). */
function poissonUpperTail(k: number, lambda: number): number {
  let term = Math.exp(-lambda);
  for (let j = 1; j <= k; j++) term *= lambda / j;
  let sum = 0;
  for (let j = k; term > sum * 1e-18; j++) {
    sum += term;
    term *= lambda / (j + 1);
  }
  return sum;
}

describe('exact Poisson limits vs PHEindicatormethods 2.1.0 (rate_rows.csv, Exact rows)', () => {
  it('covers the exact rows', () => expect(exactRows.length).toBe(4));
  it.each(exactRows.map((r) => [`${str(r, 'case_id')} ${str(r, 'Area')}`, r] as const))(
    '%s',
    (_id, r) => {
      const [x, n, m] = [num(r, 'Numerator'), num(r, 'Denominator'), num(r, 'multiplier')];
      for (const [c, suffix] of [
        [0.95, '95_0'],
        [0.998, '99_8'],
      ] as const) {
        expect(
          relErr((exactPoissonLower(x, c) / n) * m, num(r, `pkg_lower${suffix}cl`)),
        ).toBeLessThanOrEqual(1e-10);
        expect(
          relErr((exactPoissonUpper(x, c) / n) * m, num(r, `pkg_upper${suffix}cl`)),
        ).toBeLessThanOrEqual(1e-10);
      }
    },
  );
});

describe('exact Poisson limits: closed forms (hand calculation)', () => {
  it('x = 0: lower 0, upper −ln(α/2) (χ² with 2 df is exponential)', () => {
    expect(exactPoissonLower(0, 0.95)).toBe(0);
    expect(relErr(exactPoissonUpper(0, 0.95), -Math.log(0.025))).toBeLessThanOrEqual(1e-14);
    expect(relErr(exactPoissonUpper(0, 0.998), -Math.log(0.001))).toBeLessThanOrEqual(1e-14);
  });
  // Defining property for integer x: P(X >= x; lower) = α/2 and P(X <= x; upper) = α/2.
  // The Poisson sum is accurate to a few ulps, so a 1e-12 relative error in the tail probability
  // here bounds the quantile error well inside the 1e-10 needed for parity.
  it.each([0.9, 0.95, 0.99, 0.998, 0.999])(
    'tail probabilities at confidence %s, x = 1..30',
    (c) => {
      const half = (1 - c) / 2;
      for (let x = 1; x <= 30; x++) {
        const lower = exactPoissonLower(x, c);
        const upper = exactPoissonUpper(x, c);
        expect(relErr(poissonUpperTail(x, lower), half)).toBeLessThanOrEqual(1e-12);
        expect(relErr(poissonCdf(x, upper), half)).toBeLessThanOrEqual(1e-12);
      }
    },
  );
});

describe('exact Poisson input errors', () => {
  it('rejects negative and non-finite counts', () => {
    expect(() => exactPoissonLower(-1, 0.95)).toThrow(MethodInputError);
    expect(() => exactPoissonUpper(Number.NaN, 0.95)).toThrow(/observed count/);
  });
  it('rejects confidence outside [0.9, 1)', () =>
    expect(() => exactPoissonUpper(3, 0.5)).toThrow(/confidence level/));
});
