import { describe, expect, it } from 'vitest';
import { exactPoissonLower, exactPoissonUpper } from './exactPoisson';
import {
  funnelAxis,
  poissonFunnelMean,
  poissonProbability,
  roundHalfEven,
  signifCeiling,
  signifFloor,
} from './funnelPoisson';
import { relErr } from './testing/referenceCsv';

// Hand calculations and identities; the package parity of these pieces is tested through
// funnel.test.ts (funnel_limits_expected.csv, 1e-9).
describe('poissonProbability', () => {
  // The series stops once a term is below 1e-10 of the running total, so the total (and any
  // probability) is short by about 1e-10 relative: 1e-9 here.
  it('P(X = 0; λ) = e^−λ and P(0 ≤ X ≤ ∞) = 1', () => {
    expect(relErr(poissonProbability(2.5, 0, 0), Math.exp(-2.5))).toBeLessThanOrEqual(1e-9);
    expect(poissonProbability(40, 0, 1e10)).toBeCloseTo(1, 14);
  });
  it('survives λ large enough to overflow the unscaled terms (rescaling by 1e30)', () => {
    const p = poissonProbability(800, 0, 800);
    expect(p).toBeGreaterThan(0.5);
    expect(p).toBeLessThan(0.52);
  });
});

describe('poissonFunnelMean', () => {
  // The bisection is on v = λ/(1 + O + λ) and stops after a step of 2^-24, so v is within 2^-23
  // of the exact value (χ² quantile). That is an *absolute* bound in v: in λ it is about 1e-7
  // relative for large λ but larger for small λ (3.6e-6 for O = 1 at the lower 95% limit, which
  // is also what the package returns: funnel_limits_expected.csv funnel_ratio_count point 1).
  const v = (lambda: number, o: number) => lambda / (1 + o + lambda);
  it.each([1, 5, 9, 30, 250])('O = %s: v within 2^-23 of the exact Poisson limits', (o) => {
    const cases = [
      [poissonFunnelMean(o, 0.025, 'high'), exactPoissonUpper(o, 0.95)],
      [poissonFunnelMean(o, 0.025, 'low'), exactPoissonLower(o, 0.95)],
      [poissonFunnelMean(o, 0.001, 'high'), exactPoissonUpper(o, 0.998)],
      [poissonFunnelMean(o, 0.001, 'low'), exactPoissonLower(o, 0.998)],
    ] as const;
    for (const [bisected, exact] of cases) {
      expect(Math.abs(v(bisected, o) - v(exact, o))).toBeLessThanOrEqual(2 ** -23);
      expect(relErr(bisected, exact)).toBeGreaterThan(0); // it is the bisection, not the exact value
    }
  });
});

describe('axis helpers', () => {
  it('roundHalfEven follows R round()', () => {
    expect([0.5, 1.5, 2.5, -0.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, -0, 2, 3]);
  });
  it('signifFloor: 0.95x down to its leading digit; signifCeiling: 1.05x up to two digits', () => {
    expect(signifFloor(16386)).toBe(10000); // 15566.7 -> 10000
    expect(signifCeiling(30929)).toBe(33000); // 32475.45 -> 33000
    expect(signifCeiling(102950)).toBe(110000);
    expect(signifFloor(0)).toBe(0);
  });
  it('100 increasing points from max(1, min) to the maximum', () => {
    const xs = funnelAxis(0, 110000, 0);
    expect(xs.length).toBe(100);
    expect(xs[0]).toBe(1);
    expect(xs[99]).toBe(110000);
    for (let i = 1; i < 100; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
  });
});
