/**
 * Byar's approximation to the exact Poisson confidence limits for an observed count.
 *
 *     lower = x·(1 − 1/(9x) − z/(3√x))³
 *     upper = (x + 1)·(1 − 1/(9(x + 1)) + z/(3√(x + 1)))³
 *
 * with z the two-sided normal quantile. A negative lower limit (small x at high confidence,
 * e.g. x = 1 at 99.8%) is returned as null, as PHEindicatormethods returns NA; so is x = 0, where
 * the formula tends to −∞. Reference: Breslow NE & Day NE (1987) Statistical Methods in Cancer
 * Research vol II, IARC, p69. Matches PHEindicatormethods 2.1.0 `byars_lower` / `byars_upper`
 * (reference vectors: fixtures/reference/pheindicatormethods/data/byars_wilson.csv).
 */
import { assertConfidence } from './confidence';
import { MethodInputError } from './errors';
import { normalZ } from './levels';

/** Byar's lower limit for count `x` at normal quantile `z`; null when negative or x = 0. No validation. */
export function byarsLowerZ(x: number, z: number): number | null {
  if (x === 0) return null;
  const limit = x * Math.pow(1 - 1 / (9 * x) - z / (3 * Math.sqrt(x)), 3);
  return limit < 0 ? null : limit;
}

/** Byar's upper limit for count `x` at normal quantile `z`. No validation. */
export function byarsUpperZ(x: number, z: number): number {
  const x1 = x + 1;
  return x1 * Math.pow(1 - 1 / (9 * x1) + z / (3 * Math.sqrt(x1)), 3);
}

function assertCount(x: number): void {
  if (!Number.isFinite(x) || x < 0) {
    throw new MethodInputError(
      `observed count must be a number >= 0, got ${String(x)}`,
      undefined,
      'count',
    );
  }
}

/** Byar's lower limit for observed count `x` at `confidence`; null when the formula goes negative. */
export function byarsLower(x: number, confidence: number): number | null {
  assertConfidence(confidence);
  assertCount(x);
  return byarsLowerZ(x, normalZ(confidence));
}

/** Byar's upper limit for observed count `x` at `confidence`. */
export function byarsUpper(x: number, confidence: number): number {
  assertConfidence(confidence);
  assertCount(x);
  return byarsUpperZ(x, normalZ(confidence));
}
