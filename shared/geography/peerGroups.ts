/**
 * Peer groups: the sets of areas a place is ranked and compared against (DESIGN.md "Intelligence
 * teams comparing boroughs"; STRATEGIES.md: the 33 London LAs for Barking and Dagenham, Essex's 12
 * districts). A group is defined by a rule (the current children of an area, e.g. the London
 * region's boroughs or a county's districts) or by a custom list, and stored in `peer_group`
 * (definition as JSON, so it can be re-resolved) and `peer_group_member` (resolved codes, for SQL
 * joins).
 */
import type { Engine } from '../engine/engine';
import { inTransaction } from '../engine/engine';
import { insertTextColumns } from './arrowInsert';
import { createGeographyTables } from './areaTable';
import { AREA_TYPES, LOWER_TIER_TYPES, UPPER_TIER_TYPES, type AreaType } from './lookups';

export type PeerGroupDefinition =
  /** Today's areas whose parent is `parentCode`, optionally only of some types. */
  | { readonly kind: 'children'; readonly parentCode: string; readonly types?: readonly AreaType[] }
  /** Today's areas of the given types anywhere under `ancestorCode` (e.g. all UTLAs in a region). */
  | {
      readonly kind: 'descendants';
      readonly ancestorCode: string;
      readonly types: readonly AreaType[];
    }
  | { readonly kind: 'custom'; readonly codes: readonly string[] };

export interface PeerGroup {
  readonly id: string;
  readonly name: string;
  readonly definition: PeerGroupDefinition;
}

/** The 32 London boroughs and the City of London (children of the London region, E12000007). */
export const LONDON_BOROUGHS: PeerGroup = {
  id: 'london-boroughs',
  name: 'London boroughs',
  definition: { kind: 'children', parentCode: 'E12000007', types: [AREA_TYPES.londonBorough] },
};

/** A two-tier county's districts, e.g. `countyDistricts('E10000012', 'Essex')`. */
export function countyDistricts(countyCode: string, countyName: string): PeerGroup {
  return {
    id: `districts-of-${countyCode}`,
    name: `${countyName} districts`,
    definition: { kind: 'children', parentCode: countyCode, types: [AREA_TYPES.district] },
  };
}

/** The upper-tier authorities (counties and unitaries) of a region, e.g. for East of England. */
export function regionUpperTier(regionCode: string, regionName: string): PeerGroup {
  return {
    id: `upper-tier-of-${regionCode}`,
    name: `${regionName} counties and unitary authorities`,
    definition: { kind: 'descendants', ancestorCode: regionCode, types: UPPER_TIER_TYPES },
  };
}

/** The lower-tier authorities (districts and unitaries) of a region. */
export function regionLowerTier(regionCode: string, regionName: string): PeerGroup {
  return {
    id: `lower-tier-of-${regionCode}`,
    name: `${regionName} districts and unitary authorities`,
    definition: { kind: 'descendants', ancestorCode: regionCode, types: LOWER_TIER_TYPES },
  };
}

// "Today's areas": superseded authorities keep their former parents in `area` (Aylesbury Vale
// under Buckinghamshire county), so they are excluded here.
const CURRENT = `a.code NOT IN (SELECT code FROM area_successor)`;

/** The member codes of a group, sorted, from the `area` table. */
export async function resolvePeerGroup(engine: Engine, group: PeerGroup): Promise<string[]> {
  await createGeographyTables(engine);
  const d = group.definition;
  if (d.kind === 'custom') return [...new Set(d.codes)].sort();
  const types = d.types ?? [];
  const typeFilter = types.length === 0 ? 'TRUE' : `a.type IN (${types.map(() => '?').join(', ')})`;
  const sql =
    d.kind === 'children'
      ? `SELECT DISTINCT a.code FROM area a WHERE a.parent_code = ? AND ${typeFilter} AND ${CURRENT} ORDER BY 1`
      : `WITH RECURSIVE tree(code) AS (
           SELECT ?::VARCHAR UNION
           SELECT a.code FROM area a JOIN tree t ON a.parent_code = t.code WHERE ${CURRENT})
         SELECT DISTINCT a.code FROM area a JOIN tree t ON a.code = t.code
         WHERE a.code <> ? AND ${typeFilter} AND ${CURRENT} ORDER BY 1`;
  const params =
    d.kind === 'children' ? [d.parentCode, ...types] : [d.ancestorCode, d.ancestorCode, ...types];
  const t = await engine.query(sql, params);
  return t.getChild('code')!.toArray() as string[];
}

/** Resolve and store peer groups (replacing any with the same id); returns their members. */
export async function savePeerGroups(
  engine: Engine,
  groups: readonly PeerGroup[],
): Promise<Record<string, string[]>> {
  await createGeographyTables(engine);
  const resolved: Record<string, string[]> = {};
  for (const g of groups) {
    resolved[g.id] = await resolvePeerGroup(engine, g);
    if (resolved[g.id]!.length === 0)
      throw new Error(
        `Peer group "${g.name}" has no members: check ${JSON.stringify(g.definition)} against the loaded areas.`,
      );
  }
  await inTransaction(engine, async () => {
    for (const g of groups) {
      await engine.query('DELETE FROM peer_group WHERE id = ?', [g.id]);
      await engine.query('DELETE FROM peer_group_member WHERE peer_group_id = ?', [g.id]);
    }
    await insertTextColumns(engine, 'peer_group', {
      id: groups.map((g) => g.id),
      name: groups.map((g) => g.name),
      kind: groups.map((g) => g.definition.kind),
      definition: groups.map((g) => JSON.stringify(g.definition)),
    });
    const pairs = groups.flatMap((g) => resolved[g.id]!.map((code) => [g.id, code] as const));
    await insertTextColumns(engine, 'peer_group_member', {
      peer_group_id: pairs.map((p) => p[0]),
      area_code: pairs.map((p) => p[1]),
    });
  });
  return resolved;
}

/** Every stored peer group, with its definition. */
export async function readPeerGroups(engine: Engine): Promise<PeerGroup[]> {
  await createGeographyTables(engine);
  const t = await engine.query('SELECT id, name, definition FROM peer_group ORDER BY id');
  return t.toArray().map((row: Record<string, unknown>) => ({
    id: row.id as string,
    name: row.name as string,
    definition: JSON.parse(row.definition as string) as PeerGroupDefinition,
  }));
}

/** Remove a peer group and its members (nothing happens if there is no such group). */
export async function removePeerGroup(engine: Engine, id: string): Promise<void> {
  await createGeographyTables(engine);
  await inTransaction(engine, async () => {
    await engine.query('DELETE FROM peer_group_member WHERE peer_group_id = ?', [id]);
    await engine.query('DELETE FROM peer_group WHERE id = ?', [id]);
  });
}
