/**
 * HEAT simple measures: difference (D) and ratio (R) between two subgroups.
 *
 * Which two (HEAT Technical Notes; Schlotheuber & Hosseinpoor 2022 §2.1; as WHO's `healthequal`
 * 1.0.1 `d()`/`r()`):
 * - Ordered dimension: most advantaged vs most disadvantaged (highest vs lowest `order`), signed so
 *   that a positive D (R > 1) means the disadvantaged fare worse: favourable indicators use
 *   y_advantaged − y_disadvantaged, adverse indicators y_disadvantaged − y_advantaged.
 * - Non-ordered, no reference subgroup: highest estimate vs lowest estimate.
 * - Non-ordered with a reference subgroup: the reference vs the worst-performing subgroup, again
 *   signed so positive means the worst subgroup is behind: favourable y_ref − y_lowest, adverse
 *   y_highest − y_ref.
 * Ties for highest/lowest go to the first subgroup in input order.
 *
 * Intervals (analytic, normal approximation; independent subgroup estimates):
 * - D: SE = √(se₁² + se₂²).
 * - R: on the log scale, SE(ln R) = √(se₁²/y₁² + se₂²/y₂²) (delta method; Ahn et al. 2018,
 *   doi:10.1200/CCI.18.00031); CI = exp(ln R ± z·SE). The reported `se` is SE(ln R).
 */
import type { HeatData, HeatMeasureResult } from './input';
import { resultFor } from './result';

/** Indexes [i1, i2] of the two subgroups compared (measure = y[i1] − y[i2] or y[i1] / y[i2]). */
export function simplePair(d: HeatData): { i1: number; i2: number; rule: string } {
  const argBy = (values: readonly number[], better: (a: number, b: number) => boolean): number =>
    values.reduce((best, v, j) => (better(v, values[best]!) ? j : best), 0);
  if (d.ordered) {
    const most = argBy(d.order!, (a, b) => a > b);
    const least = argBy(d.order!, (a, b) => a < b);
    return d.favourable
      ? { i1: most, i2: least, rule: 'most advantaged − most disadvantaged (favourable indicator)' }
      : { i1: least, i2: most, rule: 'most disadvantaged − most advantaged (adverse indicator)' };
  }
  const highest = argBy(d.y, (a, b) => a > b);
  const lowest = argBy(d.y, (a, b) => a < b);
  if (d.reference === null) return { i1: highest, i2: lowest, rule: 'highest − lowest estimate' };
  return d.favourable
    ? { i1: d.reference, i2: lowest, rule: 'reference − lowest estimate (favourable indicator)' }
    : { i1: highest, i2: d.reference, rule: 'highest estimate − reference (adverse indicator)' };
}

export function difference(d: HeatData): HeatMeasureResult {
  const out = resultFor('D', 'Difference', d);
  const { i1, i2, rule } = simplePair(d);
  const estimate = d.y[i1]! - d.y[i2]!;
  const subgroupsUsed = [d.names[i1]!, d.names[i2]!];
  if (!d.se) {
    return out.normal(
      estimate,
      null,
      `no CI: standard errors of the two subgroups are needed; ${rule}`,
      { subgroupsUsed },
    );
  }
  const se = Math.sqrt(d.se[i1]! ** 2 + d.se[i2]! ** 2);
  return out.normal(estimate, se, `analytic: SE = √(se₁² + se₂²); ${rule}`, { subgroupsUsed });
}

export function ratio(d: HeatData): HeatMeasureResult {
  const out = resultFor('R', 'Ratio', d);
  const { i1, i2, rule } = simplePair(d);
  const y1 = d.y[i1]!;
  const y2 = d.y[i2]!;
  const subgroupsUsed = [d.names[i1]!, d.names[i2]!];
  if (y2 === 0) return out.notApplicable(`ratio undefined: ${d.names[i2]!} has estimate 0`);
  const estimate = y1 / y2;
  if (!d.se) {
    return out.normal(
      estimate,
      null,
      `no CI: standard errors of the two subgroups are needed; ${rule}`,
      { subgroupsUsed },
    );
  }
  if (y1 === 0) {
    return out.normal(estimate, null, 'no CI: the log-scale interval is undefined when R = 0', {
      subgroupsUsed,
    });
  }
  const se = Math.sqrt((d.se[i1]! / y1) ** 2 + (d.se[i2]! / y2) ** 2);
  return out.custom({
    estimate,
    se,
    lower: Math.exp(Math.log(estimate) - d.z * se),
    upper: Math.exp(Math.log(estimate) + d.z * se),
    ciMethod: 'analytic',
    ciNote: `analytic on the log scale: SE(ln R) = √(se₁²/y₁² + se₂²/y₂²); ${rule}`,
    subgroupsUsed,
  });
}
