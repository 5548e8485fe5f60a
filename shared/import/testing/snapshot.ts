/**
 * Test helper: a fingerprint of every canonical table (row count plus an order-independent
 * hash of the rows), to prove that a failed or cancelled import changed nothing.
 */
import type { Engine } from '../../engine/engine';
import { stringColumn } from '../../engine/columns';
import { ident } from '../../engine/sql';
import { CANONICAL_TABLES } from '../../model/schema';

export async function databaseSnapshot(engine: Engine): Promise<Record<string, string>> {
  const existing = new Set(
    stringColumn(await engine.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'`), 'table_name'),
  );
  const out: Record<string, string> = {};
  for (const name of existing) out[`table:${name ?? ''}`] = 'present';
  for (const table of CANONICAL_TABLES) {
    if (!existing.has(table)) continue;
    const t = await engine.query(
      `SELECT CAST(count(*) AS VARCHAR) || ':' || CAST(coalesce(sum(hash(CAST(x AS VARCHAR))), 0) AS VARCHAR) AS fp FROM ${ident(table)} AS x`,
    );
    out[table] = stringColumn(t, 'fp')[0] ?? '';
  }
  return out;
}
