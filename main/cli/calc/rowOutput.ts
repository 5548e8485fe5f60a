/**
 * Output for the methods that label each input row (quantiles, funnel significance): the input
 * columns as they were, then the method's columns, as PHEindicatormethods returns the input data
 * frame with columns added. The analyst's own identifiers (area codes, names) stay on each row.
 */
import type { CsvTable, OutCell, OutTable } from './csvTable';

export function withRowColumns(
  table: CsvTable,
  added: Readonly<Record<string, readonly OutCell[]>>,
): OutTable {
  const names = Object.keys(added);
  for (const name of names) {
    if (table.header.includes(name)) {
      // Keep the input intact; the new column gets a distinct name.
      return withRowColumns(
        table,
        Object.fromEntries(names.map((n) => [n === name ? `${n}_calc` : n, added[n]!])),
      );
    }
  }
  return {
    header: [...table.header, ...names],
    rows: table.rows.map((row, i) => [...row, ...names.map((name) => added[name]![i])]),
  };
}

/** Reads a yes/no column (`TRUE`/`FALSE`, `true`/`false`, `1`/`0`, `yes`/`no`). */
export function parseFlag(cell: string): boolean | undefined {
  const t = cell.trim().toLowerCase();
  if (t === 'true' || t === '1' || t === 'yes' || t === 't') return true;
  if (t === 'false' || t === '0' || t === 'no' || t === 'f') return false;
  return undefined;
}
