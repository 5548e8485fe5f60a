/**
 * Column inputs and grouping shared by the indicator methods.
 *
 * Missing values: a method column is a `Float64Array` (complete data, the fast path) or a
 * `readonly (number | null)[]` in which **`null` means missing** (R's `NA`). `NaN` and
 * `±Infinity` are never treated as missing: they are invalid input and raise
 * `MethodInputError`, because a NaN in a column almost always means a parse failure upstream.
 * What a method does with `null` (propagate, treat as 0, or reject) follows PHEindicatormethods
 * and is documented on each method.
 *
 * Grouping: `groupBy` maps column names to key columns (one key per row). Groups are numbered in
 * first-seen order, and each group gets a label such as `Area=E09000002, Sex=Female` that is used
 * in error messages. Grouping is one pass over the rows with no per-row object allocation.
 */
import { MethodInputError } from './errors';

/** A numeric input column; `null` marks a missing value. */
export type NumericColumn = Float64Array | readonly (number | null)[];

/** A key column for grouping or joining (area codes, age-band labels, ...). */
export type KeyColumn = readonly (string | number | boolean | null)[];

/** Group-by columns, by name. Every column must have one entry per input row. */
export type GroupBy = Readonly<Record<string, KeyColumn>>;

/** The key values of one output group, by group-by column name. */
export type GroupKey = Readonly<Record<string, string | number | boolean | null>>;

/** Rows assigned to groups in first-seen order. */
export interface Groups {
  readonly count: number;
  /** Group number of each row. */
  readonly index: Int32Array;
  /** Group-by key values of each group (empty when ungrouped). */
  readonly keys: readonly GroupKey[];
  /** `Area=E09000002, Sex=Female`; undefined when ungrouped. */
  readonly labels: readonly (string | undefined)[];
}

/** Number of rows of a set of columns; throws when their lengths differ. */
export function rowCount(
  columns: Readonly<Record<string, { readonly length: number } | undefined>>,
): number {
  let rows = -1;
  let first = '';
  for (const [name, column] of Object.entries(columns)) {
    if (column === undefined) continue;
    if (rows < 0) {
      rows = column.length;
      first = name;
    } else if (column.length !== rows) {
      throw new MethodInputError(
        `has ${String(column.length)} rows but ${first} has ${String(rows)}; all columns must be the same length`,
        undefined,
        name,
      );
    }
  }
  return Math.max(rows, 0);
}

/** Assigns rows to groups. With no (or empty) `groupBy`, every row is in one group. */
export function groupRows(groupBy: GroupBy | undefined, rows: number): Groups {
  const names = groupBy === undefined ? [] : Object.keys(groupBy);
  const index = new Int32Array(rows);
  if (names.length === 0) {
    return { count: 1, index, keys: [{}], labels: [undefined] };
  }
  const columns = names.map((name) => groupBy![name]!);
  names.forEach((name, j) => {
    if (columns[j]!.length !== rows) {
      throw new MethodInputError(
        `group-by column has ${String(columns[j]!.length)} rows, expected ${String(rows)}`,
        undefined,
        name,
      );
    }
  });
  const firstRow: number[] = [];
  if (columns.length === 1) {
    const column = columns[0]!;
    const seen = new Map<string | number | boolean | null, number>();
    for (let i = 0; i < rows; i++) {
      const key = column[i]!;
      let g = seen.get(key);
      if (g === undefined) {
        g = firstRow.length;
        seen.set(key, g);
        firstRow.push(i);
      }
      index[i] = g;
    }
  } else {
    // Code each column separately, then combine the codes into one number (mixed radix), so no
    // per-row string is built. Small code spaces use a dense lookup table, larger ones a Map,
    // and a string key is the fallback if the code could exceed 2^53.
    const codes = columns.map((column) => groupRows({ k: column }, rows));
    const indexes = codes.map((c) => c.index);
    const counts = codes.map((c) => c.count);
    const radix = counts.reduce((product, c) => product * c, 1);
    const table = radix <= 1 << 22 ? new Int32Array(radix).fill(-1) : undefined;
    const seen = new Map<number | string, number>();
    for (let i = 0; i < rows; i++) {
      let code = 0;
      for (let j = 0; j < indexes.length; j++) code = code * counts[j]! + indexes[j]![i]!;
      const key = radix <= Number.MAX_SAFE_INTEGER ? code : indexes.map((c) => c[i]!).join(',');
      let g = table === undefined ? seen.get(key) : table[code]!;
      if (g === undefined || g < 0) {
        g = firstRow.length;
        if (table === undefined) seen.set(key, g);
        else table[code] = g;
        firstRow.push(i);
      }
      index[i] = g;
    }
  }
  const keys = firstRow.map((row) =>
    Object.fromEntries(names.map((name, j) => [name, columns[j]![row]!])),
  );
  const labels = keys.map((key) => names.map((name) => `${name}=${String(key[name])}`).join(', '));
  return { count: firstRow.length, index, keys, labels };
}

/**
 * The package's rule for `phe_proportion` and `phe_rate`: grouped input is summed per group;
 * ungrouped input (no or empty `groupBy`) gives one result per row.
 */
export function groupsOrRows(groupBy: GroupBy | undefined, rows: number): Groups {
  return groupBy === undefined || Object.keys(groupBy).length === 0
    ? rowGroups(rows)
    : groupRows(groupBy, rows);
}

/** Each row its own group, labelled `row=<1-based row>` (for methods that work row by row). */
export function rowGroups(rows: number): Groups {
  const index = new Int32Array(rows);
  const keys: GroupKey[] = [];
  const labels: string[] = [];
  for (let i = 0; i < rows; i++) {
    index[i] = i;
    keys.push({});
    labels.push(`row=${String(i + 1)}`);
  }
  return { count: rows, index, keys, labels };
}

/**
 * Reads row `i` of a column: a finite number, or null when missing. NaN and infinities throw,
 * naming the group and field.
 */
export function readValue(
  column: NumericColumn,
  i: number,
  field: string,
  group: string | undefined,
): number | null {
  const v = column[i];
  if (v === null || v === undefined) return null;
  if (!Number.isFinite(v)) {
    throw new MethodInputError(
      `value ${String(v)} at row ${String(i + 1)} is not a finite number (use null for missing)`,
      group,
      field,
    );
  }
  return v;
}

/** Like `readValue` but missing values are an error too. */
export function readRequired(
  column: NumericColumn,
  i: number,
  field: string,
  group: string | undefined,
): number {
  const v = readValue(column, i, field, group);
  if (v === null) throw new MethodInputError(`missing value at row ${String(i + 1)}`, group, field);
  return v;
}

/** Validates a multiplier (finite and > 0). */
export function assertMultiplier(multiplier: number, field = 'multiplier'): void {
  if (!(Number.isFinite(multiplier) && multiplier > 0)) {
    throw new MethodInputError(
      `must be a finite number greater than 0, got ${String(multiplier)}`,
      undefined,
      field,
    );
  }
}
