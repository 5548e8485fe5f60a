/**
 * Save the loaded tables as a workspace (one Parquet file per table plus workspace.json) and
 * restore them identically. Pure: it turns an engine into bytes and back; main/workspace writes
 * the bytes to a folder (Node) and the renderer offers them as downloads (browser).
 *
 * Parquet goes through a codec (parquet-wasm, Arrow IPC <-> Parquet) because duckdb-wasm cannot
 * use its parquet extension offline (STACK-NOTES.md: COPY ... parquet hangs Node forever).
 * Reopening recreates each table from its DDL (canonical and geography tables) or from the
 * column types in the manifest, then inserts the Parquet rows into it, so that types are exactly
 * those that were saved (DATE stays DATE, INTEGER stays INTEGER) whatever Arrow made of them.
 */
import { ipcStreamOf } from './arrowIpc';
import type { Engine } from '../engine/engine';
import { inTransaction } from '../engine/engine';
import { ident } from '../engine/sql';
import { SCHEMA_DDL } from '../model/schema';
import { GEOGRAPHY_DDL } from '../geography/areaTable';
import { readLocalities } from '../geography/localities';
import { readPeerGroups } from '../geography/peerGroups';
import {
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type ManifestColumn,
  type ManifestSource,
  type ManifestTable,
  type WorkspaceManifest,
  WorkspaceError,
  isSafeColumnType,
  isSafeTableName,
} from './manifest';

/** Arrow IPC stream <-> Parquet file bytes (parquet-wasm; Node and browser load it differently). */
export interface ParquetCodec {
  toParquet(arrowIpcStream: Uint8Array): Uint8Array;
  fromParquet(parquet: Uint8Array): Uint8Array;
}

export interface WorkspaceSnapshot {
  readonly manifest: WorkspaceManifest;
  /** Relative path (`tables/<name>.parquet`) -> Parquet bytes. */
  readonly files: ReadonlyMap<string, Uint8Array>;
}

export interface SnapshotOptions {
  readonly appVersion: string;
  /** Extra settings kept verbatim (e.g. `mappings`); localities and peer groups are added. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly now?: () => Date;
}

const KNOWN_DDL: Readonly<Record<string, string>> = { ...SCHEMA_DDL, ...GEOGRAPHY_DDL };

async function userTables(engine: Engine): Promise<string[]> {
  const t = await engine.query(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  // Staging tables (leading underscore) are transient by convention and never saved.
  return (t.getChild('table_name')!.toArray() as string[]).filter((n) => !n.startsWith('_'));
}

async function describe(engine: Engine, table: string): Promise<ManifestColumn[]> {
  const t = await engine.query(`DESCRIBE ${ident(table)}`);
  const names = t.getChild('column_name')!.toArray() as string[];
  const types = t.getChild('column_type')!.toArray() as string[];
  return names.map((name, i) => ({ name, type: types[i]! }));
}

async function sources(engine: Engine, tables: readonly string[]): Promise<ManifestSource[]> {
  if (!tables.includes('source_file')) return [];
  const t = await engine.query(
    `SELECT id, name, sha256, size::DOUBLE AS size, format, imported_at, rows::DOUBLE AS rows FROM source_file ORDER BY id`,
  );
  return t.toArray().map((r: Record<string, unknown>) => ({
    id: r.id as number,
    name: r.name as string,
    sha256: r.sha256 as string,
    size: r.size as number,
    format: r.format as string,
    importedAt: r.imported_at as string,
    rows: r.rows as number,
  }));
}

/** Everything loaded in `engine`, as a manifest and Parquet files. */
export async function snapshotWorkspace(
  engine: Engine,
  codec: ParquetCodec,
  options: SnapshotOptions,
): Promise<WorkspaceSnapshot> {
  const names = await userTables(engine);
  const files = new Map<string, Uint8Array>();
  const tables: ManifestTable[] = [];
  for (const name of names) {
    if (!isSafeTableName(name))
      throw new WorkspaceError(
        `Table "${name}" cannot be saved: rename it to lower-case letters, digits and _.`,
      );
    const columns = await describe(engine, name);
    const bad = columns.find((c) => !isSafeColumnType(c.type));
    if (bad)
      throw new WorkspaceError(
        `Table "${name}" column "${bad.name}" has type ${bad.type}, which a workspace cannot store.`,
      );
    const data = await engine.query(`SELECT * FROM ${ident(name)}`);
    const file = `tables/${name}.parquet`;
    files.set(file, codec.toParquet(ipcStreamOf(data)));
    tables.push({ name, file, rows: data.numRows, columns });
  }
  const settings: Record<string, unknown> = { ...options.settings };
  if (names.includes('locality_member')) settings.localities = await readLocalities(engine);
  if (names.includes('peer_group')) settings.peerGroups = await readPeerGroups(engine);
  const manifest: WorkspaceManifest = {
    format: MANIFEST_FORMAT,
    formatVersion: MANIFEST_VERSION,
    appVersion: options.appVersion,
    savedAt: (options.now ?? (() => new Date()))().toISOString(),
    tables,
    sources: await sources(engine, names),
    settings,
  };
  return { manifest, files };
}

function createSql(table: ManifestTable): string {
  const known = KNOWN_DDL[table.name];
  if (known !== undefined) return known;
  const columns = table.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  return `CREATE TABLE ${ident(table.name)} (${columns})`;
}

/**
 * Restore a workspace into `engine`, replacing any table of the same name. All or nothing: if a
 * file is missing or unreadable, or a row count differs from the manifest, every table is as it
 * was before the call.
 */
export async function restoreWorkspace(
  engine: Engine,
  codec: ParquetCodec,
  manifest: WorkspaceManifest,
  readFile: (relativePath: string) => Promise<Uint8Array>,
): Promise<void> {
  // Read and decode every file before touching the database.
  const ipc = new Map<string, Uint8Array>();
  for (const table of manifest.tables) {
    if (table.rows === 0) continue;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(table.file);
    } catch (error) {
      throw new WorkspaceError(
        `${table.file} could not be read (${error instanceof Error ? error.message : String(error)}); the workspace is incomplete. Restore the file or re-import the data.`,
      );
    }
    try {
      ipc.set(table.name, codec.fromParquet(bytes));
    } catch (error) {
      throw new WorkspaceError(
        `${table.file} is not a readable Parquet file (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  }
  await inTransaction(engine, async () => {
    for (const table of manifest.tables) {
      await engine.exec(`DROP TABLE IF EXISTS ${ident(table.name)}`);
      await engine.exec(createSql(table));
      const data = ipc.get(table.name);
      if (data === undefined) continue;
      const stage = `_workspace_${table.name}`;
      await engine.exec(`DROP TABLE IF EXISTS ${ident(stage)}`);
      await engine.insertArrowIPC(stage, data, 'create');
      await engine.exec(`INSERT INTO ${ident(table.name)} BY NAME SELECT * FROM ${ident(stage)}`);
      await engine.exec(`DROP TABLE ${ident(stage)}`);
      const t = await engine.query(`SELECT count(*)::DOUBLE AS n FROM ${ident(table.name)}`);
      const rows = t.getChild('n')!.get(0) as number;
      if (rows !== table.rows)
        throw new WorkspaceError(
          `${table.file} has ${String(rows)} rows but the manifest says ${String(table.rows)}; the file may have been replaced.`,
        );
    }
  });
}
