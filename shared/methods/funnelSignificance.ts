/**
 * Funnel-plot significance of each record and its plotting position: PHEindicatormethods 2.1.0
 * `assign_funnel_significance` and `calculate_funnel_points` (see `funnel.ts` for the limits).
 *
 * - **Proportions:** x/n is compared with the Wilson funnel limits for the record's own n.
 * - **Ratios:** 1 is compared with the record's Poisson limits of O divided by its expected count;
 *   exact (chi-square) limits for O < 10 (the lower is 0 for O = 0), Byar's otherwise.
 * - **Rates:** the weighted average rate Σnumerator/Σdenominator is compared with the record's
 *   Poisson limits divided by its denominator (derived as m·numerator/rate, or given for crude
 *   rates with 0 events). DSRs with fewer than 10 events are not assessed.
 *
 * Labels are tested from the extreme inwards: Low (0.001), Low (0.025), High (0.001),
 * High (0.025) for proportions; High before Low for ratios and rates, as in the package.
 * Vectors: fixtures/reference/pheindicatormethods/data/funnel_significance.csv, funnel_points.csv.
 */
import quantileNormal from '@stdlib/stats-base-dists-normal-quantile';
import quantileChisq from '@stdlib/stats-base-dists-chisquare-quantile';
import { byarsLowerZ, byarsUpperZ } from './byars';
import type { NumericColumn } from './columns';
import { assertMultiplier, readValue, rowCount } from './columns';
import { MethodInputError } from './errors';
import { wilsonFunnelLimit } from './funnelPoisson';

export type FunnelSignificance =
  | 'High (0.001)'
  | 'High (0.025)'
  | 'Low (0.001)'
  | 'Low (0.025)'
  | 'Not significant'
  | 'Not applicable for events less than 10 for dsrs';

/** Inputs shared by rate funnels: how each record's denominator is derived. */
export interface RateRecords {
  readonly numerator: NumericColumn;
  readonly rate: NumericColumn;
  /** Needed for crude rates with 0-event records. */
  readonly denominator?: NumericColumn;
  readonly rateType: 'dsr' | 'crude';
  readonly multiplier: number;
}

/** Numerators, and each record's denominator m·numerator/rate (null for a 0-event dsr). */
export function derivedDenominators(input: RateRecords): {
  numerators: Float64Array;
  denominators: (number | null)[];
} {
  const { numerator, rate, denominator, rateType, multiplier } = input;
  assertMultiplier(multiplier);
  const rows = rowCount({ numerator, rate, denominator });
  const numerators = new Float64Array(rows);
  const denominators: (number | null)[] = [];
  for (let i = 0; i < rows; i++) {
    const row = `row ${String(i + 1)}: `;
    const x = readValue(numerator, i, 'numerator', undefined);
    if (x === null)
      throw new MethodInputError(
        `${row}numerators must be given for every record, even when 0`,
        undefined,
        'numerator',
      );
    if (x < 0)
      throw new MethodInputError(
        `${row}numerator must be >= 0, got ${String(x)}`,
        undefined,
        'numerator',
      );
    numerators[i] = x;
    if (x === 0) {
      if (rateType === 'dsr') {
        denominators.push(null);
        continue;
      }
      if (denominator === undefined) {
        throw new MethodInputError(
          `${row}a record with 0 events needs its denominator: pass the denominator column`,
          undefined,
          'denominator',
        );
      }
      const n = readValue(denominator, i, 'denominator', undefined);
      if (n === null || !(n > 0))
        throw new MethodInputError(
          `${row}a record with 0 events needs a denominator > 0`,
          undefined,
          'denominator',
        );
      denominators.push(n);
      continue;
    }
    const r = readValue(rate, i, 'rate', undefined);
    if (r === null || !(r > 0))
      throw new MethodInputError(
        `${row}rate must be given and > 0 when there are events, got ${String(r)}`,
        undefined,
        'rate',
      );
    denominators.push((multiplier * x) / r);
  }
  return { numerators, denominators };
}

/** Lower Poisson limit of `observed` at two-sided `confidence`: exact below 10, Byar's from 10. */
function poissonLow(observed: number, confidence: number): number {
  if (observed === 0) return 0;
  if (observed < 10) return quantileChisq(1 - (0.5 + confidence / 2), 2 * observed) / 2;
  return byarsLowerZ(observed, quantileNormal(0.5 + confidence / 2, 0, 1)) ?? 0;
}

function poissonHigh(observed: number, confidence: number): number {
  if (observed < 10) return quantileChisq(0.5 + confidence / 2, 2 * observed + 2) / 2;
  return byarsUpperZ(observed, quantileNormal(0.5 + confidence / 2, 0, 1));
}

/** Label of a count against a reference value `target` (1 for ratios, the average rate for rates). */
function poissonLabel(observed: number, denominator: number, target: number): FunnelSignificance {
  if (target < poissonLow(observed, 0.998) / denominator) return 'High (0.001)';
  if (target < poissonLow(observed, 0.95) / denominator) return 'High (0.025)';
  if (target > poissonHigh(observed, 0.998) / denominator) return 'Low (0.001)';
  if (target > poissonHigh(observed, 0.95) / denominator) return 'Low (0.025)';
  return 'Not significant';
}

function requireColumn(column: NumericColumn, i: number, field: string): number {
  const v = readValue(column, i, field, undefined);
  if (v === null)
    throw new MethodInputError(
      `row ${String(i + 1)}: must be given for every record, even when 0`,
      undefined,
      field,
    );
  return v;
}

export type SignificanceInput =
  | {
      readonly statistic: 'proportion';
      readonly numerator: NumericColumn;
      readonly denominator: NumericColumn;
    }
  | {
      readonly statistic: 'ratio';
      readonly numerator: NumericColumn;
      readonly denominator: NumericColumn;
    }
  | ({ readonly statistic: 'rate' } & RateRecords);

/** `assign_funnel_significance`: one label per input record. */
export function funnelSignificance(input: SignificanceInput): FunnelSignificance[] {
  if (input.statistic === 'rate') {
    const { numerators, denominators } = derivedDenominators(input);
    let sumX = 0;
    let sumN = 0;
    denominators.forEach((n, i) => {
      if (n === null) return;
      sumX += numerators[i]!;
      sumN += n;
    });
    const average = sumX / sumN;
    return denominators.map((n, i) => {
      const x = numerators[i]!;
      if (input.rateType === 'dsr' && x < 10)
        return 'Not applicable for events less than 10 for dsrs';
      return poissonLabel(x, n!, average);
    });
  }
  const rows = rowCount({ numerator: input.numerator, denominator: input.denominator });
  const xs = Array.from({ length: rows }, (_, i) => requireColumn(input.numerator, i, 'numerator'));
  const ns = Array.from({ length: rows }, (_, i) =>
    requireColumn(input.denominator, i, 'denominator'),
  );
  xs.forEach((x, i) => {
    const row = `row ${String(i + 1)}: `;
    if (x < 0)
      throw new MethodInputError(
        `${row}numerator must be >= 0, got ${String(x)}`,
        undefined,
        'numerator',
      );
    if (!(ns[i]! > 0))
      throw new MethodInputError(
        `${row}denominator must be > 0, got ${String(ns[i])}`,
        undefined,
        'denominator',
      );
    if (input.statistic === 'proportion' && x > ns[i]!) {
      throw new MethodInputError(
        `${row}numerator ${String(x)} is greater than denominator ${String(ns[i])}; a proportion needs numerator <= denominator`,
        undefined,
        'numerator',
      );
    }
  });
  if (input.statistic === 'ratio') return xs.map((x, i) => poissonLabel(x, ns[i]!, 1));

  const average = xs.reduce((a, b) => a + b, 0) / ns.reduce((a, b) => a + b, 0);
  const z2 = quantileNormal(0.975, 0, 1);
  const z3 = quantileNormal(0.999, 0, 1);
  return xs.map((x, i) => {
    const n = ns[i]!;
    const p = x / n;
    if (p < wilsonFunnelLimit(z3, n, average, 'low', 1)) return 'Low (0.001)';
    if (p < wilsonFunnelLimit(z2, n, average, 'low', 1)) return 'Low (0.025)';
    if (p > wilsonFunnelLimit(z3, n, average, 'high', 1)) return 'High (0.001)';
    if (p > wilsonFunnelLimit(z2, n, average, 'high', 1)) return 'High (0.025)';
    return 'Not significant';
  });
}

export interface FunnelPointsResult {
  /** The rate to plot (null for a dsr with fewer than 10 events). */
  readonly rateChart: (number | null)[];
  /** Annual denominator m·numerator/rate/years (or the given denominator/years for 0 events). */
  readonly denominatorDerived: (number | null)[];
}

/** `calculate_funnel_points`: each rate record's plotting position. */
export function funnelPoints(
  input: RateRecords & { readonly yearsOfData: number },
): FunnelPointsResult {
  assertMultiplier(input.yearsOfData, 'yearsOfData');
  const { numerators, denominators } = derivedDenominators(input);
  const rateChart: (number | null)[] = [];
  const denominatorDerived: (number | null)[] = [];
  denominators.forEach((n, i) => {
    const x = numerators[i]!;
    if (input.rateType === 'dsr' && x < 10) {
      rateChart.push(null);
      denominatorDerived.push(null);
      return;
    }
    rateChart.push(readValue(input.rate, i, 'rate', undefined));
    denominatorDerived.push(n === null ? null : n / input.yearsOfData);
  });
  return { rateChart, denominatorDerived };
}
