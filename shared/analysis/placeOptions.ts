/**
 * The areas an analyst can choose as a focus or comparator: every area that has at least one
 * indicator value loaded, named from the geography tables where they know it (the data's own
 * name otherwise), with its type. Small areas (LSOA, MSOA) are left out: they are analysed
 * inside a place (issue 8), not chosen as one.
 */
import type { Engine } from '../engine/engine';
import { stringColumn } from '../engine/columns';

export interface PlaceOption {
  readonly code: string;
  readonly name: string;
  readonly type: string | null;
}

const PLACES_SQL = `
  WITH data_areas AS (
    SELECT area_code AS code, any_value(area_name) AS data_name, any_value(area_type) AS data_type
    FROM observation
    WHERE area_code NOT LIKE 'E01%' AND area_code NOT LIKE 'E02%' AND area_code NOT LIKE 'W01%' AND area_code NOT LIKE 'W02%'
    GROUP BY area_code
  ), named AS (
    SELECT code, any_value(name) AS name, any_value(type) AS type FROM area GROUP BY code
  )
  SELECT d.code, coalesce(n.name, d.data_name, d.code) AS name, coalesce(n.type, d.data_type) AS type
  FROM data_areas d LEFT JOIN named n USING (code)
  ORDER BY name, code`;

export async function placeOptions(engine: Engine): Promise<PlaceOption[]> {
  const exists = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables
     WHERE table_schema = 'main' AND table_name IN ('observation', 'area')`,
  );
  if (Number(exists.getChild('n')!.get(0)) < 2) return [];
  const table = await engine.query(PLACES_SQL);
  const codes = stringColumn(table, 'code');
  const names = stringColumn(table, 'name');
  const types = stringColumn(table, 'type');
  return codes.map((code, i) => ({ code: code!, name: names[i] ?? code!, type: types[i] ?? null }));
}

/** Options whose name or code contains every word typed, best (name starts with it) first. */
export function searchPlaces(
  options: readonly PlaceOption[],
  text: string,
  limit = 20,
): PlaceOption[] {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return options.slice(0, limit);
  const hits = options.filter((o) => {
    const hay = `${o.name} ${o.code}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  const first = words[0]!;
  return hits
    .sort(
      (a, b) =>
        Number(!a.name.toLowerCase().startsWith(first) && !a.code.toLowerCase().startsWith(first)) -
        Number(!b.name.toLowerCase().startsWith(first) && !b.code.toLowerCase().startsWith(first)),
    )
    .slice(0, limit);
}
