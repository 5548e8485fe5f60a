/**
 * Keep boundaries in the database (`boundary` table, shared/model/schema.ts) so maps can join them to any loaded data
 * by area code, and report how well a data set's area codes are covered by the boundaries
 * loaded (codes from another vintage are the usual reason a borough goes missing on a map).
 */
import type { Engine } from '../engine/engine';
import { stringColumn } from '../engine/columns';
import { ident } from '../engine/sql';
import type { BoundarySet } from './geojson';

/**
 * Remove boundaries loaded earlier for the same level and vintage: a newer file of the same
 * layer replaces it (one map layer per vintage). Called inside importFile's transaction.
 */
export async function replaceBoundaryLayer(engine: Engine, set: BoundarySet): Promise<void> {
  await engine.query(`DELETE FROM boundary WHERE level = ? AND vintage IS NOT DISTINCT FROM ?`, [
    set.level,
    set.vintage,
  ]);
}

/** A boundary as a row of the `boundary` table (shared/model/schema.ts), for the importer's sink. */
export function boundaryRows(set: BoundarySet): { [column: string]: string | number | null }[] {
  return set.boundaries.map((b) => ({
    code: b.code,
    name: b.name,
    level: set.level,
    vintage: set.vintage,
    geometry_json: b.geometryJson,
    min_lon: b.bbox[0],
    min_lat: b.bbox[1],
    max_lon: b.bbox[2],
    max_lat: b.bbox[3],
  }));
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
