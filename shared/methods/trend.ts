/**
 * Fingertips recent trend marker (FINGERTIPS-METHODS.md §2; legacy `TrendMarkerCalculator`, S5, and
 * FingertipsNext `TrendAnalysisApp`, S6).
 *
 * - Only the most recent 5 annual points are used, and only if the latest 5 form an unbroken run of
 *   valid points (consecutive years; value and CI, or count and denominator, present).
 * - `weighted-least-squares` (every indicator type; the only path in FingertipsNext): SE_t =
 *   (UCL95 − LCL95)/3.92, w = 1/SE², weighted slope β = (S0·S1 − S2·S3)/(S0·S4 − S2²), SE(β) =
 *   √(S0/(S0·S4 − S2²)), χ² = (β/SE)². Leave-one-out: the five 4-point weighted slopes.
 * - `proportions` (legacy, where the comparator is SPC for proportions): the Cochran–Armitage χ² for
 *   linear trend, χ² = N(N·Σr·t − R·Σn·t)² / (R(N − R)(N·Σn·t² − (Σn·t)²)); leave-one-out on unweighted
 *   least-squares slopes of logit(p_t).
 * - Significant when χ² > 9.54953570608324 (χ²₁ at 0.998) and all six slopes (all 5 points, then each
 *   left out) share one sign. A count equal to its denominator (or 0) makes the logit undefined, so
 *   the trend cannot be calculated.
 */
import type { Polarity } from './compare';
import { POLARITIES } from './compare';
import { MethodInputError } from './errors';

/** χ²₁ quantile at 0.998, as hard-coded in Fingertips. */
export const TREND_CHI_SQUARED_THRESHOLD = 9.54953570608324;
export const TREND_POINTS = 5;

export type TrendMethod = 'weighted-least-squares' | 'proportions';

export type TrendLabel =
  | 'Increasing'
  | 'Decreasing'
  | 'Increasing and getting better'
  | 'Increasing and getting worse'
  | 'Decreasing and getting better'
  | 'Decreasing and getting worse'
  | 'No significant change'
  | 'Cannot be calculated';

export interface RecentTrendInput {
  /** Start year of each annual period, oldest first, strictly increasing. */
  readonly years: readonly number[];
  /** Needed for `weighted-least-squares`. */
  readonly values?: readonly (number | null)[];
  readonly lower95?: readonly (number | null)[];
  readonly upper95?: readonly (number | null)[];
  /** Needed for `proportions`; if given with `weighted-least-squares` they also bound the valid run. */
  readonly counts?: readonly (number | null)[];
  readonly denominators?: readonly (number | null)[];
  readonly polarity: Polarity;
  readonly method: TrendMethod;
  /** For error messages, e.g. `Area=E09000002, Indicator=90366`. */
  readonly group?: string;
}

export interface RecentTrendResult {
  readonly label: TrendLabel;
  readonly direction: 'increasing' | 'decreasing' | null;
  readonly significant: boolean;
  readonly method: TrendMethod;
  /** The years used (the latest 5), or those of the valid run when too short. */
  readonly years: readonly number[];
  readonly chiSquared: number | null;
  /** WLS: slope per year on the value scale. Proportions: unweighted slope of logit(p) per year. */
  readonly slope: number | null;
  /** WLS only: √(S0/(S0·S4 − S2²)). */
  readonly slopeSe: number | null;
  /** The five slopes with one point left out (oldest left out first). */
  readonly leaveOneOutSlopes: readonly number[];
  readonly signsAgree: boolean | null;
  /** Why it cannot be calculated, or why the change is not significant. */
  readonly reason?: string;
}

export function recentTrend(input: RecentTrendInput): RecentTrendResult {
  const { method, group } = input;
  if (!POLARITIES.includes(input.polarity)) {
    throw new MethodInputError(`unknown polarity '${String(input.polarity)}'`, group, 'polarity');
  }
  const n = input.years.length;
  const columns = checkColumns(input, n);
  input.years.forEach((y, i) => {
    if (!Number.isInteger(y))
      throw new MethodInputError(`year ${String(y)} is not an integer`, group, 'years');
    if (i > 0 && y <= input.years[i - 1]!) {
      throw new MethodInputError(
        'years must be strictly increasing (one non-overlapping annual period each)',
        group,
        'years',
      );
    }
  });

  // The unbroken run of valid points, counting back from the latest.
  const run: number[] = [];
  for (let i = n - 1; i >= 0 && run.length < TREND_POINTS; i--) {
    if (!isValidPoint(columns, i, method, group)) break;
    if (run.length > 0 && input.years[i]! !== input.years[run[0]!]! - 1) break;
    run.unshift(i);
  }
  const years = run.map((i) => input.years[i]!);
  const cannot = (reason: string): RecentTrendResult => ({
    label: 'Cannot be calculated',
    direction: null,
    significant: false,
    method,
    years,
    chiSquared: null,
    slope: null,
    slopeSe: null,
    leaveOneOutSlopes: [],
    signsAgree: null,
    reason,
  });
  if (run.length < TREND_POINTS) {
    return cannot(
      `needs ${String(TREND_POINTS)} consecutive valid annual points ending at the latest; found ${String(run.length)}`,
    );
  }
  const t = [1, 2, 3, 4, 5];
  const { counts, denominators } = columns;
  if (counts && denominators && run.some((i) => counts[i] === denominators[i])) {
    return cannot('a count equals its denominator, so the logit is undefined');
  }

  let chiSquared: number;
  let slope: number;
  let slopeSe: number | null = null;
  let loo: number[];
  if (method === 'weighted-least-squares') {
    const v = run.map((i) => columns.values![i]!);
    const se = run.map((i) => (columns.upper95![i]! - columns.lower95![i]!) / 3.92);
    if (se.some((s) => s === 0))
      return cannot('a 95% confidence interval has zero width, so its weight is infinite');
    const w = se.map((s) => 1 / (s * s));
    const fit = weightedSlope(t, v, w);
    ({ slope, se: slopeSe } = fit);
    chiSquared = (slope / slopeSe) ** 2;
    loo = t.map((_, k) => weightedSlope(drop(t, k), drop(v, k), drop(w, k)).slope);
  } else {
    const r = run.map((i) => counts![i]!);
    const m = run.map((i) => denominators![i]!);
    if (r.some((x) => x === 0)) return cannot('a count of 0 makes the logit undefined');
    chiSquared = cochranArmitage(t, r, m);
    const logit = r.map((x, j) => Math.log(x / (m[j]! - x)));
    slope = weightedSlope(t, logit, [1, 1, 1, 1, 1]).slope;
    loo = t.map((_, k) => weightedSlope(drop(t, k), drop(logit, k), [1, 1, 1, 1]).slope);
  }
  const sign = Math.sign(slope);
  const signsAgree = sign !== 0 && loo.every((s) => Math.sign(s) === sign);
  const significant = chiSquared > TREND_CHI_SQUARED_THRESHOLD && signsAgree;
  const common = { method, years, chiSquared, slope, slopeSe, leaveOneOutSlopes: loo, signsAgree };
  if (!significant) {
    const reason =
      chiSquared > TREND_CHI_SQUARED_THRESHOLD
        ? 'a leave-one-out slope changes sign'
        : `χ² ${chiSquared.toPrecision(6)} is not above ${String(TREND_CHI_SQUARED_THRESHOLD)}`;
    return { ...common, label: 'No significant change', direction: null, significant, reason };
  }
  const direction = sign > 0 ? 'increasing' : 'decreasing';
  return { ...common, label: trendLabel(direction, input.polarity), direction, significant };
}

/** "Increasing and getting better" etc. (FINGERTIPS-METHODS.md §2.4). */
export function trendLabel(direction: 'increasing' | 'decreasing', polarity: Polarity): TrendLabel {
  const word = direction === 'increasing' ? 'Increasing' : 'Decreasing';
  if (polarity === 'high-is-good')
    return direction === 'increasing'
      ? 'Increasing and getting better'
      : 'Decreasing and getting worse';
  if (polarity === 'low-is-good')
    return direction === 'increasing'
      ? 'Increasing and getting worse'
      : 'Decreasing and getting better';
  return word;
}

/** Weighted least-squares slope of y on t and its SE √(S0/(S0·S4 − S2²)) (exact for known variances 1/w). */
export function weightedSlope(
  t: readonly number[],
  y: readonly number[],
  w: readonly number[],
): { slope: number; se: number } {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  t.forEach((ti, j) => {
    const wj = w[j]!;
    const yj = y[j]!;
    s0 += wj;
    s1 += wj * yj * ti;
    s2 += wj * ti;
    s3 += wj * yj;
    s4 += wj * ti * ti;
  });
  const det = s0 * s4 - s2 * s2;
  return { slope: (s0 * s1 - s2 * s3) / det, se: Math.sqrt(s0 / det) };
}

/** Cochran–Armitage χ² for linear trend in proportions r/n over scores t. */
export function cochranArmitage(
  t: readonly number[],
  r: readonly number[],
  n: readonly number[],
): number {
  let bigN = 0;
  let bigR = 0;
  let rt = 0;
  let nt = 0;
  let nt2 = 0;
  t.forEach((ti, j) => {
    bigN += n[j]!;
    bigR += r[j]!;
    rt += r[j]! * ti;
    nt += n[j]! * ti;
    nt2 += n[j]! * ti * ti;
  });
  return (bigN * (bigN * rt - bigR * nt) ** 2) / (bigR * (bigN - bigR) * (bigN * nt2 - nt * nt));
}

function drop<T>(xs: readonly T[], k: number): T[] {
  return xs.filter((_, i) => i !== k);
}

interface Columns {
  readonly values?: readonly (number | null)[];
  readonly lower95?: readonly (number | null)[];
  readonly upper95?: readonly (number | null)[];
  readonly counts?: readonly (number | null)[];
  readonly denominators?: readonly (number | null)[];
}

function checkColumns(input: RecentTrendInput, n: number): Columns {
  const { group } = input;
  const required: (keyof Columns)[] =
    input.method === 'weighted-least-squares'
      ? ['values', 'lower95', 'upper95']
      : ['counts', 'denominators'];
  if (input.method !== 'weighted-least-squares' && input.method !== 'proportions') {
    throw new MethodInputError(`unknown method '${String(input.method)}'`, group, 'method');
  }
  for (const field of required) {
    if (!input[field])
      throw new MethodInputError(`the ${input.method} trend needs ${field}`, group, field);
  }
  if ((input.counts === undefined) !== (input.denominators === undefined)) {
    throw new MethodInputError(
      'give counts and denominators together',
      group,
      input.counts ? 'denominators' : 'counts',
    );
  }
  for (const field of ['values', 'lower95', 'upper95', 'counts', 'denominators'] as const) {
    const col = input[field];
    if (col && col.length !== n) {
      throw new MethodInputError(
        `has ${String(col.length)} entries but years has ${String(n)}`,
        group,
        field,
      );
    }
    col?.forEach((x, i) => {
      if (x !== null && !Number.isFinite(x)) {
        throw new MethodInputError(
          `${String(x)} at year ${String(input.years[i])} is not a finite number`,
          group,
          field,
        );
      }
    });
  }
  return input;
}

/** A point is valid when every column the method uses (and counts/denominators if given) is present. */
function isValidPoint(
  c: Columns,
  i: number,
  method: TrendMethod,
  group: string | undefined,
): boolean {
  const count = c.counts?.[i];
  const denominator = c.denominators?.[i];
  if (c.counts && (count === null || denominator === null)) return false;
  if (
    typeof count === 'number' &&
    typeof denominator === 'number' &&
    (count < 0 || count > denominator)
  ) {
    throw new MethodInputError(
      `count ${String(count)} is outside [0, denominator ${String(denominator)}]`,
      group,
      'counts',
    );
  }
  if (method === 'proportions') return true;
  const value = c.values![i];
  const lower = c.lower95![i];
  const upper = c.upper95![i];
  if (value === null || lower === null || upper === null) return false;
  if (lower! > upper!)
    throw new MethodInputError(
      `lower95 ${String(lower)} is above upper95 ${String(upper)}`,
      group,
      'lower95',
    );
  return true;
}
