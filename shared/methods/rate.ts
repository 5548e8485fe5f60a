/**
 * Crude rates with Poisson confidence limits: PHEindicatormethods 2.1.0 `phe_rate`.
 *
 *     value = x/n·m,   limits = L(x)/n·m
 *
 * where L is the exact Poisson limit (chi-square quantiles) when x < 10 (method `Exact`) and
 * Byar's approximation when x ≥ 10 (method `Byars`). x > n is allowed.
 *
 * Grouping, missing values and row-by-row output without `groupBy` are as for `proportion`:
 * x and n are summed within groups, a missing (`null`) x or n makes the group's value and
 * limits null (method null when x is missing, as in the package). Invalid input throws
 * `MethodInputError` naming group and field: x < 0, n ≤ 0, NaN or infinite.
 *
 * Reference: OHID Fingertips technical guidance, "Confidence intervals"; Breslow & Day (1987).
 * Vectors: fixtures/reference/pheindicatormethods/data/rate_*.csv.
 */
import { byarsLowerZ, byarsUpperZ } from './byars';
import type { GroupBy, GroupKey, NumericColumn } from './columns';
import { assertMultiplier, groupsOrRows, readValue, rowCount } from './columns';
import { MethodInputError } from './errors';
import { exactPoissonLowerC, exactPoissonUpperC } from './exactPoisson';
import type { ConfidenceOption, Level, LimitFields } from './levels';
import { resolveLevels, setLimits, setNullLimits } from './levels';

/** Which Poisson limits a count gets. */
export type PoissonMethod = 'Exact' | 'Byars';

/** `Exact` below 10 observed events, `Byars` from 10. */
export function poissonMethod(count: number): PoissonMethod {
  return count < 10 ? 'Exact' : 'Byars';
}

/**
 * Confidence limits for an observed Poisson count: exact when count < 10, Byar's otherwise
 * (the rule shared by `phe_rate`, `calculate_ISRate` and `calculate_ISRatio`).
 */
export function poissonLimits(count: number, level: Level): readonly [number | null, number] {
  return count < 10
    ? [exactPoissonLowerC(count, level.confidence), exactPoissonUpperC(count, level.confidence)]
    : [byarsLowerZ(count, level.z), byarsUpperZ(count, level.z)];
}

export interface RateOptions {
  readonly numerator: NumericColumn;
  readonly denominator: NumericColumn;
  /** Sum within these groups; omit for one record per row. */
  readonly groupBy?: GroupBy;
  /** Default [0.95, 0.998]; null for no limits. */
  readonly confidence?: ConfidenceOption;
  /** Default 100000. */
  readonly multiplier?: number;
}

export type RateRecord = LimitFields & {
  readonly group: GroupKey;
  readonly label: string | undefined;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  /** `rate per <m>`. */
  readonly statistic: string;
  /** null when the numerator is missing. */
  readonly method: PoissonMethod | null;
  readonly note?: string;
};

function check(x: number | null, n: number | null, i: number, group: string | undefined): void {
  if (x !== null && x < 0) {
    throw new MethodInputError(
      `row ${String(i + 1)}: numerator must be >= 0, got ${String(x)}`,
      group,
      'numerator',
    );
  }
  if (n !== null && !(n > 0)) {
    throw new MethodInputError(
      `row ${String(i + 1)}: denominator must be > 0, got ${String(n)}`,
      group,
      'denominator',
    );
  }
}

/** `phe_rate`: one record per group (first-seen order), or per row when ungrouped. */
export function rate(options: RateOptions): RateRecord[] {
  const { numerator, denominator, groupBy } = options;
  const multiplier = options.multiplier ?? 100000;
  assertMultiplier(multiplier);
  const levels = resolveLevels(options.confidence);
  const rows = rowCount({ numerator, denominator });
  const groups = groupsOrRows(groupBy, rows);
  const sumX = new Float64Array(groups.count);
  const sumN = new Float64Array(groups.count);
  const missing = new Uint8Array(groups.count);
  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    const label = groups.labels[g];
    const x = readValue(numerator, i, 'numerator', label);
    const n = readValue(denominator, i, 'denominator', label);
    check(x, n, i, label);
    if (x === null) missing[g]! |= 1;
    else sumX[g]! += x;
    if (n === null) missing[g]! |= 2;
    else sumN[g]! += n;
  }

  const statistic = `rate per ${String(multiplier)}`;
  const out: RateRecord[] = [];
  for (let g = 0; g < groups.count; g++) {
    const x = missing[g]! & 1 ? null : sumX[g]!;
    const n = missing[g]! & 2 ? null : sumN[g]!;
    const record: Record<string, unknown> = {
      group: groups.keys[g],
      label: groups.labels[g],
      numerator: x,
      denominator: n,
    };
    if (x === null || n === null) {
      record.value = null;
      setNullLimits(record, levels);
      record.note = x === null ? 'numerator missing' : 'denominator missing';
    } else {
      record.value = (x / n) * multiplier;
      setLimits(record, levels, (level) => {
        const [lower, upper] = poissonLimits(x, level);
        return [lower === null ? null : (lower / n) * multiplier, (upper / n) * multiplier];
      });
    }
    record.statistic = statistic;
    record.method = x === null ? null : poissonMethod(x);
    out.push(record as RateRecord);
  }
  return out;
}
