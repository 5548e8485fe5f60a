/**
 * Numerical building blocks of the funnel-plot methods (`funnel.ts`), reproducing
 * PHEindicatormethods 2.1.0 and the APHO funnel-plot Excel tool it was ported from:
 *
 * - `poissonProbability`: P(a ≤ X ≤ b) for X ~ Poisson(λ), by summing terms from k = 0 with
 *   rescaling by 1e30 to avoid overflow, until k > λ and the next term is below 1e-10 of the
 *   running total.
 * - `poissonFunnelMean`: the Poisson mean λ at which an observed count sits exactly on a tail
 *   probability, by the tool's bisection on v ∈ (0, 1) with λ = (1 + O)·v/(1 − v), stopped when
 *   the step falls to 1e-7 or below. Its result differs from the exact chi-square answer by about
 *   1e-7 relative; we copy the bisection rather than use the exact value so that funnel limits
 *   match the package to 1e-9 (reference: funnel_limits_expected.csv *_exp_events columns).
 * - `wilsonFunnelLimit`: the closed-form Wilson-score funnel limit for a proportion.
 * - the axis rounding helpers.
 *
 * Reference: Spiegelhalter DJ (2005) "Funnel plots for comparing institutional performance",
 * Statistics in Medicine 24:1185-1202; APHO technical briefing 2, "Commonly used public health
 * statistics and their confidence intervals" (2008).
 */

/** P(lower ≤ X ≤ upper) for X ~ Poisson(lambda), summed as in the APHO funnel tool. */
export function poissonProbability(lambda: number, lower: number, upper: number): number {
  let term = 1;
  let total = 0;
  let inRange = 0;
  let k = 0;
  while (k <= lambda || term > total * 1e-10) {
    total += term;
    if (k >= lower && k <= upper) inRange += term;
    if (total > 1e30) {
      inRange /= 1e30;
      total /= 1e30;
      term /= 1e30;
    }
    k += 1;
    term = (term * lambda) / k;
  }
  return inRange / total;
}

/**
 * The Poisson mean λ for which `observed` is on the tail probability `p` (0.025 for the 2σ and
 * 0.001 for the 3σ funnel). `side: 'low'` gives the smaller λ (P(X ≥ O) = p), `'high'` the larger
 * (P(X ≤ O) = p).
 */
export function poissonFunnelMean(observed: number, p: number, side: 'low' | 'high'): number {
  let v = 0.5;
  let dv = 0.5;
  while (dv > 1e-7) {
    dv /= 2;
    const lambda = ((1 + observed) * v) / (1 - v);
    const tooHigh =
      side === 'low'
        ? poissonProbability(lambda, observed, 1e10) > p
        : poissonProbability(lambda, 0, observed) < p;
    v += tooHigh ? -dv : dv;
  }
  return ((1 + observed) * v) / (1 - v);
}

/**
 * Funnel limit for a proportion at population N and overall proportion p̄, at one-sided normal
 * quantile z (Φ⁻¹(0.975) or Φ⁻¹(0.999)): the proportion whose Wilson score interval just reaches
 * p̄. Returned as a proportion times `multiplier`, unclamped.
 */
export function wilsonFunnelLimit(
  z: number,
  population: number,
  average: number,
  side: 'low' | 'high',
  multiplier: number,
): number {
  const z2 = z * z;
  const first = average * (population / z2 + 1);
  const root = Math.sqrt(
    Math.pow(-8 * average * (population / z2 + 1), 2) -
      64 *
        (1 / z2 + 1 / population) *
        average *
        (population * (average * (population / z2 + 2) - 1) + z2 * (average - 1)),
  );
  const last = 1 / z2 + 1 / population;
  const limit = side === 'low' ? (first - root / 8) / last : (first + root / 8) / last;
  return (limit / population) * multiplier;
}

/** R's `round()` to an integer: halves go to the even neighbour (IEC 60559). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Digits in the integer part of a non-negative integer. */
function digits(n: number): number {
  return String(n).length;
}

/** x·0.95 rounded down to its leading digit (0 for x = 0): the funnel axis minimum. */
export function signifFloor(x: number): number {
  if (x === 0) return 0;
  const scale = Math.pow(10, digits(Math.floor(x * 0.95)) - 1);
  return Math.floor((x * 0.95) / scale) * scale;
}

/** x·1.05 rounded up to its first two digits (0 for x = 0): the funnel axis maximum. */
export function signifCeiling(x: number): number {
  if (x === 0) return 0;
  const scale = Math.pow(10, digits(Math.ceil(x * 1.05)) - 2);
  return Math.ceil((x * 1.05) / scale) * scale;
}

/**
 * The 100 plotting positions between the axis ends, geometrically spaced and at least 1 apart.
 * `offset` is 0 for proportions and rates and 1 for ratios (the package spaces ratios one step
 * differently, so their last point falls short of the axis maximum).
 */
export function funnelAxis(axisMin: number, axisMax: number, offset: 0 | 1): Float64Array {
  const points = new Float64Array(100);
  points[0] = Math.max(1, axisMin);
  for (let j = 2; j <= 100; j++) {
    const previous = points[j - 2]!;
    const step = Math.pow(axisMax / previous, 1 / (101 - (j - offset))) * previous;
    points[j - 1] = Math.max(roundHalfEven(step), previous + 1);
  }
  return points;
}
