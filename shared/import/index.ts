/**
 * The importer's public API: `importFile` loads one file into the canonical tables
 * (shared/model/schema.ts) in one transaction, detecting the format from the content (never
 * the file name). The app, the command line and workspace code call only what is exported
 * here.
 */
import type { Engine } from '../engine/engine';
import { JSON_FORMATS, TABULAR_FORMATS } from './formats/registry';
import { runImport } from './pipeline';
import type { ImportInput, ImportOptions, ImportReport } from './types';

export type {
  CancelSignal,
  ColumnMapping,
  ColumnPreview,
  DuplicateReport,
  ImportedReport,
  ImportInput,
  ImportOptions,
  ImportProblem,
  ImportProgress,
  ImportReport,
  MappingField,
  MappingStore,
  NeedsMappingReport,
  ProblemCode,
  ProblemSeverity,
} from './types';
export { ImportError, isImportError, type ImportErrorKind } from './errors';
export { emptyMappingStore, findMapping, headerSignature, parseMappingStore, rememberMapping } from './mappingStore';
export { checkAreaCode, RETIRED_CODES, type RetiredCode } from './areaCodes';
export { PER_CODE_LIMIT } from './problems';

/** Every format recognised by content, for help text and the command line's `--list-formats`. */
export const SUPPORTED_FORMATS: readonly { readonly id: string; readonly label: string }[] = [
  ...TABULAR_FORMATS.map(({ id, label }) => ({ id, label })),
  ...JSON_FORMATS.map(({ id, label }) => ({ id, label })),
  { id: 'geojson-boundaries', label: 'Boundaries (GeoJSON FeatureCollection, e.g. ONS LAD24CD/LSOA11CD)' },
  { id: 'generic-mapped', label: 'Any CSV/XLSX table, with a column mapping' },
];

/**
 * Import one file. Creates the canonical tables if needed.
 *
 * Resolves with `imported`, `duplicate` (same SHA-256 seen before and `onDuplicate` is
 * `skip`) or `needs-mapping` (an unrecognised table: call again with `options.mapping`).
 * Rejects with an `ImportError` naming file, row, column and what to do; when it rejects,
 * or is cancelled through `options.signal`, the database is exactly as it was before.
 */
export function importFile(
  engine: Engine,
  input: ImportInput,
  options: ImportOptions = {},
): Promise<ImportReport> {
  return runImport(engine, input, options);
}
