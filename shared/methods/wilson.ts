/**
 * Wilson score confidence limits for a proportion.
 *
 * For x events out of n at two-sided normal quantile z:
 *
 *     (2x + z² ∓ z·√(z² + 4x(1 − x/n))) / (2(n + z²))
 *
 * References: Wilson EB (1927) J Am Stat Assoc 22:209-212; Newcombe RG & Altman DG (2000) in
 * Statistics with Confidence, 2nd ed. Matches PHEindicatormethods 2.1.0 `wilson_lower` /
 * `wilson_upper` (reference vectors: fixtures/reference/pheindicatormethods/data/byars_wilson.csv).
 * Non-integer x is accepted, as in the package.
 */
import { assertConfidence } from './confidence';
import { MethodInputError } from './errors';
import { normalZ } from './levels';

/** Wilson lower limit as a proportion (0..1), at two-sided normal quantile `z`. No validation: see `wilsonLower`. */
export function wilsonLowerZ(x: number, n: number, z: number): number {
  const z2 = z * z;
  return (2 * x + z2 - z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
}

/** Wilson upper limit as a proportion (0..1), at two-sided normal quantile `z`. No validation: see `wilsonUpper`. */
export function wilsonUpperZ(x: number, n: number, z: number): number {
  const z2 = z * z;
  return (2 * x + z2 + z * Math.sqrt(z2 + 4 * x * (1 - x / n))) / 2 / (n + z2);
}

/** Checks x and n for a Wilson interval; throws `MethodInputError` naming group and field. */
export function assertWilsonInputs(x: number, n: number, group?: string): void {
  if (!Number.isFinite(x) || x < 0) {
    throw new MethodInputError(
      `numerator must be a number >= 0, got ${String(x)}`,
      group,
      'numerator',
    );
  }
  if (!Number.isFinite(n) || n <= 0) {
    throw new MethodInputError(
      `denominator must be a number > 0, got ${String(n)}`,
      group,
      'denominator',
    );
  }
  if (x > n) {
    throw new MethodInputError(
      `numerator ${String(x)} is greater than denominator ${String(n)}; a proportion needs numerator <= denominator`,
      group,
      'numerator',
    );
  }
}

/** Wilson score lower limit (a proportion, 0..1) at `confidence` (e.g. 0.95). */
export function wilsonLower(x: number, n: number, confidence: number): number {
  assertConfidence(confidence);
  assertWilsonInputs(x, n);
  return wilsonLowerZ(x, n, normalZ(confidence));
}

/** Wilson score upper limit (a proportion, 0..1) at `confidence` (e.g. 0.95). */
export function wilsonUpper(x: number, n: number, confidence: number): number {
  assertConfidence(confidence);
  assertWilsonInputs(x, n);
  return wilsonUpperZ(x, n, normalZ(confidence));
}
