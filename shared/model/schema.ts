/**
 * The canonical data model (DESIGN.md "Canonical data model"): DuckDB DDL plus the TypeScript
 * row types that mirror it. Every importer writes these tables and nothing else; every
 * analysis reads them. Each data row points back to `source_file` so that a file can be
 * replaced or removed as one unit and every number can be traced to the file it came from.
 *
 * No primary-key or foreign-key constraints: DuckDB checks them row by row on bulk Arrow
 * inserts and cannot update a constrained key inside a transaction, and the importer already
 * validates keys and reports duplicates as problems the analyst can act on.
 */
import type { Engine } from '../engine/engine';

/**
 * Polarity as stored (snake case). `not_applicable` is for contextual indicators (e.g. counts).
 * Analyses use the kebab-case `Polarity` of vocabulary.ts; translate with its helpers.
 */
export type { StoredPolarity } from './vocabulary';
import type { StoredPolarity } from './vocabulary';

/** Why a value is missing. Kept beside the null so analyses can say "suppressed", not "zero". */
export type NullReason =
  | 'suppressed' // `*`, `c`, `x` (ONS/Fingertips disclosure control)
  | 'not_available' // `..`, `:`, `N/A`, `-`
  | 'not_applicable' // `z` (ONS "not applicable")
  | 'blank' // empty cell
  | 'invalid'; // a value the importer could not read as a number; reported as a problem

export interface SourceFileRow {
  id: number;
  name: string;
  size: number;
  sha256: string;
  /** Detected format id, e.g. `fingertips-data`, `nomis-bulk` (see shared/import/formats). */
  format: string;
  /** ISO 8601 UTC timestamp. */
  imported_at: string;
  /** Rows written to the canonical tables from this file. */
  rows: number;
  /** JSON text: the import's problem list (shared/import/problems.ts `ImportProblem[]`). */
  warnings: string;
}

export interface AreaRow {
  code: string;
  name: string | null;
  /** e.g. `England`, `Region`, `County & UA`, `District & UA`, `LSOA`, `MSOA`, `user locality`. */
  type: string | null;
  parent_code: string | null;
  /** Boundary vintage the code belongs to, e.g. `2021` (LSOA21) or `2019` (LAD19); null if unknown. */
  vintage: string | null;
  /** Where the row came from: `source_file:<id>` or `lookup:<name>`. */
  source: string | null;
}

export interface IndicatorRow {
  id: string;
  name: string | null;
  unit: string | null;
  /** e.g. `Proportion`, `Crude rate`, `Directly standardised rate`, `Life expectancy`. */
  value_type: string | null;
  polarity: StoredPolarity | null;
  /** Value scale, e.g. 100 for a percentage, 100000 for a rate per 100,000. */
  multiplier: number | null;
  definition: string | null;
  source: string | null;
}

export interface ObservationRow {
  indicator_id: string;
  area_code: string;
  area_name: string | null;
  area_type: string | null;
  /** The period as published, e.g. `2015`, `2018 - 20`, `2019/20`. */
  period: string;
  /** Sortable start/end of the period (ISO dates, inclusive); null when not parseable. */
  period_start: string | null;
  period_end: string | null;
  sex: string | null;
  age: string | null;
  category_type: string | null;
  category: string | null;
  value: number | null;
  lower95: number | null;
  upper95: number | null;
  lower998: number | null;
  upper998: number | null;
  /** Standard error where the source gives one (PHEindicatormethods test data, NCMP). */
  standard_error: number | null;
  count: number | null;
  denominator: number | null;
  value_note: string | null;
  /** Why `value` is null (suppression marker etc.); null when a value is present. */
  null_reason: NullReason | null;
  recent_trend: string | null;
  compared_to_england: string | null;
  compared_to_region: string | null;
  /** Validation flags the analyst chose to keep, `;`-separated problem codes. */
  flags: string | null;
  source_file_id: number;
  /** 1-based data row in the source file (header excluded), for tracing problems. */
  source_row: number;
}

export interface PopulationRow {
  area_code: string;
  year: number;
  sex: string;
  /** e.g. `0`, `90+`, `0-4`, `All ages`. */
  age_band: string;
  age_min: number | null;
  /** Null for an open-ended band (`90+`). */
  age_max: number | null;
  /** Optional breakdown, e.g. category_type `IMD2019 decile`, category `1`. */
  category_type: string | null;
  category: string | null;
  count: number | null;
  source_file_id: number;
}

export interface DeprivationRow {
  lsoa_code: string;
  lsoa_name: string | null;
  lad_code: string | null;
  lad_name: string | null;
  /** e.g. `IMD2019`. */
  vintage: string;
  imd_score: number | null;
  imd_rank: number | null;
  imd_decile: number | null;
  source_file_id: number;
}

/** Long form of everything else in the IoD: domain ranks/deciles, MSOA and LAD summaries. */
export interface DeprivationMeasureRow {
  area_code: string;
  /** `LSOA`, `MSOA` or `LAD`. */
  area_level: string;
  vintage: string;
  /** e.g. `IMD`, `Income`, `Employment`, `Living Environment`. */
  domain: string;
  /** e.g. `rank`, `decile`, `score`, `average_rank`, `proportion_bottom_decile`. */
  measure: string;
  value: number | null;
  source_file_id: number;
}

export interface CensusRow {
  /** e.g. `TS007`, `TS007A`, `TS021`. */
  table_id: string;
  area_code: string;
  area_name: string | null;
  /** e.g. `ltla`, `utla`, `rgn`, `ctry`, `lsoa`. */
  geography_level: string | null;
  /** e.g. `Age`, `Ethnic group`. */
  dimension: string;
  category: string;
  count: number | null;
  null_reason: NullReason | null;
  source_file_id: number;
}

/** A standard population (ESP2013 ships built in; see standardPopulation.ts). */
export interface StandardPopulationRow {
  name: string;
  age_band: string;
  age_min: number;
  age_max: number | null;
  count: number;
  source_file_id: number | null;
}

/** Fingertips reference lookups (agedata.csv, categories.csv) and life-course stage sets. */
export interface LookupRow {
  /** e.g. `fingertips_age`, `fingertips_category`, `lifecourse_stage`. */
  lookup: string;
  key: string;
  label: string | null;
  /** Remaining columns as JSON text, e.g. `{"MinYears":0,"MaxYears":4}`. */
  attributes: string;
  sequence: number | null;
  source_file_id: number;
}

/** Table names, in the order they are created (source_file first: everything points to it). */
export const CANONICAL_TABLES = [
  'source_file',
  'area',
  'indicator',
  'observation',
  'population',
  'deprivation',
  'deprivation_measure',
  'census',
  'standard_population',
  'lookup',
  'boundary',
] as const;
export type CanonicalTable = (typeof CANONICAL_TABLES)[number];

/** Tables whose rows carry `source_file_id` and are removed with their file. */
export const FILE_OWNED_TABLES = [
  'observation',
  'population',
  'deprivation',
  'deprivation_measure',
  'census',
  'standard_population',
  'lookup',
  'boundary',
] as const satisfies readonly CanonicalTable[];

const NULL_REASON = `VARCHAR CHECK (null_reason IS NULL OR null_reason IN ('suppressed','not_available','not_applicable','blank','invalid'))`;

/** DDL for each table. `IF NOT EXISTS` so that opening a saved workspace is idempotent. */
export const SCHEMA_DDL: Readonly<Record<CanonicalTable, string>> = {
  source_file: `CREATE TABLE IF NOT EXISTS source_file (
    id INTEGER NOT NULL, name VARCHAR NOT NULL, size BIGINT NOT NULL, sha256 VARCHAR NOT NULL,
    format VARCHAR NOT NULL, imported_at VARCHAR NOT NULL, rows BIGINT NOT NULL, warnings VARCHAR NOT NULL)`,
  area: `CREATE TABLE IF NOT EXISTS area (
    code VARCHAR NOT NULL, name VARCHAR, type VARCHAR, parent_code VARCHAR, vintage VARCHAR, source VARCHAR)`,
  indicator: `CREATE TABLE IF NOT EXISTS indicator (
    id VARCHAR NOT NULL, name VARCHAR, unit VARCHAR, value_type VARCHAR,
    polarity VARCHAR CHECK (polarity IS NULL OR polarity IN ('high_is_good','low_is_good','no_judgement','not_applicable')),
    multiplier DOUBLE, definition VARCHAR, source VARCHAR)`,
  observation: `CREATE TABLE IF NOT EXISTS observation (
    indicator_id VARCHAR NOT NULL, area_code VARCHAR NOT NULL, area_name VARCHAR, area_type VARCHAR,
    period VARCHAR NOT NULL, period_start DATE, period_end DATE,
    sex VARCHAR, age VARCHAR, category_type VARCHAR, category VARCHAR,
    value DOUBLE, lower95 DOUBLE, upper95 DOUBLE, lower998 DOUBLE, upper998 DOUBLE, standard_error DOUBLE,
    count DOUBLE, denominator DOUBLE, value_note VARCHAR, null_reason ${NULL_REASON},
    recent_trend VARCHAR, compared_to_england VARCHAR, compared_to_region VARCHAR, flags VARCHAR,
    source_file_id INTEGER NOT NULL, source_row INTEGER NOT NULL)`,
  population: `CREATE TABLE IF NOT EXISTS population (
    area_code VARCHAR NOT NULL, year INTEGER NOT NULL, sex VARCHAR NOT NULL, age_band VARCHAR NOT NULL,
    age_min INTEGER, age_max INTEGER, category_type VARCHAR, category VARCHAR, count DOUBLE,
    source_file_id INTEGER NOT NULL)`,
  deprivation: `CREATE TABLE IF NOT EXISTS deprivation (
    lsoa_code VARCHAR NOT NULL, lsoa_name VARCHAR, lad_code VARCHAR, lad_name VARCHAR, vintage VARCHAR NOT NULL,
    imd_score DOUBLE, imd_rank INTEGER, imd_decile INTEGER, source_file_id INTEGER NOT NULL)`,
  deprivation_measure: `CREATE TABLE IF NOT EXISTS deprivation_measure (
    area_code VARCHAR NOT NULL, area_level VARCHAR NOT NULL, vintage VARCHAR NOT NULL, domain VARCHAR NOT NULL,
    measure VARCHAR NOT NULL, value DOUBLE, source_file_id INTEGER NOT NULL)`,
  census: `CREATE TABLE IF NOT EXISTS census (
    table_id VARCHAR NOT NULL, area_code VARCHAR NOT NULL, area_name VARCHAR, geography_level VARCHAR,
    dimension VARCHAR NOT NULL, category VARCHAR NOT NULL, count DOUBLE, null_reason ${NULL_REASON},
    source_file_id INTEGER NOT NULL)`,
  standard_population: `CREATE TABLE IF NOT EXISTS standard_population (
    name VARCHAR NOT NULL, age_band VARCHAR NOT NULL, age_min INTEGER NOT NULL, age_max INTEGER,
    count DOUBLE NOT NULL, source_file_id INTEGER)`,
  lookup: `CREATE TABLE IF NOT EXISTS lookup (
    lookup VARCHAR NOT NULL, key VARCHAR NOT NULL, label VARCHAR, attributes VARCHAR NOT NULL,
    sequence INTEGER, source_file_id INTEGER NOT NULL)`,
  // Area polygons for maps (GeoJSON imports; shared/boundaries). level and vintage come from the
  // ONS property name (LAD24CD -> LAD, 2024); geometry is GeoJSON text, drawn by the renderer.
  boundary: `CREATE TABLE IF NOT EXISTS boundary (
    code VARCHAR NOT NULL, name VARCHAR NOT NULL, level VARCHAR NOT NULL, vintage INTEGER,
    geometry_json VARCHAR NOT NULL, min_lon DOUBLE, min_lat DOUBLE, max_lon DOUBLE, max_lat DOUBLE,
    source_file_id INTEGER NOT NULL)`,
};

/** Create every canonical table that does not exist yet. Safe to call repeatedly. */
export async function createSchema(engine: Engine): Promise<void> {
  for (const table of CANONICAL_TABLES) await engine.exec(SCHEMA_DDL[table]);
}
