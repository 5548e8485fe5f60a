/**
 * Quantile categories (deciles, quintiles, ...) within groups: PHEindicatormethods 2.1.0
 * `phe_quantile`, following OHID's "Assigning deprivation categories" guidance.
 *
 * Within a group of N non-missing values and q quantiles, each value's rank is its *minimum*
 * rank (ties share the lowest rank) of −value when inverted (the highest value gets rank 1) or
 * of value otherwise, and
 *
 *     quantile = ⌊(q + 1) − ⌈(N + 1 − rank) / (N/q)⌉⌋,  with 0 changed to 1.
 *
 * So with `invert: true` the highest values fall in quantile 1; with `invert: false` the lowest.
 * Missing values (`null`) get a null quantile and do not count towards N. `invert` may be one
 * boolean or a column (the package's `inverttype = "field"`, e.g. an indicator's polarity), which
 * must be constant within each group.
 *
 * A group with fewer non-missing values than quantiles cannot be divided. By default that throws
 * `MethodInputError` naming the group; with `tooFewValues: 'missing'` the group's quantiles are
 * null and a warning is returned, which is what the package does (v2.0.2+).
 *
 * Vectors: fixtures/reference/pheindicatormethods/data/quantile_cases.csv.
 */
import type { GroupBy, GroupKey, NumericColumn } from './columns';
import { groupRows, readValue, rowCount } from './columns';
import type { MethodWarning } from './errors';
import { MethodInputError } from './errors';

export interface QuantileOptions {
  readonly values: NumericColumn;
  readonly groupBy?: GroupBy;
  /** Number of quantiles, an integer >= 2 (default 10, deciles). */
  readonly nQuantiles?: number;
  /** true (default): highest value in quantile 1. A column gives one flag per row. */
  readonly invert?: boolean | readonly boolean[];
  /** What to do with a group that has fewer values than quantiles (default 'error'). */
  readonly tooFewValues?: 'error' | 'missing';
}

export interface QuantileGroup {
  readonly group: GroupKey;
  readonly label: string | undefined;
  /** Non-missing values in the group (N). */
  readonly count: number;
  readonly nQuantiles: number;
  readonly inverted: boolean;
  /** false when the group had too few values and got no quantiles. */
  readonly assigned: boolean;
}

export interface QuantileResult {
  /** Per input row: the quantile 1..q, or null for a missing value or an unassigned group. */
  readonly quantile: readonly (number | null)[];
  /** One record per group, first-seen order. */
  readonly groups: readonly QuantileGroup[];
  readonly warnings: readonly MethodWarning[];
}

/** The package's quantile formula for one rank (exposed for tests and for SQL ports). */
export function quantileOfRank(rank: number, count: number, nQuantiles: number): number {
  const q = Math.floor(nQuantiles + 1 - Math.ceil((count + 1 - rank) / (count / nQuantiles)));
  return q === 0 ? 1 : q;
}

/** `phe_quantile`: quantile of each row within its group. */
export function quantile(options: QuantileOptions): QuantileResult {
  const { values, groupBy, invert = true } = options;
  const nQuantiles = options.nQuantiles ?? 10;
  if (!(Number.isInteger(nQuantiles) && nQuantiles >= 2)) {
    throw new MethodInputError(
      `must be an integer >= 2, got ${String(nQuantiles)}`,
      undefined,
      'nQuantiles',
    );
  }
  const rows = rowCount({ values, invert: typeof invert === 'boolean' ? undefined : invert });
  const groups = groupRows(groupBy, rows);
  const members: number[][] = Array.from({ length: groups.count }, () => []);
  const inverted: (boolean | undefined)[] = new Array<boolean | undefined>(groups.count);
  const keys = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    const flag = typeof invert === 'boolean' ? invert : invert[i]!;
    if (typeof flag !== 'boolean')
      throw new MethodInputError(
        `row ${String(i + 1)}: invert must be true or false`,
        groups.labels[g],
        'invert',
      );
    if (inverted[g] === undefined) inverted[g] = flag;
    else if (inverted[g] !== flag) {
      throw new MethodInputError(
        'invert must take the same value for every row of a group',
        groups.labels[g],
        'invert',
      );
    }
    const v = readValue(values, i, 'values', groups.labels[g]);
    if (v !== null) {
      keys[i] = flag ? -v : v;
      members[g]!.push(i);
    }
  }

  const out: (number | null)[] = new Array<number | null>(rows).fill(null);
  const records: QuantileGroup[] = [];
  const warnings: MethodWarning[] = [];
  for (let g = 0; g < groups.count; g++) {
    const rowsOfGroup = members[g]!;
    const n = rowsOfGroup.length;
    const label = groups.labels[g];
    const assigned = n >= nQuantiles;
    if (!assigned) {
      if (options.tooFewValues !== 'missing') {
        throw new MethodInputError(
          `${String(n)} values with data is too few for ${String(nQuantiles)} quantiles`,
          label,
          'values',
        );
      }
      warnings.push({
        group: label,
        message: `too few values (${String(n)}) to assign ${String(nQuantiles)} quantiles; quantiles left missing`,
      });
    } else {
      rowsOfGroup.sort((a, b) => keys[a]! - keys[b]!);
      let rank = 1;
      for (let k = 0; k < n; k++) {
        // Minimum rank: a tie keeps the rank of the first of its run.
        if (k > 0 && keys[rowsOfGroup[k]!] !== keys[rowsOfGroup[k - 1]!]) rank = k + 1;
        out[rowsOfGroup[k]!] = quantileOfRank(rank, n, nQuantiles);
      }
    }
    records.push({
      group: groups.keys[g]!,
      label,
      count: n,
      nQuantiles,
      inverted: inverted[g] ?? true,
      assigned,
    });
  }
  return { quantile: out, groups: records, warnings };
}
