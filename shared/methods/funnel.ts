/**
 * Funnel plots: PHEindicatormethods 2.1.0 `calculate_funnel_limits`,
 * `assign_funnel_significance` and `calculate_funnel_points`, for proportions, ratios
 * (observed/expected counts, e.g. SMRs) and rates (crude or directly standardised).
 *
 * Limits are given at 2σ (two-sided 95%, one-sided p = 0.025) and 3σ (99.8%, p = 0.001) and are
 * named by `levelSuffix` as everywhere else: `lower95`/`upper95` (2σ), `lower998`/`upper998` (3σ).
 *
 * - **Proportions:** the x axis is the denominator (population); limits are Wilson-score funnel
 *   limits around p̄ = Σnumerator/Σdenominator, clamped to [0, 100] (the upper clamp is 100
 *   whatever the multiplier, as in the package; README "Known fixture problems" 6).
 * - **Ratios:** the x axis is observed events O; the expected events λ at each limit come from the
 *   APHO Poisson bisection (`poissonFunnelMean`); the limit is O/λ − 1 (`count`) or O/λ·100 (`isr`).
 * - **Rates:** each record's denominator is m·numerator/rate (a dsr record with 0 events has none;
 *   a crude one uses the `denominator` column); the x axis is events; population at a limit is
 *   λ/average rate and the limit is events/population·m.
 *
 * See `funnelPoisson.ts` for the numerical pieces. Reference: Spiegelhalter (2005);
 * vectors: fixtures/reference/pheindicatormethods/data/funnel_*.csv.
 */
import quantileNormal from '@stdlib/stats-base-dists-normal-quantile';
import type { NumericColumn } from './columns';
import { assertMultiplier, readValue, rowCount } from './columns';
import { MethodInputError } from './errors';
import {
  funnelAxis,
  poissonFunnelMean,
  signifCeiling,
  signifFloor,
  wilsonFunnelLimit,
} from './funnelPoisson';
import { derivedDenominators } from './funnelSignificance';

export interface ProportionFunnelInput {
  readonly statistic: 'proportion';
  readonly numerator: NumericColumn;
  readonly denominator: NumericColumn;
  /** Default 100 (percentages). */
  readonly multiplier?: number;
}
export interface RatioFunnelInput {
  readonly statistic: 'ratio';
  /** Observed events. */
  readonly numerator: NumericColumn;
  /** Expected events. */
  readonly denominator: NumericColumn;
  readonly ratioType: 'count' | 'isr';
}
export interface RateFunnelInput {
  readonly statistic: 'rate';
  readonly numerator: NumericColumn;
  readonly rate: NumericColumn;
  /** Needed for crude rates with 0-event records. */
  readonly denominator?: NumericColumn;
  readonly rateType: 'dsr' | 'crude';
  readonly multiplier: number;
  readonly yearsOfData: number;
}
export type FunnelInput = ProportionFunnelInput | RatioFunnelInput | RateFunnelInput;

/** One of the 100 plotting points. */
export interface FunnelPoint {
  /** Population (proportions), observed events (ratios) or events (rates). */
  readonly x: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
  /** Ratios: expected events at each limit. Rates: population per year at each limit. */
  readonly lower95Denominator?: number;
  readonly upper95Denominator?: number;
  readonly lower998Denominator?: number;
  readonly upper998Denominator?: number;
}

export interface FunnelLimits {
  /** What x is: `Population`, `Observed_events` or `Events` (the package's column names). */
  readonly axis: 'Population' | 'Observed_events' | 'Events';
  readonly points: readonly FunnelPoint[];
  /** The centre line (p̄·m, or average rate·m); null for ratios. */
  readonly baseline: number | null;
  /** `proportion`, `ratio (count)` or `rate (dsr per 100,000)`. */
  readonly statistic: string;
  readonly method: 'Wilson' | 'Poisson';
}

/** One-sided tail probabilities of the 2σ and 3σ limits, in output order. */
const TAILS = [
  ['95', 0.025],
  ['998', 0.001],
] as const;

function proportionLimits(input: ProportionFunnelInput): FunnelLimits {
  const multiplier = input.multiplier ?? 100;
  assertMultiplier(multiplier);
  const rows = rowCount({ numerator: input.numerator, denominator: input.denominator });
  let sumX = 0;
  let sumN = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows; i++) {
    const x = readValue(input.numerator, i, 'numerator', undefined);
    const n = readValue(input.denominator, i, 'denominator', undefined);
    if (x === null || n === null) {
      throw new MethodInputError(
        `row ${String(i + 1)}: numerators and denominators must be given for every record, even when 0`,
        undefined,
        x === null ? 'numerator' : 'denominator',
      );
    }
    sumX += x;
    sumN += n;
    min = Math.min(min, n);
    max = Math.max(max, n);
  }
  const average = sumX / sumN;
  const axisMin = max > 2 * min ? 0 : signifFloor(min);
  const xs = funnelAxis(axisMin, signifCeiling(max), 0);
  const points = Array.from(xs, (x) => {
    const point: Record<string, number> = { x };
    for (const [suffix, p] of TAILS) {
      const z = quantileNormal(1 - p, 0, 1);
      point[`lower${suffix}`] = Math.max(0, wilsonFunnelLimit(z, x, average, 'low', multiplier));
      point[`upper${suffix}`] = Math.min(100, wilsonFunnelLimit(z, x, average, 'high', multiplier));
    }
    return point as unknown as FunnelPoint;
  });
  return {
    axis: 'Population',
    points,
    baseline: average * multiplier,
    statistic: 'proportion',
    method: 'Wilson',
  };
}

/** Poisson funnel points: λ at each limit for each x, turned into limits by `limit(x, λ)`. */
function poissonPoints(
  xs: Float64Array,
  denominator: (lambda: number) => number,
  limit: (x: number, lambda: number) => number,
): FunnelPoint[] {
  return Array.from(xs, (x) => {
    const point: Record<string, number> = { x };
    for (const [suffix, p] of TAILS) {
      // The lower limit pairs with the larger λ (the 'high' side), and vice versa.
      const high = poissonFunnelMean(x, p, 'high');
      const low = poissonFunnelMean(x, p, 'low');
      point[`lower${suffix}`] = limit(x, high);
      point[`upper${suffix}`] = limit(x, low);
      point[`lower${suffix}Denominator`] = denominator(high);
      point[`upper${suffix}Denominator`] = denominator(low);
    }
    return point as unknown as FunnelPoint;
  });
}

function ratioLimits(input: RatioFunnelInput): FunnelLimits {
  const rows = rowCount({ numerator: input.numerator, denominator: input.denominator });
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows; i++) {
    const expected = readValue(input.denominator, i, 'denominator', undefined);
    if (expected === null)
      throw new MethodInputError(
        `row ${String(i + 1)}: expected count is missing`,
        undefined,
        'denominator',
      );
    min = Math.min(min, expected);
    max = Math.max(max, expected);
  }
  const xs = funnelAxis(max > 2 * min ? 0 : signifFloor(min), signifCeiling(max), 1);
  const scale = input.ratioType === 'count' ? (r: number) => r - 1 : (r: number) => r * 100;
  const points = poissonPoints(
    xs,
    (lambda) => lambda,
    (x, lambda) => scale(x / lambda),
  );
  return {
    axis: 'Observed_events',
    points,
    baseline: null,
    statistic: `ratio (${input.ratioType})`,
    method: 'Poisson',
  };
}

function rateLimits(input: RateFunnelInput): FunnelLimits {
  const { multiplier, yearsOfData } = input;
  assertMultiplier(multiplier);
  assertMultiplier(yearsOfData, 'yearsOfData');
  const { numerators, denominators } = derivedDenominators(input);
  let sumX = 0;
  let sumN = 0;
  let min = Infinity;
  let max = -Infinity;
  denominators.forEach((n, i) => {
    sumX += numerators[i]!;
    if (n === null) return;
    sumN += n;
    min = Math.min(min, n);
    max = Math.max(max, n);
  });
  const average = sumX / sumN;
  const axisMin = max > 2 * min ? 0 : signifFloor(min / yearsOfData) * yearsOfData;
  const axisMax = signifCeiling(max / yearsOfData) * yearsOfData;
  const xs = funnelAxis(Math.floor(axisMin * average), Math.ceil(axisMax * average), 0);
  const points = poissonPoints(
    xs,
    (lambda) => lambda / average / yearsOfData,
    (x, lambda) => (x / (lambda / average)) * multiplier,
  );
  const m = multiplier.toLocaleString('en-GB', { maximumFractionDigits: 20 });
  return {
    axis: 'Events',
    points,
    baseline: average * multiplier,
    statistic: `rate (${input.rateType} per ${m})`,
    method: 'Poisson',
  };
}

/** `calculate_funnel_limits`: 100 plotting points with 2σ and 3σ limits. */
export function funnelLimits(input: FunnelInput): FunnelLimits {
  switch (input.statistic) {
    case 'proportion':
      return proportionLimits(input);
    case 'ratio':
      return ratioLimits(input);
    case 'rate':
      return rateLimits(input);
  }
}
