/**
 * Proportions with Wilson score confidence limits: PHEindicatormethods 2.1.0 `phe_proportion`.
 *
 *     value = x/n·m,   limits = Wilson(x, n)·m
 *
 * Grouping: with `groupBy`, x and n are summed within each group first, and one record is
 * returned per group in first-seen order. Without `groupBy`, one record is returned per row, as
 * the package does for ungrouped data. (The package also works row by row on a grouped frame with
 * exactly one group, a quirk of its implementation; we deliberately always aggregate when
 * `groupBy` is given.)
 *
 * Missing values (`null`) propagate as in R's `sum()` without `na.rm`: a group with any missing
 * x or n gets value and limits null and a `note` saying which field was missing.
 * Invalid input throws `MethodInputError` naming group, row and field: x < 0, n ≤ 0, x > n
 * (each checked row by row), NaN or infinite.
 *
 * Reference: Wilson EB (1927); OHID Fingertips technical guidance, "Confidence intervals"
 * (https://fingertips.phe.org.uk/profile/guidance). Vectors:
 * fixtures/reference/pheindicatormethods/data/proportion_*.csv.
 */
import type { GroupBy, GroupKey, NumericColumn } from './columns';
import { MethodInputError } from './errors';
import { assertMultiplier, groupsOrRows, readValue, rowCount } from './columns';
import type { ConfidenceOption, LimitFields } from './levels';
import { resolveLevels, setLimits, setNullLimits } from './levels';
import { assertWilsonInputs, wilsonLowerZ, wilsonUpperZ } from './wilson';

export interface ProportionOptions {
  readonly numerator: NumericColumn;
  readonly denominator: NumericColumn;
  /** Sum within these groups; omit for one record per row. */
  readonly groupBy?: GroupBy;
  /** Default [0.95, 0.998]; null for no limits. */
  readonly confidence?: ConfidenceOption;
  /** Default 1 (a proportion); 100 gives a percentage. */
  readonly multiplier?: number;
}

export type ProportionRecord = LimitFields & {
  readonly group: GroupKey;
  /** Group label (`Area=E09000002`) or `row=3` when ungrouped. */
  readonly label: string | undefined;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly value: number | null;
  /** `percentage` when multiplier is 100, otherwise `proportion of <m>`. */
  readonly statistic: string;
  readonly method: 'Wilson';
  /** Why value is null, when it is. */
  readonly note?: string;
};

/** Per-row checks: x ≥ 0, n > 0 and x ≤ n (a missing x is checked as 0, a missing n as the largest double). */
function assertRow(x: number, n: number, i: number, group: string | undefined): void {
  const row = `row ${String(i + 1)}: `;
  if (!(Number.isFinite(x) && x >= 0)) {
    throw new MethodInputError(
      `${row}numerator must be a finite number >= 0, got ${String(x)}`,
      group,
      'numerator',
    );
  }
  if (!(Number.isFinite(n) && n > 0)) {
    throw new MethodInputError(
      `${row}denominator must be a finite number > 0, got ${String(n)}`,
      group,
      'denominator',
    );
  }
  if (x > n) {
    throw new MethodInputError(
      `${row}numerator ${String(x)} is greater than denominator ${String(n)}; a proportion needs numerator <= denominator`,
      group,
      'numerator',
    );
  }
}

/** `phe_proportion`: one record per group (first-seen order), or per row when ungrouped. */
export function proportion(options: ProportionOptions): ProportionRecord[] {
  const { numerator, denominator, groupBy } = options;
  const multiplier = options.multiplier ?? 1;
  assertMultiplier(multiplier);
  const levels = resolveLevels(options.confidence);
  const rows = rowCount({ numerator, denominator });
  const groups = groupsOrRows(groupBy, rows);

  const sumX = new Float64Array(groups.count);
  const sumN = new Float64Array(groups.count);
  // Bit 1: a numerator is missing; bit 2: a denominator is missing.
  const missing = new Uint8Array(groups.count);
  const index = groups.index;
  if (numerator instanceof Float64Array && denominator instanceof Float64Array) {
    for (let i = 0; i < rows; i++) {
      const g = index[i]!;
      const x = numerator[i]!;
      const n = denominator[i]!;
      if (!(x >= 0 && n > 0 && x <= n && n < Infinity)) assertRow(x, n, i, groups.labels[g]);
      sumX[g]! += x;
      sumN[g]! += n;
    }
  } else {
    for (let i = 0; i < rows; i++) {
      const g = index[i]!;
      const x = readValue(numerator, i, 'numerator', groups.labels[g]);
      const n = readValue(denominator, i, 'denominator', groups.labels[g]);
      assertRow(x ?? 0, n ?? Number.MAX_VALUE, i, groups.labels[g]);
      if (x === null) missing[g]! |= 1;
      else sumX[g]! += x;
      if (n === null) missing[g]! |= 2;
      else sumN[g]! += n;
    }
  }

  const statistic = multiplier === 100 ? 'percentage' : `proportion of ${String(multiplier)}`;
  const out: ProportionRecord[] = new Array<ProportionRecord>(groups.count);
  for (let g = 0; g < groups.count; g++) {
    const label = groups.labels[g];
    const record: Record<string, unknown> = {
      group: groups.keys[g],
      label,
      numerator: missing[g]! & 1 ? null : sumX[g],
      denominator: missing[g]! & 2 ? null : sumN[g],
    };
    if (missing[g]) {
      record.value = null;
      setNullLimits(record, levels);
      record.note = missing[g]! & 1 ? 'numerator missing' : 'denominator missing';
    } else {
      const x = sumX[g]!;
      const n = sumN[g]!;
      // NaN/Infinity reach here only from a Float64Array; assertWilsonInputs rejects them.
      assertWilsonInputs(x, n, label);
      record.value = (x / n) * multiplier;
      setLimits(record, levels, (level) => [
        wilsonLowerZ(x, n, level.z) * multiplier,
        wilsonUpperZ(x, n, level.z) * multiplier,
      ]);
    }
    record.statistic = statistic;
    record.method = 'Wilson';
    out[g] = record as ProportionRecord;
  }
  return out;
}
