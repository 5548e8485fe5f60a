/** SQL for one indicator by sex at the latest period, from the canonical `observation` table. */
import { sexSql } from '../model/vocabulary';

/**
 * Columns area_code, sex (`Male`/`Female`/`Persons`), period, value. Parameters: an ILIKE
 * pattern matched against the indicator's name, then the area codes. The sex comes from
 * `observation.sex`, or, for sources that publish one indicator per sex ("Male Healthy Life
 * Expectancy"), from the indicator's name. Only the latest period present for all rows is kept.
 */
export function latestIndicatorBySexSql(areaCount: number): string {
  const areas = Array.from({ length: areaCount }, () => '?').join(', ');
  return `
WITH matched AS (
  SELECT o.area_code, o.period, o.period_end, o.value,
    CASE
      WHEN (${sexSql('o.sex')}) IN ('Male', 'Female') THEN (${sexSql('o.sex')})
      WHEN lower(i.name) LIKE 'female%' THEN 'Female'
      WHEN lower(i.name) LIKE 'male%' THEN 'Male'
      ELSE 'Persons' END AS sex
  FROM observation o JOIN indicator i ON i.id = o.indicator_id
  WHERE i.name ILIKE ? AND o.area_code IN (${areas}) AND o.value IS NOT NULL
),
latest AS (SELECT max(coalesce(CAST(period_end AS VARCHAR), period)) AS p FROM matched)
SELECT area_code, sex, period, value
FROM matched, latest
WHERE coalesce(CAST(period_end AS VARCHAR), period) = latest.p
ORDER BY sex, area_code`;
}

/**
 * A period as readers expect it. ONS's compact codes: "201820" is the 3-year period 2018-20,
 * "201920" the financial or academic year 2019/20 (fixtures/data/SOURCES.md); anything else
 * is shown as published.
 */
export function periodLabel(period: string): string {
  const m = /^(\d{4})(\d{2})$/.exec(period.trim());
  if (m === null) return period;
  const start = Number(m[1]);
  const end = Number(m[2]);
  if ((start + 2) % 100 === end) return `${m[1]!}-${m[2]!}`;
  if ((start + 1) % 100 === end) return `${m[1]!}/${m[2]!}`;
  return period;
}
