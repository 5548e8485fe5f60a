/**
 * The Engine: the one narrow contract every part of the workbench uses to talk to DuckDB.
 *
 * Two implementations run the same SQL: the renderer's (duckdb-wasm in a Web Worker, wasm
 * bundled with the app) and Node's (duckdb-wasm's blocking Node build, for tests, benchmarks and
 * the command line). Modelled on uwdata/mosaic's connector: results come back as Arrow tables;
 * errors carry the SQL that failed.
 */
import type { Table } from 'apache-arrow';

/** A value bound to a `?` placeholder. Never paste values into SQL text. */
export type SqlParam = string | number | bigint | boolean | null;

export interface Engine {
  /** Run one statement, binding `params` to its `?` placeholders, and return the result. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Run one or more statements that return nothing of interest (DDL, BEGIN/COMMIT). */
  exec(sql: string): Promise<void>;
  /** Make `bytes` readable from SQL under `name` (e.g. `read_csv(?)` with that name). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Forget a registered file; a no-op if there is none. */
  dropFile(name: string): Promise<void>;
  /** The bytes of a file DuckDB wrote under `name` (e.g. by `COPY ... TO`). */
  readFile(name: string): Promise<Uint8Array>;
  /** Create (or append to) `table` from Arrow IPC stream bytes. */
  insertArrowIPC(table: string, ipc: Uint8Array, mode: 'create' | 'append'): Promise<void>;
  /** Release the database. The engine must not be used afterwards. */
  close(): Promise<void>;
}

/** A query that DuckDB rejected, with the SQL that failed (first 2,000 characters). */
export class EngineQueryError extends Error {
  override readonly name = 'EngineQueryError';
  constructor(
    override readonly cause: unknown,
    readonly sql: string,
  ) {
    super(
      `${cause instanceof Error ? cause.message : String(cause)}\n-- while running:\n${sql.slice(0, 2000)}`,
    );
  }
}

/**
 * Settings applied when any engine starts. duckdb-wasm cannot fetch extensions offline and in
 * Node an autoload attempt hangs the process forever (STACK-NOTES.md), so autoload and
 * autoinstall are switched off before anything else runs.
 */
export const ENGINE_STARTUP_SQL = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
] as const;

/**
 * Run `work` inside one transaction: everything it does is committed together, or, if it
 * throws, rolled back so that tables loaded earlier are exactly as they were.
 */
export async function inTransaction<T>(engine: Engine, work: () => Promise<T>): Promise<T> {
  await engine.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await engine.exec('COMMIT');
    return result;
  } catch (error) {
    await engine.exec('ROLLBACK');
    throw error;
  }
}
