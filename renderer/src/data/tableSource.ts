/**
 * A paged view of one SQL relation, for the data table. Pages are fetched with LIMIT/OFFSET
 * and kept columnar; only the visible page is ever turned into cells.
 */
import type { Table } from 'apache-arrow';
import type { Engine, SqlParam } from '../../../shared/engine/engine';
import { ident } from '../../../shared/engine/sql';

export interface TableSource {
  /** What the user is looking at, e.g. "observation rows from this file". */
  readonly label: string;
  count(): Promise<number>;
  page(offset: number, limit: number): Promise<Table>;
}

/**
 * Rows of `table` matching `where` (SQL with `?` placeholders bound to `params`), in the
 * table's own order. `exclude` drops bookkeeping columns from the view.
 */
export function relationSource(
  engine: Engine,
  label: string,
  table: string,
  options: { where?: string; params?: readonly SqlParam[]; exclude?: readonly string[] } = {},
): TableSource {
  const where = options.where === undefined ? '' : ` WHERE ${options.where}`;
  const params = options.params ?? [];
  const columns =
    options.exclude === undefined || options.exclude.length === 0
      ? '*'
      : `* EXCLUDE (${options.exclude.map(ident).join(', ')})`;
  return {
    label,
    async count() {
      const t = await engine.query(
        `SELECT count(*)::INTEGER AS n FROM ${ident(table)}${where}`,
        params,
      );
      return Number(t.getChild('n')?.get(0) ?? 0);
    },
    page(offset, limit) {
      return engine.query(`SELECT ${columns} FROM ${ident(table)}${where} LIMIT ? OFFSET ?`, [
        ...params,
        limit,
        offset,
      ]);
    },
  };
}
