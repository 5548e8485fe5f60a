/**
 * HEAT disproportionality (Theil index, mean log deviation) and impact (PAR, PAF) measures.
 *
 * Theil index and MLD (non-ordered dimensions, more than two subgroups; Technical Notes;
 * Schlotheuber & Hosseinpoor 2022 §2.6), with r_j = y_j/μ and μ = Σ p_j y_j, both × 1,000 as HEAT
 * reports them:
 *   TI = 1000·Σ p_j r_j ln r_j,   MLD = 1000·Σ p_j (−ln r_j).
 * Analytic SEs (Ahn et al. 2018, doi:10.1200/CCI.18.00031), scaled by the same 1,000:
 *   SE(TI)  = 1000·√(Σ (ln r_j − TI/1000)² p_j² se_j² / μ²)
 *   SE(MLD) = 1000·√(Σ (1 − 1/r_j)² p_j² se_j² / μ²)
 * (`healthequal` 1.0.1 applies the unscaled SE to the ×1,000 estimate; here both carry the factor.)
 * A subgroup estimate of 0 makes the logarithms undefined: not calculated (healthequal substitutes 1e-6).
 *
 * PAR and PAF (any dimension): the improvement in μ if everyone had the reference subgroup's level.
 * The reference is the most advantaged subgroup (highest `order`) for ordered dimensions; for
 * non-ordered ones the chosen reference subgroup, else the best-performing subgroup (highest
 * estimate if favourable, lowest if adverse). μ = setting average if given, else Σ p_j y_j.
 *   PAR = y_ref − μ,  PAF = 100·PAR/μ;  both set to 0 when the reference is worse than μ.
 * Analytic SE (Walter 1978, doi:10.1093/ije/7.2.175, as `healthequal`): with population counts N_j,
 * N = ΣN_j, c = (y_ref/scale)·N_ref, d = N_ref − c, a = (μ/scale)·N − c, b = N − a − N_ref,
 *   SE(PAF as a fraction) = √(c·N·(a·d·(N − c) + b·c²) / ((a + c)³(c + d)³));
 * SE(PAF) = 100 × that (percent, matching the estimate), SE(PAR) = μ × that. Needs counts (not shares)
 * and the indicator scale.
 */
import type { HeatData, HeatMeasureResult } from './input';
import { resultFor, settingMean, weightedMean } from './result';

function logMeasure(d: HeatData, theil: boolean): HeatMeasureResult {
  const id = theil ? 'TI' : 'MLD';
  const out = resultFor(id, theil ? 'Theil index' : 'Mean log deviation', d);
  if (d.ordered) return out.notApplicable(`${id} is a measure for non-ordered dimensions`);
  if (d.n < 3) return out.notApplicable(`${id} needs more than two subgroups`);
  if (!d.share) return out.notApplicable(`${id} needs the population of every subgroup`);
  if (d.y.some((v) => v === 0))
    return out.notApplicable(`${id} is undefined when a subgroup estimate is 0`);
  const p = d.share;
  const mu = weightedMean(d, p);
  const r = d.y.map((v) => v / mu);
  const raw = p.reduce(
    (acc, pj, j) => acc + pj * (theil ? r[j]! * Math.log(r[j]!) : -Math.log(r[j]!)),
    0,
  );
  const mean = { value: mu, source: 'population-weighted mean' as const };
  if (!d.se)
    return out.normal(1000 * raw, null, 'no CI: standard errors of every subgroup are needed', {
      mean,
    });
  const se = d.se;
  const variance = p.reduce((acc, pj, j) => {
    const factor = theil ? Math.log(r[j]!) - raw : 1 - 1 / r[j]!;
    return acc + (factor * pj * se[j]!) ** 2 / mu ** 2;
  }, 0);
  return out.normal(
    1000 * raw,
    1000 * Math.sqrt(variance),
    'analytic: Ahn et al. (2018) delta-method SE, ×1000',
    { mean },
  );
}

export function theilIndex(d: HeatData): HeatMeasureResult {
  return logMeasure(d, true);
}

export function meanLogDeviation(d: HeatData): HeatMeasureResult {
  return logMeasure(d, false);
}

/** Index of the PAF/PAR reference subgroup and the rule that chose it. */
export function impactReference(d: HeatData): { index: number; rule: string } {
  if (d.ordered) {
    const top = Math.max(...d.order!);
    return { index: d.order!.indexOf(top), rule: 'most advantaged subgroup' };
  }
  if (d.reference !== null) return { index: d.reference, rule: 'chosen reference subgroup' };
  const best = d.favourable ? Math.max(...d.y) : Math.min(...d.y);
  return { index: d.y.indexOf(best), rule: 'best-performing subgroup' };
}

function impact(d: HeatData, fraction: boolean): HeatMeasureResult {
  const id = fraction ? 'PAF' : 'PAR';
  const out = resultFor(
    id,
    fraction ? 'Population attributable fraction' : 'Population attributable risk',
    d,
  );
  const mean = settingMean(d);
  if (!mean) return out.notApplicable(`${id} needs the setting average or every population`);
  const mu = mean.value;
  const { index, rule } = impactReference(d);
  const yRef = d.y[index]!;
  const worse = d.favourable ? yRef < mu : yRef > mu;
  const par = worse ? 0 : yRef - mu;
  const estimate = fraction ? (100 * par) / mu : par;
  const extra = { mean, subgroupsUsed: [d.names[index]!] };
  const noCi = (why: string): HeatMeasureResult =>
    out.normal(estimate, null, `no CI: ${why}; reference = ${rule}`, extra);
  if (!d.pop || d.populationIsShare) return noCi('the Walter SE needs population counts');
  if (d.scale === null) return noCi('the Walter SE needs the indicator scale');
  const total = d.pop.reduce((acc, v) => acc + v, 0);
  const nRef = d.pop[index]!;
  const c = (yRef / d.scale) * nRef;
  const dd = nRef - c;
  const a = (mu / d.scale) * total - c;
  const b = total - a - nRef;
  const variance =
    (c * total * (a * dd * (total - c) + b * c * c)) / ((a + c) ** 3 * (c + dd) ** 3);
  if (!(variance >= 0 && a + c > 0 && c + dd > 0))
    return noCi('the Walter variance is undefined for these inputs');
  const seFraction = Math.sqrt(variance);
  const se = fraction ? 100 * seFraction : mu * seFraction;
  return out.normal(estimate, se, `analytic: Walter (1978) SE; reference = ${rule}`, extra);
}

export function populationAttributableRisk(d: HeatData): HeatMeasureResult {
  return impact(d, false);
}

export function populationAttributableFraction(d: HeatData): HeatMeasureResult {
  return impact(d, true);
}
