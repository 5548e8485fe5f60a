/**
 * The regression behind the slope index of inequality (Low & Low 2004), for one area whose
 * quantiles are in order (most to least deprived).
 *
 * With a_i the share of the area's population in quantile i and b_i its relative rank, the
 * cumulative midpoint b_i = Σ_{j<i} a_j + a_i/2, the SII model regresses √a_i·y_i on √a_i and
 * b_i·√a_i without an intercept term. That is weighted least squares of y on b with weights a;
 * the coefficient of √a_i is the intercept α (fitted value at rank 0) and that of b_i·√a_i is the
 * slope β (fitted difference between rank 1 and rank 0).
 *
 * PHEindicatormethods 2.1.0 fits the point estimate with `lm` (QR) and every simulated
 * repetition with the explicit least-squares matrix (MᵀM)⁻¹Mᵀ computed by `solve` (LAPACK
 * `dgesv`). `simulationCoefficients` reproduces that matrix operation by operation so the
 * simulated slopes agree with R's to the last bit or so.
 *
 * Reference: Low A, Low A (2004) Measuring the gap: quantifying and comparing local health
 * inequalities. J Public Health 26:388-395.
 */

/** Exact-ish running sum (Neumaier): R's `sum`/`cumsum` accumulate in 80-bit long double. */
function cumulativeSums(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
    out[i] = s + c;
  }
  return out;
}

/** Population shares and relative ranks of quantiles given in order. */
export interface RelativeRanks {
  /** a_i: population share. */
  readonly share: Float64Array;
  /** b_i: cumulative midpoint of the population distribution. */
  readonly rank: Float64Array;
}

/** a_i = n_i/Σn and b_i = Σ_{j<i} a_j + a_i/2 (the package's `FindXValues`). */
export function relativeRanks(population: Float64Array): RelativeRanks {
  const k = population.length;
  const total = cumulativeSums(population)[k - 1]!;
  const share = new Float64Array(k);
  for (let i = 0; i < k; i++) share[i] = population[i]! / total;
  const cumulative = cumulativeSums(share);
  const rank = new Float64Array(k);
  for (let i = 0; i < k; i++) rank[i] = share[i]! / 2 + (i === 0 ? 0 : cumulative[i - 1]!);
  return { share, rank };
}

/** Intercept α and slope β of the population-weighted regression of y on rank. */
export interface Fit {
  readonly intercept: number;
  readonly slope: number;
}

/**
 * Weighted least squares of y on b with weights a (centred two-pass form; the design has two
 * columns and b ∈ (0, 1), so it is well conditioned and agrees with R's QR fit to ~1e-14).
 */
export function weightedFit(ranks: RelativeRanks, y: Float64Array): Fit {
  const { share: a, rank: b } = ranks;
  let sw = 0;
  let sb = 0;
  let sy = 0;
  for (let i = 0; i < a.length; i++) {
    sw += a[i]!;
    sb += a[i]! * b[i]!;
    sy += a[i]! * y[i]!;
  }
  const meanB = sb / sw;
  const meanY = sy / sw;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < a.length; i++) {
    const db = b[i]! - meanB;
    sxy += a[i]! * db * (y[i]! - meanY);
    sxx += a[i]! * db * db;
  }
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanB };
}

/**
 * Rows of R's `solve(M %*% t(M)) %*% M` with M = rbind(√a, b√a), pre-multiplied by nothing:
 * α_r = Σ_i alpha[i]·√a_i·y_ir and β_r = Σ_i beta[i]·√a_i·y_ir for a simulated set y_r. Also
 * returns √a_i, because R weights each simulated y by it before the product.
 *
 * Operation order follows reference BLAS `dgemm` and LAPACK `dgetrf2`/`dgetrs` on the 2×2
 * normal matrix (no row swap is ever needed: Σa_i = 1 exceeds Σa_i·b_i).
 */
export function simulationCoefficients(ranks: RelativeRanks): {
  readonly sqrtShare: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
} {
  const k = ranks.share.length;
  const sa = new Float64Array(k);
  const bsa = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    sa[i] = Math.sqrt(ranks.share[i]!);
    bsa[i] = ranks.rank[i]! * sa[i]!;
  }
  // A = M Mᵀ (dgemm: sequential sums over the quantiles).
  let a11 = 0;
  let a12 = 0;
  let a22 = 0;
  for (let i = 0; i < k; i++) {
    a11 += sa[i]! * sa[i]!;
    a12 += bsa[i]! * sa[i]!;
    a22 += bsa[i]! * bsa[i]!;
  }
  // LU (dgetrf2): l21 = a21·(1/a11), u22 = a22 − a12·l21.
  const l21 = a12 * (1 / a11);
  const u22 = a22 + -a12 * l21;
  // A⁻¹ by dgetrs with B = I: forward (unit lower), then back substitution (upper).
  const inv21 = -l21 / u22;
  const inv11 = (1 - inv21 * a12) / a11;
  const inv22 = 1 / u22;
  const inv12 = -(inv22 * a12) / a11;
  // A⁻¹ M (dgemm).
  const alpha = new Float64Array(k);
  const beta = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    alpha[j] = sa[j]! * inv11 + bsa[j]! * inv12;
    beta[j] = sa[j]! * inv21 + bsa[j]! * inv22;
  }
  return { sqrtShare: sa, alpha, beta };
}
