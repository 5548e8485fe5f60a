/**
 * SQL that turns single-year-of-age counts into 5-year bands as % of each area's total, for
 * the population pyramid (canonical `population`) and the Census age structure (canonical
 * `census`, TS007). Area codes are bound as parameters; band labels come from one helper so
 * SQL and figures agree.
 */
import type { AgeBand } from '../figures/ageBands';

/** 5-year bands 0-4 ... up to an open band starting at `openFrom` ("90+"). */
export function fiveYearBands(openFrom: number): AgeBand[] {
  const bands: AgeBand[] = [];
  for (let min = 0; min < openFrom; min += 5)
    bands.push({ label: `${String(min)}-${String(min + 4)}`, min });
  bands.push({ label: `${String(openFrom)}+`, min: openFrom });
  return bands;
}

/** SQL for the band label of an age expression, with an open top band from `openFrom`. */
function bandLabelSql(age: string, openFrom: number): string {
  return `CASE WHEN ${age} >= ${String(openFrom)} THEN '${String(openFrom)}+'
    ELSE CAST((${age} // 5) * 5 AS VARCHAR) || '-' || CAST((${age} // 5) * 5 + 4 AS VARCHAR) END`;
}

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/**
 * Latest year of single-year population counts by sex, banded: columns area_code, year, sex
 * (`Male`/`Female`), band, percent (of the area's males + females, all ages). Bind the area
 * codes. Rows for one-year ages only (age_min = age_max, or the open top band).
 */
export function populationAgeBandsSql(areaCount: number): string {
  return `
WITH single AS (
  SELECT area_code, year,
    CASE WHEN lower(sex) IN ('male', 'males', 'm') THEN 'Male'
         WHEN lower(sex) IN ('female', 'females', 'f') THEN 'Female' END AS sex,
    age_min, count
  FROM population
  WHERE area_code IN (${placeholders(areaCount)})
    AND category_type IS NULL
    AND age_min IS NOT NULL AND (age_max = age_min OR age_max IS NULL)
),
latest AS (SELECT area_code, max(year) AS year FROM single WHERE sex IS NOT NULL GROUP BY area_code),
banded AS (
  SELECT s.area_code, s.year, s.sex, ${bandLabelSql('s.age_min', 90)} AS band, sum(s.count) AS n
  FROM single s JOIN latest l USING (area_code, year)
  WHERE s.sex IS NOT NULL
  GROUP BY ALL
)
SELECT area_code, year, sex, band, 100 * n / sum(n) OVER (PARTITION BY area_code) AS percent
FROM banded
ORDER BY area_code, sex, band`;
}

/**
 * Census 2021 TS007 single years of age, banded: columns area_code, band, percent (of the
 * area's single-year total). Categories are the single years ("Aged 7 years", "Aged under 1
 * year", "Aged 100 years and over"); Nomis's subtotals ("Aged 5 to 9 years") and the total are
 * excluded by the pattern, so nothing is counted twice.
 */
export function censusAgeBandsSql(areaCount: number): string {
  return `
WITH single AS (
  SELECT area_code, category,
    CASE WHEN regexp_matches(category, 'Aged under 1 year') THEN 0
         ELSE TRY_CAST(regexp_extract(category, 'Aged (\\d+) years?( and over)?(;|$)', 1) AS INTEGER) END AS age,
    count
  FROM census
  WHERE table_id = 'TS007' AND area_code IN (${placeholders(areaCount)})
),
banded AS (
  SELECT area_code, ${bandLabelSql('age', 85)} AS band, sum(count) AS n
  FROM single WHERE age IS NOT NULL
  GROUP BY ALL
)
SELECT area_code, band, 100 * n / sum(n) OVER (PARTITION BY area_code) AS percent
FROM banded
ORDER BY area_code, band`;
}
