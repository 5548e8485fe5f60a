/**
 * HEAT slope and relative indices of inequality (SII, RII), ordered dimensions only.
 *
 * The population is ranked from most disadvantaged (X = 0) to most advantaged (X = 1) by midpoint
 * cumulative share (see `midpointRanks`), and the indicator, as a proportion p_j = y_j / scale, is
 * regressed on X_j (HEAT Technical Notes: "generalized linear model with logit link"; Schlotheuber
 * & Hosseinpoor 2022 §2.3):
 *   logit p = β₀ + β₁X, fitted by iteratively reweighted least squares as a grouped binomial with
 *   population weights; SII = scale·(expit(β₀ + β₁) − expit(β₀)), RII = expit(β₀ + β₁) / expit(β₀).
 * SII > 0 (RII > 1) means higher values among the advantaged; no sign flip for adverse indicators.
 * `model: 'linear'` fits weighted least squares instead (SII = scale·β₁, RII = (β₀ + β₁)/β₀).
 *
 * Interval (analytic): the delta method on a heteroskedasticity-robust HC1 sandwich covariance,
 * V = k/(k − 2)·A⁻¹BA⁻¹ with A = Σ w_j x_j x_jᵀ and B = Σ m_j²(p_j − p̂_j)² x_j x_jᵀ, as WHO's
 * `healthequal` 1.0.1 (`marginaleffects::avg_comparisons(..., vcov = "HC1")`). RII's interval is
 * exp(ln RII ± z·SE(ln RII)). Both are invariant to scaling the populations (counts or shares).
 *
 * Difference from `healthequal` 1.0.1 (stated, not copied): it rounds events to integers and, by
 * passing `weights = pop` with a `cbind(events, non-events)` response, weights each subgroup by
 * pop² in R's `glm`. By default each subgroup here is a binomial with `pop` trials and proportion
 * y/scale, the standard grouped logistic model, so estimates differ somewhat from `healthequal`
 * (44.89 vs 44.45 on its own test data); `model: 'logit-healthequal'` reproduces its numbers.
 */
import { midpointRanks } from './concentration';
import type { HeatData, HeatMeasureResult } from './input';
import { resultFor } from './result';

/**
 * - `logit`: grouped binomial logistic regression, each subgroup with `population` trials (default).
 * - `logit-healthequal`: WHO `healthequal` 1.0.1 parity: events rounded to integers (R's
 *   half-to-even `round`, populations rounded up) and subgroups weighted by population² (what R's
 *   `glm(cbind(y, n − y) ~ rank, weights = pop)` does). Needs population counts.
 * - `linear`: weighted least squares on the indicator scale.
 */
export type RegressionModel = 'logit' | 'logit-healthequal' | 'linear';

/** The link used by `fitRankRegression`. */
export type RegressionLink = 'logit' | 'identity';

interface Fit {
  /** False when IRLS did not converge in 100 iterations (the measure is then not reported). */
  readonly converged: boolean;
  readonly b0: number;
  readonly b1: number;
  /** HC1 covariance [v00, v01, v11]. */
  readonly v: readonly [number, number, number];
}

const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/** Fit p on x with weights m by IRLS (logit) or WLS (linear), with the HC1 sandwich covariance. */
export function fitRankRegression(
  x: readonly number[],
  p: readonly number[],
  m: readonly number[],
  link: RegressionLink,
): Fit {
  const logit = link === 'logit';
  let b0 = 0;
  let b1 = 0;
  let mu = p.map((pj) => (logit ? (pj + 0.5) / 2 : pj));
  let eta = mu.map((u) => (logit ? Math.log(u / (1 - u)) : u));
  let converged = !logit;
  for (let iter = 0; iter < 100 && !converged; iter++) {
    // Working weights and response.
    const w = mu.map((u, j) => m[j]! * u * (1 - u));
    const z = eta.map((e, j) => e + (p[j]! - mu[j]!) / (mu[j]! * (1 - mu[j]!)));
    const [n0, n1] = solveWls(x, z, w);
    const change = Math.abs(n0 - b0) + Math.abs(n1 - b1);
    b0 = n0;
    b1 = n1;
    eta = x.map((xj) => b0 + b1 * xj);
    mu = eta.map(expit);
    converged = change < 1e-13 * (1 + Math.abs(b0) + Math.abs(b1));
  }
  if (!logit) {
    [b0, b1] = solveWls(x, p, m);
    mu = x.map((xj) => b0 + b1 * xj);
  }
  // Bread A = Σ w x xᵀ, meat B = Σ (m (p − μ))² x xᵀ.
  let a00 = 0;
  let a01 = 0;
  let a11 = 0;
  let c00 = 0;
  let c01 = 0;
  let c11 = 0;
  x.forEach((xj, j) => {
    const u = mu[j]!;
    const w = logit ? m[j]! * u * (1 - u) : m[j]!;
    const s = (m[j]! * (p[j]! - u)) ** 2;
    a00 += w;
    a01 += w * xj;
    a11 += w * xj * xj;
    c00 += s;
    c01 += s * xj;
    c11 += s * xj * xj;
  });
  const det = a00 * a11 - a01 * a01;
  // A⁻¹ = [a11, −a01; −a01, a00] / det
  const i00 = a11 / det;
  const i01 = -a01 / det;
  const i11 = a00 / det;
  // V = A⁻¹ C A⁻¹ (symmetric 2×2), times k/(k − 2).
  const t00 = i00 * c00 + i01 * c01;
  const t01 = i00 * c01 + i01 * c11;
  const t10 = i01 * c00 + i11 * c01;
  const t11 = i01 * c01 + i11 * c11;
  const hc1 = x.length / (x.length - 2);
  const v: [number, number, number] = [
    hc1 * (t00 * i00 + t01 * i01),
    hc1 * (t00 * i01 + t01 * i11),
    hc1 * (t10 * i01 + t11 * i11),
  ];
  return { converged, b0, b1, v };
}

function solveWls(
  x: readonly number[],
  z: readonly number[],
  w: readonly number[],
): [number, number] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let t0 = 0;
  let t1 = 0;
  x.forEach((xj, j) => {
    s0 += w[j]!;
    s1 += w[j]! * xj;
    s2 += w[j]! * xj * xj;
    t0 += w[j]! * z[j]!;
    t1 += w[j]! * xj * z[j]!;
  });
  const det = s0 * s2 - s1 * s1;
  return [(s2 * t0 - s1 * t1) / det, (s0 * t1 - s1 * t0) / det];
}

/** g' V g for a gradient g = [g0, g1]. */
function quadratic(v: readonly [number, number, number], g0: number, g1: number): number {
  return g0 * g0 * v[0] + 2 * g0 * g1 * v[1] + g1 * g1 * v[2];
}

function prepare(d: HeatData, out: ReturnType<typeof resultFor>, model: RegressionModel) {
  if (!d.ordered) return out.notApplicable('SII and RII need an ordered dimension');
  if (!d.share) return out.notApplicable('SII and RII need the population of every subgroup');
  if (d.n < 3) return out.notApplicable('SII and RII need at least 3 subgroups');
  if (model !== 'linear' && d.scale === null) {
    return out.notApplicable(
      'the logistic SII/RII needs the indicator scale (e.g. 100 for a percentage)',
    );
  }
  if (model === 'logit-healthequal' && d.populationIsShare) {
    return out.notApplicable(
      'the healthequal-parity model rounds event counts, so it needs population counts',
    );
  }
  if (new Set(d.y).size === 1) return out.notApplicable('all subgroup estimates are equal');
  const { index, share, rank } = midpointRanks(d);
  const scale = model === 'linear' ? 1 : d.scale!;
  let p = index.map((j) => d.y[j]! / scale);
  let m = share;
  if (model === 'logit-healthequal') {
    const pop = index.map((j) => Math.ceil(d.pop![j]!));
    p = pop.map((n, k) => roundHalfEven(p[k]! * n) / n);
    m = pop.map((n) => n * n);
  }
  const fit = fitRankRegression(rank, p, m, model === 'linear' ? 'identity' : 'logit');
  if (!fit.converged)
    return out.notApplicable('the logistic regression did not converge in 100 iterations');
  return { fit, scale };
}

/** R's `round(x)`: halves go to the even neighbour (IEC 60559). */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function slopeIndex(d: HeatData, model: RegressionModel = 'logit'): HeatMeasureResult {
  const out = resultFor('SII', 'Slope index of inequality', d);
  const prep = prepare(d, out, model);
  if ('measure' in prep) return prep;
  const { fit, scale } = prep;
  if (model === 'linear') {
    return out.normal(
      scale * fit.b1,
      Math.sqrt(fit.v[2]),
      'analytic: weighted linear regression, HC1 robust SE',
    );
  }
  const p1 = expit(fit.b0 + fit.b1);
  const p0 = expit(fit.b0);
  const se = scale * Math.sqrt(quadratic(fit.v, p1 * (1 - p1) - p0 * (1 - p0), p1 * (1 - p1)));
  return out.normal(
    scale * (p1 - p0),
    se,
    'analytic: logistic regression, delta method on HC1 robust covariance',
  );
}

export function relativeIndex(d: HeatData, model: RegressionModel = 'logit'): HeatMeasureResult {
  const out = resultFor('RII', 'Relative index of inequality', d);
  const prep = prepare(d, out, model);
  if ('measure' in prep) return prep;
  const { fit } = prep;
  let lnRii: number;
  let se: number;
  if (model === 'linear') {
    if (!(fit.b0 > 0 && fit.b0 + fit.b1 > 0))
      return out.notApplicable('linear RII needs positive fitted values at both ends');
    lnRii = Math.log((fit.b0 + fit.b1) / fit.b0);
    se = Math.sqrt(quadratic(fit.v, 1 / (fit.b0 + fit.b1) - 1 / fit.b0, 1 / (fit.b0 + fit.b1)));
  } else {
    const p1 = expit(fit.b0 + fit.b1);
    const p0 = expit(fit.b0);
    lnRii = Math.log(p1 / p0);
    se = Math.sqrt(quadratic(fit.v, p0 - p1, 1 - p1));
  }
  return out.custom({
    estimate: Math.exp(lnRii),
    se,
    lower: Math.exp(lnRii - d.z * se),
    upper: Math.exp(lnRii + d.z * se),
    ciMethod: 'analytic',
    ciNote: `analytic: ${model} regression, delta method on HC1 robust covariance, log scale (se is SE(ln RII))`,
  });
}
