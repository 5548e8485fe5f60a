/**
 * The workspace manifest (`workspace.json`): what a saved workspace contains and where it came
 * from. Plain JSON beside one Parquet file per table, so that R (`arrow::read_parquet`) and
 * Python (`pandas.read_parquet`) users can read the data without the app, and so that a reviewer
 * can see the provenance (source files, their SHA-256) and settings (localities, peer groups,
 * column mappings) in a text editor.
 */

export const MANIFEST_FORMAT = 'jsna-workbench-workspace';
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'workspace.json';

export interface ManifestColumn {
  readonly name: string;
  /** DuckDB type as DESCRIBE reports it, e.g. `VARCHAR`, `DOUBLE`, `DATE`. */
  readonly type: string;
}

export interface ManifestTable {
  readonly name: string;
  /** Path of the Parquet file, relative to the workspace folder (always `tables/<name>.parquet`). */
  readonly file: string;
  readonly rows: number;
  readonly columns: readonly ManifestColumn[];
}

/** One imported file, copied from `source_file` so provenance is readable without DuckDB. */
export interface ManifestSource {
  readonly id: number;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: string;
  readonly importedAt: string;
  readonly rows: number;
}

export interface WorkspaceManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly formatVersion: typeof MANIFEST_VERSION;
  readonly appVersion: string;
  /** ISO 8601 UTC. */
  readonly savedAt: string;
  readonly tables: readonly ManifestTable[];
  readonly sources: readonly ManifestSource[];
  /**
   * Settings as the app stores them. `localities` and `peerGroups` are copies of the
   * `area`/`locality_member` and `peer_group` tables (the tables are what reopening restores);
   * anything else (e.g. `mappings`, chosen comparators) is kept verbatim.
   */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** A manifest that cannot be used, with what is wrong in words. */
export class WorkspaceError extends Error {
  override readonly name = 'WorkspaceError';
}

const TABLE_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** The DuckDB types a workspace may declare: plain scalar types only (they are put into DDL). */
const COLUMN_TYPE =
  /^(VARCHAR|DOUBLE|FLOAT|INTEGER|BIGINT|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|BOOLEAN|DATE|TIMESTAMP|TIMESTAMP WITH TIME ZONE|TIME|BLOB|DECIMAL\(\d{1,2},\d{1,2}\)|VARCHAR\[\])$/;

export function isSafeTableName(name: string): boolean {
  return TABLE_NAME.test(name);
}
export function isSafeColumnType(type: string): boolean {
  return COLUMN_TYPE.test(type);
}

/** Parse and check `workspace.json`. Every problem names the field and what to do. */
export function parseManifest(text: string): WorkspaceManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new WorkspaceError(
      `${MANIFEST_FILE} is not valid JSON (${error instanceof Error ? error.message : String(error)}). Restore it from a backup or re-import the source files.`,
    );
  }
  const m = raw as Partial<WorkspaceManifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT)
    throw new WorkspaceError(
      `${MANIFEST_FILE} is not a JSNA Workbench workspace manifest (no "format": "${MANIFEST_FORMAT}").`,
    );
  if (m.formatVersion !== MANIFEST_VERSION)
    throw new WorkspaceError(
      `${MANIFEST_FILE} has format version ${String(m.formatVersion)}; this version of the app reads version ${String(MANIFEST_VERSION)}. Open it with the app version that saved it (${String(m.appVersion)}).`,
    );
  if (!Array.isArray(m.tables))
    throw new WorkspaceError(`${MANIFEST_FILE}: "tables" must be a list.`);
  for (const t of m.tables) {
    if (typeof t.name !== 'string' || !isSafeTableName(t.name))
      throw new WorkspaceError(
        `${MANIFEST_FILE}: table name ${JSON.stringify(t.name)} is not allowed (lower-case letters, digits, _).`,
      );
    if (t.file !== `tables/${t.name}.parquet`)
      throw new WorkspaceError(
        `${MANIFEST_FILE}: table "${t.name}" must be stored as tables/${t.name}.parquet, not ${JSON.stringify(t.file)}.`,
      );
    if (!Number.isSafeInteger(t.rows) || t.rows < 0)
      throw new WorkspaceError(`${MANIFEST_FILE}: table "${t.name}" has an invalid row count.`);
    if (!Array.isArray(t.columns) || t.columns.length === 0)
      throw new WorkspaceError(`${MANIFEST_FILE}: table "${t.name}" lists no columns.`);
    for (const c of t.columns)
      if (
        typeof c.name !== 'string' ||
        c.name.length === 0 ||
        typeof c.type !== 'string' ||
        !isSafeColumnType(c.type)
      )
        throw new WorkspaceError(
          `${MANIFEST_FILE}: table "${t.name}" column ${JSON.stringify(c.name)} has an unsupported type ${JSON.stringify(c.type)}.`,
        );
  }
  if (!Array.isArray(m.sources))
    throw new WorkspaceError(`${MANIFEST_FILE}: "sources" must be a list.`);
  if (m.settings === null || typeof m.settings !== 'object' || Array.isArray(m.settings))
    throw new WorkspaceError(`${MANIFEST_FILE}: "settings" must be an object.`);
  return m as WorkspaceManifest;
}

export function serializeManifest(manifest: WorkspaceManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
