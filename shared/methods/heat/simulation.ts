/**
 * Monte Carlo intervals for the HEAT measures that have no analytic standard error (BGSD, COV,
 * MDMU/MDMW, MDBU/MDBW, MDRU/MDRW, IDISU/IDISW).
 *
 * Rule (Ahn et al. 2019, "Improved Monte Carlo methods for estimating confidence intervals for
 * eleven commonly used health disparity measures", PLoS One 14(7), as WHO's `healthequal` 1.0.1):
 * each draw replaces every subgroup estimate by a normal draw with mean y_j and SD se_j, redrawn
 * until it lies in [0, ∞) (or [0, scale] when the scale is known, e.g. [0, 100] for a percentage);
 * the measure is recomputed on the draw with the population shares fixed; the interval is the
 * (1 − level)/2 and (1 + level)/2 percentiles of the draws (R quantile type 7).
 *
 * Opt-in and seeded, so results are reproducible: draws come from `RRandom` (R's Mersenne-Twister
 * `rnorm` stream). Without `SimulationOptions`, these measures report no interval.
 */
import { percentileInc } from '../compareQuintiles';
import { RRandom } from '../random';
import type { HeatData } from './input';

export interface SimulationOptions {
  /** Number of simulated data sets (healthequal's default is 100; 1,000 or more is steadier). */
  readonly draws: number;
  /** Integer seed, as R's `set.seed`. */
  readonly seed: number;
}

/** Percentile interval of `measure` over simulated estimates; null when SEs are missing. */
export function simulateInterval(
  d: HeatData,
  measure: (y: readonly number[]) => number,
  options: SimulationOptions,
): { lower: number; upper: number } | null {
  if (!d.se) return null;
  if (!(Number.isInteger(options.draws) && options.draws >= 2)) {
    throw new RangeError(`simulation draws must be an integer ≥ 2, got ${String(options.draws)}`);
  }
  const rng = new RRandom(options.seed);
  const upperBound = d.scale ?? Number.POSITIVE_INFINITY;
  const values: number[] = [];
  for (let k = 0; k < options.draws; k++) {
    const y = d.y.map((mean, j) => {
      const sd = d.se![j]!;
      if (sd === 0) return mean;
      for (let tries = 0; tries < 10_000; tries++) {
        const draw = mean + sd * rng.normal();
        if (draw >= 0 && draw <= upperBound) return draw;
      }
      return mean; // practically unreachable: the estimate itself lies in the bounds
    });
    const v = measure(y);
    if (Number.isFinite(v)) values.push(v);
  }
  if (values.length < 2) return null;
  values.sort((a, b) => a - b);
  const tail = (1 - d.level) / 2;
  return { lower: percentileInc(values, tail), upper: percentileInc(values, 1 - tail) };
}
