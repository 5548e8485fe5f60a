/**
 * Insert JavaScript columns into a DuckDB table through Arrow IPC: one bulk write instead of
 * tens of thousands of INSERTs (the shipped LSOA lookups are ~70,000 rows). Text columns only:
 * the geography tables are all codes and names.
 */
import { Table, Utf8, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { Engine } from '../engine/engine';
import { ident } from '../engine/sql';

let staging = 0;

/** Append rows (given as equal-length text columns) to the existing `table`. */
export async function insertTextColumns(
  engine: Engine,
  table: string,
  columns: Readonly<Record<string, readonly (string | null)[]>>,
): Promise<void> {
  const names = Object.keys(columns);
  const vectors = Object.fromEntries(names.map((n) => [n, vectorFromArray(columns[n]!, new Utf8())]));
  const arrow = new Table(vectors);
  if (arrow.numRows === 0) return;
  // A staging table, then INSERT ... BY NAME, so that the target keeps its own column types and
  // order and any column not given stays NULL.
  const stage = `_geography_stage_${String(++staging)}`;
  await engine.insertArrowIPC(stage, tableToIPC(arrow, 'stream'), 'create');
  try {
    await engine.exec(`INSERT INTO ${ident(table)} BY NAME SELECT * FROM ${ident(stage)}`);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(stage)}`);
  }
}
