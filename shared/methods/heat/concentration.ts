/**
 * HEAT absolute and relative concentration indices (ACI, RCI), ordered dimensions only.
 *
 * Subgroups are sorted by `order` (most disadvantaged first) and each gets the midpoint of its
 * cumulative population share, X_j = Σ_{i<j} p_i + p_j/2 (0 = most disadvantaged, 1 = most
 * advantaged). Then (HEAT Technical Notes; Schlotheuber & Hosseinpoor 2022 §2.2):
 *   ACI = Σ p_j (2X_j − 1) y_j,    RCI = ACI / μ,   μ = Σ p_j y_j (population-weighted mean).
 * Negative values mean the indicator is concentrated among the disadvantaged; no sign flip is
 * applied for adverse indicators.
 *
 * Interval (analytic): the "convenient regression" of O'Donnell et al. (2008, *Analyzing health
 * equity using household survey data*, ch. 8), as WHO's `healthequal` 1.0.1 `aci()`/`rci()`: weighted
 * least squares of 2σ²·y_j (ACI) or 2σ²·y_j/μ (RCI) on X_j with weights p_j, where σ² = Σ p_j (X_j −
 * ½)². The slope equals the index, and its model SE is √(s² / Σ p_j (X_j − X̄)²) with s² = Σ p_j e_j² /
 * (k − 2). It treats μ as fixed and needs at least 3 subgroups.
 */
import type { HeatData, HeatMeasureResult } from './input';
import { resultFor, weightedMean } from './result';

/** Subgroup indexes sorted most disadvantaged first, with their shares and midpoint ranks. */
export function midpointRanks(d: HeatData): { index: number[]; share: number[]; rank: number[] } {
  const index = d.y.map((_, j) => j).sort((a, b) => d.order![a]! - d.order![b]!);
  const share = index.map((j) => d.share![j]!);
  let cumulative = 0;
  const rank = share.map((p) => {
    const x = cumulative + p / 2;
    cumulative += p;
    return x;
  });
  return { index, share, rank };
}

/** Weighted least squares of y on x (weights w): slope and its model-based SE (k − 2 df). */
export function wlsSlope(
  x: readonly number[],
  y: readonly number[],
  w: readonly number[],
): { slope: number; se: number | null } {
  const sw = w.reduce((a, b) => a + b, 0);
  const mx = x.reduce((a, xi, j) => a + w[j]! * xi, 0) / sw;
  const my = y.reduce((a, yi, j) => a + w[j]! * yi, 0) / sw;
  const sxx = x.reduce((a, xi, j) => a + w[j]! * (xi - mx) ** 2, 0);
  const sxy = x.reduce((a, xi, j) => a + w[j]! * (xi - mx) * (y[j]! - my), 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  if (x.length < 3) return { slope, se: null };
  const rss = x.reduce((a, xi, j) => a + w[j]! * (y[j]! - intercept - slope * xi) ** 2, 0);
  return { slope, se: Math.sqrt(rss / (x.length - 2) / sxx) };
}

function concentration(d: HeatData, relative: boolean): HeatMeasureResult {
  const out = relative
    ? resultFor('RCI', 'Relative concentration index', d)
    : resultFor('ACI', 'Absolute concentration index', d);
  if (!d.ordered) return out.notApplicable('concentration indices need an ordered dimension');
  if (!d.share)
    return out.notApplicable('concentration indices need the population of every subgroup');
  const { index, share, rank } = midpointRanks(d);
  const y = index.map((j) => d.y[j]!);
  const mu = weightedMean(d, d.share);
  if (relative && mu === 0) return out.notApplicable('RCI is undefined when the mean is 0');
  const aci = share.reduce((acc, p, j) => acc + p * (2 * rank[j]! - 1) * y[j]!, 0);
  const estimate = relative ? aci / mu : aci;
  const sigma2 = share.reduce((acc, p, j) => acc + p * (rank[j]! - 0.5) ** 2, 0);
  const response = y.map((v) => 2 * sigma2 * (relative ? v / mu : v));
  const { se } = wlsSlope(rank, response, share);
  const mean = { value: mu, source: 'population-weighted mean' as const };
  if (se === null)
    return out.normal(estimate, null, 'no CI: the regression SE needs at least 3 subgroups', {
      mean,
    });
  return out.normal(
    estimate,
    se,
    "analytic: convenient-regression SE (O'Donnell et al. 2008), k − 2 df",
    { mean },
  );
}

export function absoluteConcentrationIndex(d: HeatData): HeatMeasureResult {
  return concentration(d, false);
}

export function relativeConcentrationIndex(d: HeatData): HeatMeasureResult {
  return concentration(d, true);
}
