/**
 * Exact Poisson confidence limits for an observed count, from chi-square quantiles.
 *
 *     lower = χ²⁻¹(α/2; 2x) / 2          (0 when x = 0)
 *     upper = χ²⁻¹(1 − α/2; 2x + 2) / 2
 *
 * with α = 1 − confidence. Reference: Garwood F (1936) Biometrika 28:437-442; as used by
 * PHEindicatormethods 2.1.0 for counts below 10 (`phe_rate`, `calculate_ISRate`,
 * `calculate_ISRatio`). The quantile is stdlib's, which inverts the regularised incomplete gamma
 * function with the Gil, Segura & Temme (2012) algorithm; against R's `qchisq` it agrees to
 * better than 1e-13 relative on the reference vectors (rate_rows.csv, isr_expected.csv).
 */
import quantileChisq from '@stdlib/stats-base-dists-chisquare-quantile';
import { assertConfidence } from './confidence';
import { MethodInputError } from './errors';

/** α/2 and 1 − α/2 exactly as R computes them from the confidence level. */
function tails(confidence: number): readonly [number, number] {
  return [(1 - confidence) / 2, confidence + (1 - confidence) / 2];
}

/** Exact lower limit for count `x` (no validation). */
export function exactPoissonLowerC(x: number, confidence: number): number {
  if (x === 0) return 0; // χ² with 0 degrees of freedom is a point mass at 0 (R's qchisq(p, 0) = 0).
  return quantileChisq(tails(confidence)[0], 2 * x) / 2;
}

/** Exact upper limit for count `x` (no validation). */
export function exactPoissonUpperC(x: number, confidence: number): number {
  return quantileChisq(tails(confidence)[1], 2 * x + 2) / 2;
}

function assertInputs(x: number, confidence: number): void {
  assertConfidence(confidence);
  if (!Number.isFinite(x) || x < 0) {
    throw new MethodInputError(
      `observed count must be a number >= 0, got ${String(x)}`,
      undefined,
      'count',
    );
  }
}

/** Exact Poisson lower limit for observed count `x` at `confidence`. */
export function exactPoissonLower(x: number, confidence: number): number {
  assertInputs(x, confidence);
  return exactPoissonLowerC(x, confidence);
}

/** Exact Poisson upper limit for observed count `x` at `confidence`. */
export function exactPoissonUpper(x: number, confidence: number): number {
  assertInputs(x, confidence);
  return exactPoissonUpperC(x, confidence);
}
