/**
 * Abridged life table (Chiang II) with the Silcocks et al. variance for the open final interval,
 * for one area, as PHEindicatormethods 2.1.0 `phe_life_expectancy` computes it.
 *
 * With start ages x_i, widths n_i = x_{i+1} − x_i, deaths D_i, population P_i, M_i = D_i/P_i and
 * a_i = 0.1 for age 0, otherwise 0.5:
 *
 *     q_i = n_i·M_i / (1 + n_i·M_i·(1 − a_i)), or 1 when D_i > P_i/(n_i·a_i)
 *     l_0 = 100000, l_{i+1} = l_i·(1 − q_i), d_i = l_i − l_{i+1}
 *     L_i = n_i·(l_{i+1} + a_i·d_i); T_i = Σ_{j≥i} L_j; e_i = T_i/l_i (0 when l_i = 0)
 *     s²_i = q_i²(1 − q_i)/D_i (0 when d_i = 0);  W_i = s²_i·l_i²·((1 − a_i)·n_i + e_{i+1})²
 *     Var(e_i) = Σ_{j≥i} W_j / l_i²
 *
 * The open final interval ω uses n_ω = 2/M_ω (so q_ω = 1), L_ω = l_ω/M_ω (mean survival 1/M_ω),
 * and Silcocks' term for the variance of 1/M_ω: s²_ω = 4/(D_ω·M_ω²), W_ω = (l_ω/2)²·s²_ω.
 * Nothing in these formulas depends on where the open interval starts, so the same table serves
 * an 85+ (19 bands) or 90+ (20 bands) closing band.
 *
 * Results are IEEE doubles exactly as the formulas give them: zero deaths in the final band gives
 * e = ∞ and undefined variances (NaN), which the caller turns into suppressed values.
 *
 * References: Chiang CL (1968) Introduction to Stochastic Processes in Biostatistics, ch. 9;
 * Silcocks PBS, Jenner DA, Reza R (2001) J Epidemiol Community Health 55:38-43; Eayres DP,
 * Williams ES (2004) J Epidemiol Community Health 58:243-249; OHID Fingertips technical guidance,
 * "Life expectancy calculator".
 */

/** Life expectancy and its standard error at each start age. */
export interface LifeTable {
  readonly e: Float64Array;
  readonly se: Float64Array;
}

/**
 * The life table for bands with start ages `ages` (ascending, first 0, last open-ended) and
 * deaths and population per band. Deaths ≥ 0, population > 0, deaths ≤ population (checked by
 * the caller).
 */
export function chiangLifeTable(ages: ArrayLike<number>, deaths: ArrayLike<number>, population: ArrayLike<number>): LifeTable {
  const k = ages.length;
  const last = k - 1;
  const n = new Float64Array(k);
  const a = new Float64Array(k);
  const m = new Float64Array(k);
  const q = new Float64Array(k);
  const l = new Float64Array(k + 1);
  for (let i = 0; i < k; i++) {
    m[i] = deaths[i]! / population[i]!;
    a[i] = ages[i] === 0 ? 0.1 : 0.5;
    n[i] = i < last ? ages[i + 1]! - ages[i]! : 2 / m[i]!;
    q[i] = deaths[i]! <= population[i]! / n[i]! / a[i]! ? (m[i]! * n[i]!) / (1 + m[i]! * n[i]! * (1 - a[i]!)) : 1;
  }
  l[0] = 1e5;
  for (let i = 1; i < k; i++) l[i] = l[i - 1]! * (1 - q[i - 1]!);
  l[k] = 0; // no one survives the open interval
  const bigL = new Float64Array(k);
  for (let i = 0; i < last; i++) bigL[i] = n[i]! * (l[i + 1]! + a[i]! * (l[i]! - l[i + 1]!));
  bigL[last] = l[last]! / m[last]!;

  const e = new Float64Array(k);
  let t = 0;
  for (let i = last; i >= 0; i--) {
    t += bigL[i]!;
    e[i] = l[i] === 0 ? 0 : t / l[i]!;
  }
  const se = new Float64Array(k);
  let st = 0;
  for (let i = last; i >= 0; i--) {
    let w: number;
    if (i === last) {
      const s2 = 4 / (deaths[i]! * m[i]! * m[i]!);
      w = (l[i]! / 2) ** 2 * s2;
    } else {
      const s2 = l[i]! - l[i + 1]! === 0 ? 0 : (q[i]! ** 2 * (1 - q[i]!)) / deaths[i]!;
      w = s2 * l[i]! ** 2 * ((1 - a[i]!) * n[i]! + e[i + 1]!) ** 2;
    }
    st += w;
    se[i] = Math.sqrt(st / l[i]! ** 2);
  }
  return { e, se };
}
