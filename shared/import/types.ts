/**
 * The public contract of the importer: what `importFile` takes and what it reports. The app
 * (renderer), the command line and the workspace code all build on these types, so they change
 * only by addition.
 */
import type { CanonicalTable } from '../model/schema';

/** A file to import: its name (for messages and provenance only) and its bytes. */
/**
 * Saved column mappings keyed by header signature (mappingStore.ts). Plain JSON: the app keeps
 * it in the workspace settings.
 */
export interface MappingStore {
  readonly version: 1;
  readonly entries: Readonly<Record<string, { readonly header: readonly string[]; readonly mapping: ColumnMapping; readonly savedAt: string }>>;
}

export interface ImportInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * The one part of `AbortSignal` the importer needs. Declared structurally so that shared/
 * compiles without the DOM library; a real `AbortSignal` satisfies it.
 */
export interface CancelSignal {
  readonly aborted: boolean;
}

export interface ImportProgress {
  /** Data rows read so far. */
  readonly rowsDone: number;
  /** Data rows in the file: estimated from the bytes read while parsing, exact when done. */
  readonly rowsTotal: number;
  readonly phase: 'decoding' | 'parsing' | 'validating' | 'writing' | 'done';
}

/** Canonical fields a generic table's columns can be mapped to. */
export type MappingField =
  | 'area_code'
  | 'area_name'
  | 'indicator'
  | 'period'
  | 'sex'
  | 'age'
  | 'category_type'
  | 'category'
  | 'value'
  | 'lower95'
  | 'upper95'
  | 'lower998'
  | 'upper998'
  | 'count'
  | 'denominator'
  | 'value_note';

/**
 * How a generic table's columns become observations: canonical field -> source column header.
 * `area_code`, `period` and `value` are required, plus either an `indicator` column or a fixed
 * `indicatorName`. Plain JSON so it can be stored and reused (see mappingStore.ts).
 */
export interface ColumnMapping {
  readonly columns: Partial<Readonly<Record<MappingField, string>>>;
  /** Used when the file has no indicator column (one indicator per file). */
  readonly indicatorName?: string;
}

export interface ImportOptions {
  /** What to do when a file with the same SHA-256 was imported before. Default `skip`. */
  readonly onDuplicate?: 'skip' | 'replace';
  /** Keep rows that fail validation (flagged in `observation.flags`) or drop them. Default `keep`. */
  readonly flaggedRows?: 'keep' | 'drop';
  /** Mapping for a generic table (from a previous `needs-mapping` report or a mapping store). */
  readonly mapping?: ColumnMapping;
  /** Saved mappings (mappingStore.ts): a generic table whose header was mapped before reuses it. */
  readonly mappingStore?: MappingStore;
  /**
   * Area codes known to the workspace (e.g. from the shipped geography lookups). When given,
   * codes not in it are reported as `unknown-area-code`; when absent only the code's shape and
   * the built-in list of retired codes are checked.
   */
  readonly knownAreaCodes?: ReadonlySet<string>;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Cancel: the import stops at the next batch and everything it wrote is rolled back. */
  readonly signal?: CancelSignal;
  /** Clock for `imported_at` (tests pin it). Default: now. */
  readonly now?: () => Date;
}

export type ProblemSeverity = 'error' | 'warning' | 'info';

/**
 * One thing the analyst should know about, located precisely: which file, which data row
 * (1-based, header excluded; physical line where known), which column, what is wrong and
 * what to do about it.
 */
export interface ImportProblem {
  readonly code: ProblemCode;
  readonly severity: ProblemSeverity;
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly message: string;
  readonly action: string;
}

export type ProblemCode =
  | 'suppressed-value'
  | 'unreadable-number'
  | 'unknown-area-code'
  | 'old-area-code'
  | 'malformed-area-code'
  | 'duplicate-key'
  | 'implausible-value'
  | 'ci-excludes-value'
  | 'formula-like-text'
  | 'ragged-row'
  | 'trailing-notes'
  | 'encoding'
  | 'other';

/** A column summary for the mapping screen. */
export interface ColumnPreview {
  readonly header: string;
  /** First few non-empty values, as text. */
  readonly samples: readonly string[];
  /** Share of sampled non-empty cells that read as numbers (after suppression markers). */
  readonly numericShare: number;
}

interface ReportBase {
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
}

/** The file was loaded. */
export interface ImportedReport extends ReportBase {
  readonly status: 'imported';
  readonly sourceFileId: number;
  /** Detected format id, e.g. `fingertips-data`. */
  readonly format: string;
  /** Human label for the format, e.g. "Fingertips data export". */
  readonly formatLabel: string;
  readonly encoding: string;
  /** Data rows read from the file. */
  readonly rowsRead: number;
  /** Rows written, per canonical table. */
  readonly rowsWritten: Partial<Record<CanonicalTable, number>>;
  /** Rows dropped because of `flaggedRows: 'drop'`. */
  readonly rowsDropped: number;
  /** Set when an earlier import of the same bytes was replaced. */
  readonly replacedSourceFileId?: number;
  readonly problems: readonly ImportProblem[];
  /** More problems of these codes were found than are listed (lists are capped per code). */
  readonly problemsTruncated: Partial<Record<ProblemCode, number>>;
  readonly elapsedMs: number;
}

/** The same bytes were imported before and `onDuplicate` was `skip`: nothing changed. */
export interface DuplicateReport extends ReportBase {
  readonly status: 'duplicate';
  readonly existingSourceFileId: number;
  readonly existingName: string;
}

/** A table the importer does not recognise: choose a mapping and import again with it. */
export interface NeedsMappingReport extends ReportBase {
  readonly status: 'needs-mapping';
  readonly encoding: string;
  /** Stable key for this header (mappingStore.ts), to remember the mapping. */
  readonly headerSignature: string;
  readonly columns: readonly ColumnPreview[];
  readonly rowsTotal: number;
  readonly suggested: ColumnMapping;
}

export type ImportReport = ImportedReport | DuplicateReport | NeedsMappingReport;
