/**
 * Means with Student's t confidence limits: PHEindicatormethods 2.1.0 `phe_mean`.
 *
 *     value = Σx/n,   sd = √(Σ(x − x̄)²/(n − 1)),   limits = x̄ ∓ |t⁻¹(α/2; n − 1)|·sd/√n
 *
 * One record per group (first-seen order), or one record for all rows without `groupBy`.
 * Missing values (`null`) propagate as in R's `sum()`/`sd()` without `na.rm`: the group's value,
 * sum, sd and limits are null and `note` says why. A group of one value has a mean but no sd,
 * so its sd and limits are null (with a note), as R gives NA. NaN/infinite values throw
 * `MethodInputError` naming group and field.
 *
 * Reference: any statistics text (e.g. Altman DG et al. (2000) Statistics with Confidence);
 * vectors: fixtures/reference/pheindicatormethods/data/mean_*.csv. The t quantile is stdlib's,
 * from the inverse regularised incomplete beta function (Boost's algorithm).
 */
import quantileT from '@stdlib/stats-base-dists-t-quantile';
import type { GroupBy, GroupKey, NumericColumn } from './columns';
import { groupRows, readValue, rowCount } from './columns';
import type { ConfidenceOption, LimitFields } from './levels';
import { resolveLevels, setLimits, setNullLimits } from './levels';

export interface MeanOptions {
  readonly values: NumericColumn;
  readonly groupBy?: GroupBy;
  /** Default [0.95, 0.998]; null for no limits. */
  readonly confidence?: ConfidenceOption;
}

export type MeanRecord = LimitFields & {
  readonly group: GroupKey;
  readonly label: string | undefined;
  /** Σx (null when a value is missing). */
  readonly sum: number | null;
  /** Number of rows in the group, missing ones included (R's `length`). */
  readonly count: number;
  /** Sample standard deviation, divisor n − 1. */
  readonly stdev: number | null;
  readonly value: number | null;
  readonly statistic: 'mean';
  readonly method: "Student's t-distribution";
  readonly note?: string;
};

/** |t⁻¹(α/2; df)|, the two-sided Student t multiplier. */
export function studentT(confidence: number, df: number): number {
  return Math.abs(quantileT((1 - confidence) / 2, df));
}

/** `phe_mean`: one record per group in first-seen order. */
export function mean(options: MeanOptions): MeanRecord[] {
  const { values, groupBy } = options;
  const levels = resolveLevels(options.confidence);
  const rows = rowCount({ values });
  const groups = groupRows(groupBy, rows);
  const sums = new Float64Array(groups.count);
  const counts = new Float64Array(groups.count);
  const missing = new Uint8Array(groups.count);
  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    const x = readValue(values, i, 'values', groups.labels[g]);
    counts[g]!++;
    if (x === null) missing[g] = 1;
    else sums[g]! += x;
  }
  // Second pass for the sum of squared deviations (numerically safer than Σx² − n·x̄²).
  const squares = new Float64Array(groups.count);
  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    if (missing[g]) continue;
    const d = (values[i] as number) - sums[g]! / counts[g]!;
    squares[g]! += d * d;
  }

  const out: MeanRecord[] = [];
  for (let g = 0; g < groups.count; g++) {
    const n = counts[g]!;
    const record: Record<string, unknown> = { group: groups.keys[g], label: groups.labels[g] };
    if (missing[g]) {
      Object.assign(record, {
        sum: null,
        count: n,
        stdev: null,
        value: null,
        note: 'a value is missing',
      });
      setNullLimits(record, levels);
    } else {
      const value = sums[g]! / n;
      const stdev = n > 1 ? Math.sqrt(squares[g]! / (n - 1)) : null;
      Object.assign(record, { sum: sums[g], count: n, stdev, value });
      if (stdev === null) {
        setNullLimits(record, levels);
        record.note = 'one value only: no standard deviation or confidence limits';
      } else {
        const se = stdev / Math.sqrt(n);
        setLimits(record, levels, (level) => {
          const half = studentT(level.confidence, n - 1) * se;
          return [value - half, value + half];
        });
      }
    }
    record.statistic = 'mean';
    record.method = "Student's t-distribution";
    out.push(record as MeanRecord);
  }
  return out;
}
