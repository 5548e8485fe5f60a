/**
 * Builds the `area` table: the shipped lookups (authorities, MSOA11, LSOA11, LSOA21) plus any
 * code that loaded data uses and the lookups do not know.
 *
 * `area` is unique on (code, vintage): an LSOA code that ONS kept in 2021 appears once for 2011
 * (parent: its MSOA11) and once for 2021 (parent: its local authority), because both are true.
 * Parents are today's areas: an LSOA or MSOA whose lookup names an abolished district (Allerdale,
 * Aylesbury Vale) points to its successor (Cumberland, Buckinghamshire). Districts were only ever
 * merged whole, so the nesting holds. Superseded authorities keep their own row and former parent,
 * and `area_successor` records what replaced them.
 */
import type { Engine } from '../engine/engine';
import { inTransaction } from '../engine/engine';
import { SCHEMA_DDL } from '../model/schema';
import { insertTextColumns } from './arrowInsert';
import { AREA_TYPES, SUCCESSOR_CHANGES, currentSuccessors, lookupAreas } from './lookups';

/** Tables the geography adds beside the canonical ones. */
export const GEOGRAPHY_DDL = {
  area_successor: `CREATE TABLE IF NOT EXISTS area_successor (
    code VARCHAR NOT NULL, successor_code VARCHAR NOT NULL, effective VARCHAR NOT NULL, reason VARCHAR)`,
  locality_member: `CREATE TABLE IF NOT EXISTS locality_member (
    locality_code VARCHAR NOT NULL, member_code VARCHAR NOT NULL, member_type VARCHAR NOT NULL)`,
  peer_group: `CREATE TABLE IF NOT EXISTS peer_group (
    id VARCHAR NOT NULL, name VARCHAR NOT NULL, kind VARCHAR NOT NULL, definition VARCHAR)`,
  peer_group_member: `CREATE TABLE IF NOT EXISTS peer_group_member (
    peer_group_id VARCHAR NOT NULL, area_code VARCHAR NOT NULL)`,
} as const;
export type GeographyTable = keyof typeof GEOGRAPHY_DDL;

export async function createGeographyTables(engine: Engine): Promise<void> {
  await engine.exec(SCHEMA_DDL.area);
  for (const ddl of Object.values(GEOGRAPHY_DDL)) await engine.exec(ddl);
}

function currentParent(parent: string | null): string | null {
  if (parent === null) return null;
  const next = currentSuccessors(parent);
  // A split county (Northamptonshire, Cumbria) has two successors; nothing shipped has one as a
  // parent except its own former districts, which keep their former county.
  return next.length === 1 ? next[0]! : parent;
}

/**
 * Replace the shipped-lookup rows of `area` and `area_successor` (idempotent). Rows that loaded
 * data added for codes the lookups know are replaced by the lookup rows; other data rows and user
 * localities are left alone. Returns the number of area rows written.
 */
export async function loadShippedGeography(engine: Engine): Promise<number> {
  await createGeographyTables(engine);
  const areas = lookupAreas();
  return inTransaction(engine, async () => {
    await engine.exec(`DELETE FROM area WHERE source LIKE 'lookup:%'`);
    await engine.exec('DELETE FROM area_successor');
    const superseded = (source: string) => source === 'lookup:authorities';
    await insertTextColumns(engine, 'area', {
      code: areas.map((a) => a.code),
      name: areas.map((a) => a.name),
      type: areas.map((a) => a.type),
      parent_code: areas.map((a) =>
        superseded(a.source) ? a.parent_code : currentParent(a.parent_code),
      ),
      vintage: areas.map((a) => a.vintage),
      source: areas.map((a) => a.source),
    });
    // A row an import added for a code the lookups now describe (name only, no parent) gives way
    // to the lookup row, so that `area` keeps one row per (code, vintage).
    await engine.exec(
      `DELETE FROM area WHERE source LIKE 'source_file:%'
       AND code IN (SELECT code FROM area WHERE source LIKE 'lookup:%')`,
    );
    const rows = SUCCESSOR_CHANGES.flatMap((c) =>
      c.from.flatMap(([code]) => c.to.map((to) => [code, to, c.effective, c.reason] as const)),
    );
    await insertTextColumns(engine, 'area_successor', {
      code: rows.map((r) => r[0]),
      successor_code: rows.map((r) => r[1]),
      effective: rows.map((r) => r[2]),
      reason: rows.map((r) => r[3]),
    });
    return areas.length;
  });
}

/** Area type implied by a GSS code's entity prefix, for codes the lookups do not know. */
const TYPE_BY_PREFIX: Readonly<Record<string, string>> = {
  E92: AREA_TYPES.country,
  W92: AREA_TYPES.country,
  E12: AREA_TYPES.region,
  E10: AREA_TYPES.county,
  E06: AREA_TYPES.unitary,
  W06: AREA_TYPES.unitary,
  E07: AREA_TYPES.district,
  E08: AREA_TYPES.metropolitanDistrict,
  E09: AREA_TYPES.londonBorough,
  E02: AREA_TYPES.msoa,
  W02: AREA_TYPES.msoa,
  E01: AREA_TYPES.lsoa,
  W01: AREA_TYPES.lsoa,
  E05: AREA_TYPES.ward,
  W05: AREA_TYPES.ward,
};

/**
 * Add to `area` every code used by loaded data (observation, census, population, deprivation)
 * that `area` does not have yet, with the name the data gives and a type from the code prefix.
 * Returns the number of rows added. Idempotent.
 */
export async function addAreasFromData(engine: Engine): Promise<number> {
  await createGeographyTables(engine);
  const present = await engine.query(
    `SELECT table_name FROM information_schema.tables WHERE table_name IN ('observation','census','population','deprivation')`,
  );
  const tables = new Set(present.getChild('table_name')!.toArray() as string[]);
  const parts: string[] = [];
  if (tables.has('observation'))
    parts.push(
      `SELECT area_code AS code, area_name AS name, 'source_file:' || source_file_id AS source FROM observation`,
    );
  if (tables.has('census'))
    parts.push(`SELECT area_code, area_name, 'source_file:' || source_file_id FROM census`);
  if (tables.has('population'))
    parts.push(`SELECT area_code, NULL, 'source_file:' || source_file_id FROM population`);
  if (tables.has('deprivation'))
    parts.push(`SELECT lsoa_code, lsoa_name, 'source_file:' || source_file_id FROM deprivation`);
  if (parts.length === 0) return 0;
  const prefixCase = Object.entries(TYPE_BY_PREFIX)
    .map(() => 'WHEN left(code, 3) = ? THEN ?')
    .join(' ');
  const params = Object.entries(TYPE_BY_PREFIX).flat();
  const before = await countAreas(engine);
  await engine.query(
    `INSERT INTO area (code, name, type, parent_code, vintage, source)
     SELECT code, max(name), CASE ${prefixCase} ELSE NULL END, NULL, NULL, min(source)
     FROM (${parts.join(' UNION ALL ')}) AS used
     WHERE code IS NOT NULL AND code NOT IN (SELECT code FROM area)
     GROUP BY code`,
    params,
  );
  return (await countAreas(engine)) - before;
}

async function countAreas(engine: Engine): Promise<number> {
  const t = await engine.query('SELECT count(*)::DOUBLE AS n FROM area');
  return t.getChild('n')!.get(0) as number;
}
