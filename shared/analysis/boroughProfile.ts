/**
 * The borough profile the demo workspace opens on: Barking and Dagenham against London and
 * England (the comparison the B&D Joint Local Health and Wellbeing Strategy 2023-28 is
 * measured by; STRATEGIES.md section 1). Every number comes from the canonical tables by SQL;
 * this module only chooses the areas and words and hands the result columns to the pure figure
 * builders in shared/figures.
 */
import type { Engine } from '../engine/engine';
import { numberColumn, stringColumn } from '../engine/columns';
import { buildAgeStructure } from '../figures/ageStructure';
import { buildChoroplethMap } from '../figures/choroplethMap';
import type { AgeBand } from '../figures/ageBands';
import { buildIndicatorBySex } from '../figures/indicatorBySex';
import { buildPopulationPyramid } from '../figures/populationPyramid';
import type { AreaRef, FigureSpec } from '../figures/spec';
import { censusAgeBandsSql, fiveYearBands, populationAgeBandsSql } from './ageBandSql';
import { latestIndicatorBySexSql, periodLabel } from './indicatorSql';
import { INDICATOR_MAP_SQL, indicatorMapParams } from './mapSql';

export const BARKING_AND_DAGENHAM: AreaRef = { code: 'E09000002', name: 'Barking and Dagenham' };
export const LONDON: AreaRef = { code: 'E12000007', name: 'London' };
export const ENGLAND: AreaRef = { code: 'E92000001', name: 'England' };

export interface BoroughProfile {
  readonly focus: AreaRef;
  readonly comparators: readonly AreaRef[];
  /** In display order. A figure whose data is not loaded is absent, with the reason in `missing`. */
  readonly figures: readonly FigureSpec[];
  readonly missing: readonly string[];
}

export async function buildBoroughProfile(
  engine: Engine,
  focus: AreaRef = BARKING_AND_DAGENHAM,
  comparators: readonly AreaRef[] = [LONDON, ENGLAND],
): Promise<BoroughProfile> {
  const codes = [focus.code, ...comparators.map((a) => a.code)];
  const figures: FigureSpec[] = [];
  const missing: string[] = [];

  const hle = await engine.query(latestIndicatorBySexSql(codes.length), [
    '%healthy life expectancy%',
    ...codes,
  ]);
  if (hle.numRows > 0) {
    figures.push(
      buildIndicatorBySex({
        id: 'hle-by-sex',
        measure: 'Healthy life expectancy at birth',
        unit: 'years',
        period: periodLabel(stringColumn(hle, 'period')[0] ?? ''),
        source:
          'Source: ONS, Subnational indicators explorer (August 2022): Male and Female Healthy Life Expectancy (HLE).',
        note: 'The source gives no confidence intervals, so differences are not tested for significance.',
        focus,
        comparators,
        decimals: 1,
        rows: {
          areaCode: stringColumn(hle, 'area_code'),
          sex: stringColumn(hle, 'sex'),
          value: numberColumn(hle, 'value'),
        },
      }),
    );
  } else {
    missing.push(
      'Healthy life expectancy: no ONS subnational HLE rows for these areas are loaded.',
    );
  }

  const bands: AgeBand[] = fiveYearBands(90);
  const pyramid = await engine.query(populationAgeBandsSql(codes.length), codes);
  if (pyramid.numRows > 0) {
    const year = numberColumn(pyramid, 'year')[0]!;
    figures.push(
      buildPopulationPyramid({
        id: 'population-pyramid',
        period: `mid-${String(year)}`,
        measure: 'ONS mid-year population estimates (2021 local authority boundaries)',
        source: `Source: ONS, Mid-${String(year)} population estimates, MYE2 males and females by single year of age (OGL v3.0).`,
        focus,
        comparators,
        bands,
        rows: {
          areaCode: stringColumn(pyramid, 'area_code'),
          band: stringColumn(pyramid, 'band'),
          sex: stringColumn(pyramid, 'sex'),
          percent: numberColumn(pyramid, 'percent'),
        },
      }),
    );
  } else {
    missing.push(
      'Population pyramid: no ONS mid-year estimates by sex for these areas are loaded.',
    );
  }

  const censusBands = fiveYearBands(85);
  const census = await engine.query(censusAgeBandsSql(codes.length), codes);
  if (census.numRows > 0) {
    figures.push(
      buildAgeStructure({
        id: 'census-age-structure',
        period: 'Census 2021',
        measure: 'Usual residents, Census 2021 table TS007 (age by single year)',
        source: 'Source: ONS, Census 2021, TS007 Age by single year of age, via Nomis (OGL v3.0).',
        focus,
        comparators,
        bands: censusBands,
        rows: {
          areaCode: stringColumn(census, 'area_code'),
          band: stringColumn(census, 'band'),
          percent: numberColumn(census, 'percent'),
        },
      }),
    );
  } else {
    missing.push('Census 2021 age structure: no TS007 rows for these areas are loaded.');
  }

  // Map of the focus borough among London's: LAD boundaries with E09 (London borough) codes.
  const map = await engine.query(
    INDICATOR_MAP_SQL,
    indicatorMapParams('male healthy life expectancy%', 'E09', 'LAD'),
  );
  const mapPeriod = stringColumn(map, 'period').find((p) => p !== null);
  if (map.numRows > 0 && mapPeriod !== undefined && mapPeriod !== null) {
    figures.push(
      buildChoroplethMap({
        id: 'hle-male-map-london',
        measure: 'Male healthy life expectancy at birth',
        unit: 'years',
        period: periodLabel(mapPeriod),
        source:
          'Source: ONS, Subnational indicators explorer (August 2022): Male Healthy Life Expectancy (HLE). Boundaries: ONS, LAD May 2024 BSC (OGL v3.0).',
        note: 'The source gives no confidence intervals, so differences are not tested for significance.',
        areaLabel: 'London boroughs',
        focus,
        decimals: 1,
        rows: {
          areaCode: stringColumn(map, 'code'),
          areaName: stringColumn(map, 'name'),
          geometryJson: stringColumn(map, 'geometry_json'),
          value: numberColumn(map, 'value'),
        },
      }),
    );
  } else {
    missing.push(
      'Map of London: needs London borough boundaries (LAD, E09 codes) and ONS male HLE loaded.',
    );
  }

  return { focus, comparators, figures, missing };
}
