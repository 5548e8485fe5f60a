/**
 * The SQL the localities and peer-group panels need beyond shared/geography: which authorities
 * and small areas the `area` table knows (from loaded data, and from the shipped ONS lookups once
 * loaded), for the pickers. Values are bound as parameters, never pasted into SQL.
 */
import type { Engine } from '../../../shared/engine/engine';
import { stringColumn } from '../../../shared/engine/columns';

export interface AreaOption {
  readonly code: string;
  readonly name: string;
}

/** Member types a locality can be built from, by ONS code prefix. */
export const MEMBER_PREFIXES = {
  LSOA: ['E01', 'W01'],
  MSOA: ['E02', 'W02'],
  Ward: ['E05', 'W05'],
} as const;
export type MemberKind = keyof typeof MEMBER_PREFIXES;

export function memberKindOf(code: string): MemberKind | undefined {
  const prefix = code.slice(0, 3);
  return (Object.keys(MEMBER_PREFIXES) as MemberKind[]).find((k) =>
    (MEMBER_PREFIXES[k] as readonly string[]).includes(prefix),
  );
}

/**
 * Codes pasted by the user: split on commas, semicolons, tabs and new lines, and on spaces
 * between codes; code-like tokens upper-cased, repeats dropped. Anything else (a name pasted by
 * mistake, "Tower Hamlets 001A") stays whole, so the message can quote it as typed.
 */
export function parseCodes(text: string): string[] {
  const tokens = text.split(/[\n\r,;\t]+/).flatMap((piece) => {
    const words = piece
      .trim()
      .split(/\s+/)
      .filter((w) => w !== '');
    return words.every((w) => /^[A-Za-z]\d{8}$/.test(w))
      ? words.map((w) => w.toUpperCase())
      : [piece.trim()];
  });
  return [...new Set(tokens.filter((t) => t !== ''))];
}

/** Whether `name` exists; the Data view only reads, so it never creates tables to find out. */
export async function tableExists(engine: Engine, name: string): Promise<boolean> {
  const t = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = ?`,
    [name],
  );
  return Number(t.getChild('n')!.get(0)) > 0;
}

/** True once the shipped ONS lookups are in `area` (loadShippedGeography). */
export async function lookupsLoaded(engine: Engine): Promise<boolean> {
  if (!(await tableExists(engine, 'area'))) return false;
  const t = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM area WHERE source LIKE 'lookup:%'`,
  );
  return Number(t.getChild('n')!.get(0)) > 0;
}

/** Local authorities (lower tier) the area table knows, by name. */
export async function localAuthorities(engine: Engine): Promise<AreaOption[]> {
  if (!(await tableExists(engine, 'area'))) return [];
  const t = await engine
    .query(
      `SELECT code, min(name) AS name FROM area
     WHERE left(code, 3) IN ('E06', 'E07', 'E08', 'E09', 'W06') AND name IS NOT NULL
       AND code NOT IN (SELECT code FROM area_successor)
     GROUP BY code ORDER BY name`,
    )
    .catch(() =>
      // No area_successor table yet (lookups never loaded): every authority is current.
      engine.query(
        `SELECT code, min(name) AS name FROM area
       WHERE left(code, 3) IN ('E06', 'E07', 'E08', 'E09', 'W06') AND name IS NOT NULL
       GROUP BY code ORDER BY name`,
      ),
    );
  return options(t.toArray());
}

/** Counties (two-tier) the area table knows: for "a county's districts". */
export async function counties(engine: Engine): Promise<AreaOption[]> {
  if (!(await tableExists(engine, 'area'))) return [];
  const t = await engine.query(
    `SELECT code, min(name) AS name FROM area WHERE type = 'County' GROUP BY code ORDER BY name`,
  );
  return options(t.toArray());
}

/**
 * Small areas of `kind` in authority `la`: children in the shipped lookups (LSOA21 and MSOA
 * parents are authorities), or areas from loaded data whose name starts with the authority's
 * (ONS names them "Tower Hamlets 001A"). `filter` narrows by name or code.
 */
export async function smallAreasIn(
  engine: Engine,
  kind: MemberKind,
  la: AreaOption,
  filter: string,
): Promise<AreaOption[]> {
  const [p1, p2] = MEMBER_PREFIXES[kind];
  const f = filter.trim();
  const t = await engine.query(
    `SELECT code, min(name) AS name FROM area
     WHERE left(code, 3) IN (?, ?) AND (parent_code = ? OR name LIKE ?)
       AND (? = '' OR contains(lower(name), lower(?)) OR starts_with(code, upper(?)))
     GROUP BY code ORDER BY name, code`,
    [p1, p2, la.code, `${la.name} %`, f, f, f],
  );
  return options(t.toArray());
}

/** Names for codes, where the area table has them. */
export async function areaNames(
  engine: Engine,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0 || !(await tableExists(engine, 'area'))) return new Map();
  const t = await engine.query(
    `SELECT code, min(name) AS name FROM area WHERE list_contains(string_split(?, ','), code) GROUP BY code`,
    [codes.join(',')],
  );
  return new Map(options(t.toArray()).map((o) => [o.code, o.name]));
}

/** Categories in the order the file gave them (insertion order), not alphabetical. */
export async function categoryOrder(engine: Engine, table: string): Promise<string[]> {
  const t = await engine.query(
    `SELECT category FROM census WHERE table_id = ? GROUP BY category ORDER BY min(rowid)`,
    [table],
  );
  return stringColumn(t, 'category').map((c) => c ?? '');
}

function options(rows: readonly Record<string, unknown>[]): AreaOption[] {
  return rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
}
