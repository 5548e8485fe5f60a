/**
 * User-defined localities: named groups of LSOAs, MSOAs or wards (e.g. Tower Hamlets' four
 * localities, STRATEGIES.md section 3), stored as data in the workspace: one `area` row per
 * locality (type `user locality`) and its members in `locality_member`. Count-based data are
 * aggregated to them in SQL by summing the members' counts; rates and percentages are not summed
 * but recomputed from the summed counts by the methods.
 */
import type { Table } from 'apache-arrow';
import type { Engine } from '../engine/engine';
import { inTransaction } from '../engine/engine';
import { insertTextColumns } from './arrowInsert';
import { AREA_TYPES } from './lookups';
import { createGeographyTables } from './areaTable';

export type LocalityMemberType =
  typeof AREA_TYPES.lsoa | typeof AREA_TYPES.msoa | typeof AREA_TYPES.ward;

export interface Locality {
  /** The locality's code in `area` and in aggregated results. Must not look like an ONS code. */
  readonly code: string;
  readonly name: string;
  readonly memberType: LocalityMemberType;
  /** The boundary vintage of the member codes, e.g. `2021` for LSOA21 (Census 2021 data). */
  readonly vintage: string | null;
  /** The area the locality sits in (e.g. the borough), when known. */
  readonly parentCode: string | null;
  readonly members: readonly string[];
}

/** A locality that cannot be stored, with the reason in words. */
export class LocalityError extends Error {
  override readonly name = 'LocalityError';
}

function validate(locality: Locality): void {
  const where = `Locality "${locality.name}" (${locality.code})`;
  if (locality.code.trim() === '' || locality.name.trim() === '')
    throw new LocalityError(`${where}: a locality needs a code and a name.`);
  if (/^[EWSNK]\d{8}$/.test(locality.code))
    throw new LocalityError(
      `${where}: the code looks like an ONS area code; choose another so the two cannot be confused.`,
    );
  if (locality.members.length === 0) throw new LocalityError(`${where}: it has no member areas.`);
  const seen = new Set<string>();
  for (const m of locality.members) {
    if (seen.has(m))
      throw new LocalityError(`${where}: ${m} is listed twice; each member counts once.`);
    seen.add(m);
  }
}

/**
 * Store localities (replacing any with the same code). Returns, per locality, the member codes
 * that `area` does not know as that member type, so the UI can ask the user to check them.
 */
export async function saveLocalities(
  engine: Engine,
  localities: readonly Locality[],
): Promise<Record<string, string[]>> {
  localities.forEach(validate);
  await createGeographyTables(engine);
  return inTransaction(engine, async () => {
    for (const l of localities) {
      await engine.query(`DELETE FROM area WHERE code = ? AND type = ?`, [
        l.code,
        AREA_TYPES.locality,
      ]);
      await engine.query(`DELETE FROM locality_member WHERE locality_code = ?`, [l.code]);
    }
    await insertTextColumns(engine, 'area', {
      code: localities.map((l) => l.code),
      name: localities.map((l) => l.name),
      type: localities.map(() => AREA_TYPES.locality),
      parent_code: localities.map((l) => l.parentCode),
      vintage: localities.map((l) => l.vintage),
      source: localities.map(() => 'user'),
    });
    const members = localities.flatMap((l) =>
      l.members.map((m) => [l.code, m, l.memberType] as const),
    );
    await insertTextColumns(engine, 'locality_member', {
      locality_code: members.map((m) => m[0]),
      member_code: members.map((m) => m[1]),
      member_type: members.map((m) => m[2]),
    });
    const unknown = await engine.query(
      `SELECT m.locality_code, m.member_code FROM locality_member m
       WHERE NOT EXISTS (SELECT 1 FROM area a WHERE a.code = m.member_code AND a.type = m.member_type)
       ORDER BY 1, 2`,
    );
    const out: Record<string, string[]> = {};
    for (const l of localities) out[l.code] = [];
    const codes = unknown.getChild('locality_code')!.toArray() as string[];
    const membersOut = unknown.getChild('member_code')!.toArray() as string[];
    codes.forEach((c, i) => out[c]?.push(membersOut[i]!));
    return out;
  });
}

/** Every stored locality, members in code order. */
export async function readLocalities(engine: Engine): Promise<Locality[]> {
  await createGeographyTables(engine);
  const t = await engine.query(
    `SELECT a.code, a.name, a.vintage, a.parent_code, min(m.member_type) AS member_type,
            list(m.member_code ORDER BY m.member_code) AS members
     FROM area a JOIN locality_member m ON m.locality_code = a.code
     WHERE a.type = ? GROUP BY ALL ORDER BY a.code`,
    [AREA_TYPES.locality],
  );
  return t.toArray().map((row: Record<string, unknown>) => ({
    code: row.code as string,
    name: row.name as string,
    memberType: row.member_type as LocalityMemberType,
    vintage: (row.vintage as string | null) ?? null,
    parentCode: (row.parent_code as string | null) ?? null,
    members: [...(row.members as Iterable<string>)],
  }));
}

/** Remove a locality and its members. */
export async function removeLocality(engine: Engine, code: string): Promise<void> {
  await createGeographyTables(engine);
  await inTransaction(engine, async () => {
    await engine.query(`DELETE FROM locality_member WHERE locality_code = ?`, [code]);
    await engine.query(`DELETE FROM area WHERE code = ? AND type = ?`, [code, AREA_TYPES.locality]);
  });
}

// Each aggregate reports how many members had data, so a locality with a missing LSOA is
// visible instead of silently smaller; a suppressed (NULL) count is counted, not treated as 0.
const COVERAGE = `count(DISTINCT d.area_code) AS members_with_data,
  any_value(n.members) AS members_defined,
  count(*) FILTER (WHERE d.count IS NULL) AS missing_counts`;
const LOCALITY_JOIN = `JOIN locality_member m ON m.member_code = d.area_code
  JOIN area l ON l.code = m.locality_code AND l.type = 'user locality'
  JOIN (SELECT locality_code, count(*) AS members FROM locality_member GROUP BY 1) n ON n.locality_code = m.locality_code`;

/** Census counts (long form) summed to localities, for every table or one `tableId`. */
export async function censusByLocality(engine: Engine, tableId?: string): Promise<Table> {
  return engine.query(
    `SELECT m.locality_code, l.name AS locality_name, d.table_id, d.dimension, d.category,
            sum(d.count) AS count, ${COVERAGE}
     FROM census d ${LOCALITY_JOIN}
     WHERE (? IS NULL OR d.table_id = ?)
     GROUP BY ALL ORDER BY m.locality_code, d.table_id, d.dimension, d.category`,
    [tableId ?? null, tableId ?? null],
  );
}

/** Population counts summed to localities, by year, sex, age band and category. */
export async function populationByLocality(engine: Engine): Promise<Table> {
  return engine.query(
    `SELECT m.locality_code, l.name AS locality_name, d.year, d.sex, d.age_band, d.age_min, d.age_max,
            d.category_type, d.category, sum(d.count) AS count, ${COVERAGE}
     FROM population d ${LOCALITY_JOIN}
     GROUP BY ALL ORDER BY m.locality_code, d.year, d.sex, d.age_min NULLS LAST, d.age_band`,
  );
}

/**
 * Observation numerators and denominators summed to localities (values, rates and limits are
 * left to the methods, which recompute them from the sums).
 */
export async function observationCountsByLocality(
  engine: Engine,
  indicatorId?: string,
): Promise<Table> {
  return engine.query(
    `SELECT m.locality_code, l.name AS locality_name, d.indicator_id, d.period, d.sex, d.age,
            d.category_type, d.category, sum(d.count) AS count, sum(d.denominator) AS denominator,
            count(*) FILTER (WHERE d.denominator IS NULL) AS missing_denominators, ${COVERAGE}
     FROM observation d ${LOCALITY_JOIN}
     WHERE (? IS NULL OR d.indicator_id = ?)
     GROUP BY ALL ORDER BY m.locality_code, d.indicator_id, d.period`,
    [indicatorId ?? null, indicatorId ?? null],
  );
}
