/**
 * Confidence levels requested from a method, and the record fields they produce.
 *
 * A method's `confidence` option is one level, a list of levels, or `null`/`[]` for no limits
 * at all (PHEindicatormethods' `confidence = NA`). Each level must lie in [0.9, 1)
 * (`assertConfidence`). Unlike the R package, any set of levels is allowed, not only 0.95 and
 * the pair c(0.95, 0.998); limits are named `lower<suffix>`/`upper<suffix>` by `levelSuffix`.
 */
import quantileNormal from '@stdlib/stats-base-dists-normal-quantile';
import { DEFAULT_CONFIDENCE, assertConfidence, levelSuffix } from './confidence';
import { MethodInputError } from './errors';

/** The `confidence` option of every method. */
export type ConfidenceOption = number | readonly number[] | null | undefined;

/** One requested level. */
export interface Level {
  readonly confidence: number;
  /** `95` for 0.95, `998` for 0.998. */
  readonly suffix: string;
  /** Φ⁻¹(c + (1 − c)/2), the two-sided normal quantile, as `qnorm(confidence + (1 - confidence)/2)` in R. */
  readonly z: number;
}

/** Limits fields of a result record: `lower95`, `upper95`, `lower998`, ... (null when not calculable). */
export type LimitFields = Readonly<Record<`lower${string}` | `upper${string}`, number | null>>;

/** Resolves the `confidence` option (default `DEFAULT_CONFIDENCE`, 95% and 99.8%). */
export function resolveLevels(confidence: ConfidenceOption): readonly Level[] {
  if (confidence === undefined) return resolveLevels(DEFAULT_CONFIDENCE);
  if (confidence === null) return [];
  const list = typeof confidence === 'number' ? [confidence] : confidence;
  const suffixes = new Set<string>();
  return list.map((c) => {
    assertConfidence(c);
    const suffix = levelSuffix(c);
    if (suffixes.has(suffix)) {
      throw new MethodInputError(
        `confidence level ${String(c)} is requested twice`,
        undefined,
        'confidence',
      );
    }
    suffixes.add(suffix);
    return { confidence: c, suffix, z: normalZ(c) };
  });
}

/** Two-sided normal quantile for a confidence level, computed as R's `qnorm(c + (1 - c)/2)`. */
export function normalZ(confidence: number): number {
  return quantileNormal(confidence + (1 - confidence) / 2, 0, 1);
}

/** Writes `lower<suffix>`/`upper<suffix>` for every level into `target`. */
export function setLimits(
  target: Record<string, unknown>,
  levels: readonly Level[],
  limits: (level: Level) => readonly [number | null, number | null],
): void {
  for (const level of levels) {
    const [lower, upper] = limits(level);
    target[`lower${level.suffix}`] = lower;
    target[`upper${level.suffix}`] = upper;
  }
}

/** Sets every level's limits to null (value not calculable). */
export function setNullLimits(target: Record<string, unknown>, levels: readonly Level[]): void {
  setLimits(target, levels, () => [null, null]);
}

/** `"95%, 99.8%"`, the package's `confidence` column. */
export function confidenceLabel(levels: readonly Level[]): string {
  return levels.map((l) => `${String(Math.round(l.confidence * 1e6) / 1e4)}%`).join(', ');
}
