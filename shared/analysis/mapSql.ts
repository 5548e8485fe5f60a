/** SQL joining one indicator's values to the boundaries of a map layer, by area code. */

/**
 * Columns code, name, geometry_json, value (NULL when the area has no value), period. One row
 * per boundary of `level` whose code starts with a prefix (e.g. `E09` for the London boroughs),
 * from the newest vintage of that layer loaded. Parameters, in order: the indicator-name ILIKE
 * pattern, the code LIKE pattern, the level, the code LIKE pattern, the level, the code LIKE
 * pattern. Values are from the latest period of the matched indicator.
 */
export const INDICATOR_MAP_SQL = `
WITH matched AS (
  SELECT o.area_code, o.period, o.value,
    coalesce(CAST(o.period_end AS VARCHAR), o.period) AS sort_period
  FROM observation o JOIN indicator i ON i.id = o.indicator_id
  WHERE i.name ILIKE ? AND o.area_code LIKE ? AND o.value IS NOT NULL
),
latest AS (SELECT max(sort_period) AS p FROM matched),
layer AS (SELECT max(vintage) AS v FROM boundary WHERE level = ? AND code LIKE ?)
SELECT b.code, b.name, b.geometry_json, m.value, m.period
FROM boundary b
JOIN layer ON b.vintage IS NOT DISTINCT FROM layer.v
LEFT JOIN (SELECT matched.* FROM matched, latest WHERE matched.sort_period = latest.p) m
  ON m.area_code = b.code
WHERE b.level = ? AND b.code LIKE ?
ORDER BY b.code`;

/** Parameters for INDICATOR_MAP_SQL. */
export function indicatorMapParams(
  indicatorPattern: string,
  codePrefix: string,
  level: string,
): string[] {
  const codes = `${codePrefix}%`;
  return [indicatorPattern, codes, level, codes, level, codes];
}
