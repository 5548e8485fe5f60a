/**
 * Fingertips benchmark comparison: Better / Similar / Worse (or Higher / Similar / Lower) against a
 * benchmark, as OHID Fingertips colours its tables and spine charts.
 *
 * Source: FINGERTIPS-METHODS.md §1 (legacy `fingertips-open` comparers, commit 6780897, and
 * FingertipsNext `BenchmarkComparisonEngine`, commit d1600f4). Every comparer first works "as if high
 * is good" (area above benchmark -> Better) and then applies polarity: low is good swaps
 * Better/Worse (and Best/Worst); no judgement shows Higher/Lower.
 *
 * Methods (legacy `ComparatorMethodIds`):
 * - 1  `compareToBenchmark`: benchmark point value inside the area's CI (end points inclusive) -> Similar.
 * - 17 `compareTwoLevels`: 95% and 99.8% CIs, two-level Best/Better/Similar/Worse/Worst.
 * - 12 `compareOverlappingIntervals`: area CI vs benchmark CI; touching counts as overlap -> Similar.
 * - 5  `compareSpcProportion`: Wilson-score control limits around the benchmark proportion.
 * - 15 quintiles: see `./compareQuintiles` (re-exported here).
 *
 * A result is never a bare word: it carries the level and, when not compared, the reason.
 */
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertConfidence } from './confidence';
import { MethodInputError } from './errors';

export * from './compareQuintiles';

/** Polarity is the shared vocabulary's (shared/model/vocabulary.ts). */
import { POLARITIES, type Polarity } from '../model/vocabulary';
export type { Polarity } from '../model/vocabulary';
export { POLARITIES };

export type ComparisonOutcome =
  'Better' | 'Similar' | 'Worse' | 'Higher' | 'Lower' | 'Best' | 'Worst' | 'Not compared';

export type ComparisonMethod =
  'ci-contains-benchmark' | 'two-level-ci' | 'overlapping-cis' | 'spc-proportion';

export interface ComparisonResult {
  readonly outcome: ComparisonOutcome;
  readonly method: ComparisonMethod;
  /** The confidence level the outcome was decided at (0.95 or 0.998); for two-level, the highest level reached. */
  readonly level: number;
  /** Set exactly when `outcome` is 'Not compared'. */
  readonly reason?: string;
}

/** Optional identity of the two sides, used to refuse comparing an area with itself. */
export interface ComparisonIdentity {
  readonly areaCode?: string;
  readonly benchmarkCode?: string;
  /** Used in error messages, e.g. `Area=E09000002`. */
  readonly group?: string;
}

export interface BenchmarkComparisonInput extends ComparisonIdentity {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly benchmark: number | null;
  readonly polarity: Polarity;
  /** The level of `lower`/`upper`; 0.95 or 0.998 in Fingertips. */
  readonly level: number;
}

/** Direction as if high is good: +1 area above, -1 below, 0 similar. */
type Direction = -1 | 0 | 1;

/** Method 1 (and FingertipsNext): is the benchmark's point value inside the area's CI? */
export function compareToBenchmark(input: BenchmarkComparisonInput): ComparisonResult {
  const method: ComparisonMethod = 'ci-contains-benchmark';
  assertConfidence(input.level);
  const skip = notComparable(input, input.value, input.benchmark, method, input.level);
  if (skip) return skip;
  const ci = checkedInterval(input.lower, input.upper, input.group, 'lower', 'upper');
  if (!ci) return notCompared(method, input.level, 'missing confidence interval for the area');
  const benchmark = input.benchmark!;
  const direction: Direction = ci.upper < benchmark ? -1 : ci.lower > benchmark ? 1 : 0;
  return { outcome: applyPolarity(direction, input.polarity), method, level: input.level };
}

export interface TwoLevelComparisonInput extends ComparisonIdentity {
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly benchmark: number | null;
  readonly polarity: Polarity;
}

/**
 * Method 17: single overlapping CI at two levels. Benchmark inside the 95% CI -> Similar; outside the
 * 95% but inside the 99.8% -> Better/Worse (level 0.95); outside the 99.8% -> Best/Worst (level 0.998).
 */
export function compareTwoLevels(input: TwoLevelComparisonInput): ComparisonResult {
  const method: ComparisonMethod = 'two-level-ci';
  const skip = notComparable(input, input.value, input.benchmark, method, 0.95);
  if (skip) return skip;
  const ci95 = checkedInterval(input.lower95, input.upper95, input.group, 'lower95', 'upper95');
  const ci998 = checkedInterval(
    input.lower998,
    input.upper998,
    input.group,
    'lower998',
    'upper998',
  );
  if (!ci95 || !ci998)
    return notCompared(method, 0.95, 'method 17 needs both the 95% and the 99.8% CI');
  const benchmark = input.benchmark!;
  const d95: Direction = ci95.upper < benchmark ? -1 : ci95.lower > benchmark ? 1 : 0;
  if (d95 === 0) return { outcome: 'Similar', method, level: 0.95 };
  const d998: Direction = ci998.upper < benchmark ? -1 : ci998.lower > benchmark ? 1 : 0;
  if (d998 === 0) return { outcome: applyPolarity(d95, input.polarity), method, level: 0.95 };
  const extreme = applyPolarity(d998, input.polarity);
  const outcome = extreme === 'Better' ? 'Best' : extreme === 'Worse' ? 'Worst' : extreme;
  return { outcome, method, level: 0.998 };
}

export interface OverlapComparisonInput extends ComparisonIdentity {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly benchmark: number | null;
  readonly benchmarkLower: number | null;
  readonly benchmarkUpper: number | null;
  readonly polarity: Polarity;
  readonly level: number;
}

/** Method 12: double overlapping CIs. Overlap (touching included) -> Similar; else by which value is higher. */
export function compareOverlappingIntervals(input: OverlapComparisonInput): ComparisonResult {
  const method: ComparisonMethod = 'overlapping-cis';
  assertConfidence(input.level);
  const skip = notComparable(input, input.value, input.benchmark, method, input.level);
  if (skip) return skip;
  const area = checkedInterval(input.lower, input.upper, input.group, 'lower', 'upper');
  if (!area) return notCompared(method, input.level, 'missing confidence interval for the area');
  const bench = checkedInterval(
    input.benchmarkLower,
    input.benchmarkUpper,
    input.group,
    'benchmarkLower',
    'benchmarkUpper',
  );
  if (!bench)
    return notCompared(method, input.level, 'missing confidence interval for the benchmark');
  const overlap = area.lower <= bench.upper && bench.lower <= area.upper;
  const direction: Direction = overlap ? 0 : input.value! > input.benchmark! ? 1 : -1;
  return { outcome: applyPolarity(direction, input.polarity), method, level: input.level };
}

export interface SpcProportionInput extends ComparisonIdentity {
  readonly count: number | null;
  readonly denominator: number | null;
  /** The benchmark as a proportion in [0, 1] (not a percentage). */
  readonly benchmarkProportion: number | null;
  readonly polarity: Polarity;
  readonly level: number;
}

export interface SpcProportionResult extends ComparisonResult {
  /** Control limits (proportions) around the benchmark at `level`, when compared. */
  readonly limits?: { readonly lower: number; readonly upper: number };
}

/**
 * Method 5: SPC for proportions. With E = N·p0 and z the two-sided normal quantile for `level`, the
 * limits (2E + z² ± z·√(z² + 4E(1 − E/N))) / (2(N + z²)) are the Wilson score interval of E out of N.
 * The area proportion above the upper limit -> Better (as if high is good), below the lower -> Worse.
 * z is the exact normal quantile (1.959964 at 95%, 3.090232 at 99.8%).
 */
export function compareSpcProportion(input: SpcProportionInput): SpcProportionResult {
  const method: ComparisonMethod = 'spc-proportion';
  assertConfidence(input.level);
  const { count, denominator, benchmarkProportion: p0, group } = input;
  const skip = notComparable(input, count, p0, method, input.level);
  if (skip) return skip;
  if (denominator === null) return notCompared(method, input.level, 'missing denominator');
  finite(denominator, group, 'denominator');
  if (!(denominator > 0))
    throw new MethodInputError('denominator must be greater than 0', group, 'denominator');
  if (count! < 0 || count! > denominator) {
    throw new MethodInputError(
      `count ${String(count)} is outside [0, denominator]`,
      group,
      'count',
    );
  }
  if (p0! < 0 || p0! > 1) {
    throw new MethodInputError(
      'benchmark proportion must be in [0, 1] (divide a percentage by 100)',
      group,
      'benchmarkProportion',
    );
  }
  const z = quantile(1 - (1 - input.level) / 2, 0, 1);
  const e = denominator * p0!;
  const root = z * Math.sqrt(z * z + 4 * e * (1 - e / denominator));
  const lower = (2 * e + z * z - root) / (2 * (denominator + z * z));
  const upper = (2 * e + z * z + root) / (2 * (denominator + z * z));
  const p = count! / denominator;
  const direction: Direction = p > upper ? 1 : p < lower ? -1 : 0;
  return {
    outcome: applyPolarity(direction, input.polarity),
    method,
    level: input.level,
    limits: { lower, upper },
  };
}

/** Map a high-is-good direction to the words for a polarity (FINGERTIPS-METHODS.md §1.1). */
export function applyPolarity(direction: -1 | 0 | 1, polarity: Polarity): ComparisonOutcome {
  if (direction === 0) return 'Similar';
  switch (polarity) {
    case 'high-is-good':
      return direction > 0 ? 'Better' : 'Worse';
    case 'low-is-good':
      return direction > 0 ? 'Worse' : 'Better';
    case 'no-judgement':
      return direction > 0 ? 'Higher' : 'Lower';
    case 'not-applicable':
      return 'Not compared';
  }
}

function notCompared(method: ComparisonMethod, level: number, reason: string): ComparisonResult {
  return { outcome: 'Not compared', method, level, reason };
}

/** The shared "not compared" checks: polarity, self-comparison, missing value or benchmark. */
function notComparable(
  input: ComparisonIdentity & { readonly polarity: Polarity },
  value: number | null,
  benchmark: number | null,
  method: ComparisonMethod,
  level: number,
): ComparisonResult | undefined {
  if (!POLARITIES.includes(input.polarity)) {
    throw new MethodInputError(
      `unknown polarity '${String(input.polarity)}'; use one of ${POLARITIES.join(', ')}`,
      input.group,
      'polarity',
    );
  }
  if (value !== null) finite(value, input.group, 'value');
  if (benchmark !== null) finite(benchmark, input.group, 'benchmark');
  if (input.polarity === 'not-applicable')
    return notCompared(method, level, 'polarity is not applicable');
  if (input.areaCode !== undefined && input.areaCode === input.benchmarkCode) {
    return notCompared(method, level, `area ${input.areaCode} is its own benchmark`);
  }
  if (value === null) return notCompared(method, level, 'missing value');
  if (benchmark === null) return notCompared(method, level, 'missing benchmark value');
  return undefined;
}

function finite(x: number, group: string | undefined, field: string): void {
  if (!Number.isFinite(x))
    throw new MethodInputError(`${String(x)} is not a finite number`, group, field);
}

/** Both limits present -> the interval; both absent -> undefined; one absent or lower > upper -> error. */
function checkedInterval(
  lower: number | null,
  upper: number | null,
  group: string | undefined,
  lowerField: string,
  upperField: string,
): { lower: number; upper: number } | undefined {
  if (lower === null && upper === null) return undefined;
  if (lower === null)
    throw new MethodInputError('upper limit given without a lower limit', group, lowerField);
  if (upper === null)
    throw new MethodInputError('lower limit given without an upper limit', group, upperField);
  finite(lower, group, lowerField);
  finite(upper, group, upperField);
  if (lower > upper) {
    throw new MethodInputError(
      `lower limit ${String(lower)} is above upper limit ${String(upper)}`,
      group,
      lowerField,
    );
  }
  return { lower, upper };
}
