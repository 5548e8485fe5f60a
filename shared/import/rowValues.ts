/**
 * Row objects to column-ordered values, one hand-written function per table. Formats build
 * readable row objects; reading them back with a dynamic key in a loop (`row[name]`) made
 * V8's property lookups megamorphic and cost several microseconds per cell on large census
 * files (measured with --cpu-prof), so each table's columns are read by name here, in the
 * order of TABLE_COLUMNS (sink.ts; a test checks they agree).
 */
import type { CanonicalTable } from '../model/schema';
import type { SinkRow, SinkValue } from './sink';

type ToValues = (r: SinkRow, sourceFileId: number) => SinkValue[];
const v = (x: SinkValue | undefined): SinkValue => (x === undefined ? null : x);

export const ROW_VALUES: Readonly<Record<CanonicalTable, ToValues>> = {
  source_file: (r) => [v(r.id), v(r.name), v(r.size), v(r.sha256), v(r.format), v(r.imported_at), v(r.rows), v(r.warnings)],
  area: (r) => [v(r.code), v(r.name), v(r.type), v(r.parent_code), v(r.vintage), v(r.source)],
  indicator: (r) => [v(r.id), v(r.name), v(r.unit), v(r.value_type), v(r.polarity), v(r.multiplier), v(r.definition), v(r.source)],
  observation: (r, id) => [
    v(r.indicator_id), v(r.area_code), v(r.area_name), v(r.area_type),
    v(r.period), v(r.period_start), v(r.period_end),
    v(r.sex), v(r.age), v(r.category_type), v(r.category),
    v(r.value), v(r.lower95), v(r.upper95), v(r.lower998), v(r.upper998), v(r.standard_error),
    v(r.count), v(r.denominator), v(r.value_note), v(r.null_reason),
    v(r.recent_trend), v(r.compared_to_england), v(r.compared_to_region), v(r.flags),
    id, v(r.source_row),
  ],
  population: (r, id) => [v(r.area_code), v(r.year), v(r.sex), v(r.age_band), v(r.age_min), v(r.age_max), v(r.category_type), v(r.category), v(r.count), id],
  deprivation: (r, id) => [v(r.lsoa_code), v(r.lsoa_name), v(r.lad_code), v(r.lad_name), v(r.vintage), v(r.imd_score), v(r.imd_rank), v(r.imd_decile), id],
  deprivation_measure: (r, id) => [v(r.area_code), v(r.area_level), v(r.vintage), v(r.domain), v(r.measure), v(r.value), id],
  census: (r, id) => [v(r.table_id), v(r.area_code), v(r.area_name), v(r.geography_level), v(r.dimension), v(r.category), v(r.count), v(r.null_reason), id],
  standard_population: (r, id) => [v(r.name), v(r.age_band), v(r.age_min), v(r.age_max), v(r.count), id],
  lookup: (r, id) => [v(r.lookup), v(r.key), v(r.label), v(r.attributes), v(r.sequence), id],
  boundary: (r, id) => [v(r.code), v(r.name), v(r.level), v(r.vintage), v(r.geometry_json), v(r.min_lon), v(r.min_lat), v(r.max_lon), v(r.max_lat), id],
};
