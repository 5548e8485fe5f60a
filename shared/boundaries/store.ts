/**
 * Keep boundaries in the database (`boundary` table) so maps can join them to any loaded data
 * by area code, and report how well a data set's area codes are covered by the boundaries
 * loaded (codes from another vintage are the usual reason a borough goes missing on a map).
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { inTransaction, type Engine } from '../engine/engine';
import { stringColumn } from '../engine/columns';
import { ident } from '../engine/sql';
import type { BoundarySet } from './geojson';

export const BOUNDARY_DDL = `CREATE TABLE IF NOT EXISTS boundary (
  code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  level VARCHAR NOT NULL,
  vintage INTEGER,
  geometry_json VARCHAR NOT NULL,
  min_lon DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE,
  source_file VARCHAR NOT NULL
)`;

/**
 * Store a parsed boundary set, replacing earlier boundaries for the same level and vintage.
 * One transaction: on failure the table is as it was.
 */
export async function storeBoundaries(engine: Engine, set: BoundarySet): Promise<number> {
  const b = set.boundaries;
  const staging = tableFromArrays({
    code: b.map((x) => x.code),
    name: b.map((x) => x.name),
    geometry_json: b.map((x) => x.geometryJson),
    min_lon: Float64Array.from(b, (x) => x.bbox[0]),
    min_lat: Float64Array.from(b, (x) => x.bbox[1]),
    max_lon: Float64Array.from(b, (x) => x.bbox[2]),
    max_lat: Float64Array.from(b, (x) => x.bbox[3]),
  });
  const stagingName = 'boundary_staging';
  await inTransaction(engine, async () => {
    await engine.exec(BOUNDARY_DDL);
    await engine.exec(`DROP TABLE IF EXISTS ${ident(stagingName)}`);
    await engine.insertArrowIPC(stagingName, tableToIPC(staging, 'stream'), 'create');
    await engine.query(`DELETE FROM boundary WHERE level = ? AND vintage IS NOT DISTINCT FROM ?`, [
      set.level,
      set.vintage,
    ]);
    await engine.query(
      `INSERT INTO boundary SELECT code, name, ?, ?, geometry_json, min_lon, min_lat, max_lon, max_lat, ? FROM ${ident(stagingName)}`,
      [set.level, set.vintage, set.fileName],
    );
    await engine.exec(`DROP TABLE ${ident(stagingName)}`);
  });
  return b.length;
}

export interface BoundaryCoverage {
  /** Distinct area codes in the data that have a boundary. */
  readonly matched: number;
  /** Distinct area codes in the data with no boundary (first 50), e.g. from an older vintage. */
  readonly unmatched: readonly string[];
  readonly unmatchedCount: number;
}

/** How many of `table.column`'s distinct codes have a boundary at `level` (any vintage if null). */
export async function boundaryCoverage(
  engine: Engine,
  table: string,
  column: string,
  level: string,
): Promise<BoundaryCoverage> {
  const codes = `SELECT DISTINCT ${ident(column)} AS code FROM ${ident(table)} WHERE ${ident(column)} IS NOT NULL`;
  const result = await engine.query(
    `SELECT d.code, b.code IS NOT NULL AS matched
       FROM (${codes}) d LEFT JOIN (SELECT DISTINCT code FROM boundary WHERE level = ?) b USING (code)
      ORDER BY d.code`,
    [level],
  );
  const code = stringColumn(result, 'code');
  const matched = stringColumn(result, 'matched');
  const unmatchedAll = code.filter((_, i) => matched[i] !== 'true') as string[];
  return {
    matched: code.length - unmatchedAll.length,
    unmatched: unmatchedAll.slice(0, 50),
    unmatchedCount: unmatchedAll.length,
  };
}
