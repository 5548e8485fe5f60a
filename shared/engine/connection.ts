/**
 * What an engine implementation provides: one database and as many connections to it as the
 * scheduler asks for. The two implementations (the renderer's worker, Node's blocking build) only
 * translate these calls to duckdb-wasm; ordering, transactions and isolation between callers
 * live once, in the scheduler (scheduler.ts), so both behave the same (issue 7).
 */
import type { Table } from 'apache-arrow';
import type { SqlParam } from './engine';

/**
 * One DuckDB connection: its own transaction state. DuckDB is MVCC, so a connection never sees
 * rows another connection has not committed yet.
 */
export interface EngineConnection {
  /** Run one statement with `params` bound to its `?` placeholders; errors are EngineQueryError. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Run one or more statements that return nothing of interest. */
  exec(sql: string): Promise<void>;
  /** Create (or append to) `table` from Arrow IPC stream bytes. */
  insertArrowIPC(table: string, ipc: Uint8Array, mode: 'create' | 'append'): Promise<void>;
  close(): Promise<void>;
}

/** One in-memory database: its registered files and a way to open connections. */
export interface EngineDatabase {
  /** Open a connection with ENGINE_STARTUP_SQL already applied. */
  connect(): Promise<EngineConnection>;
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  dropFile(name: string): Promise<void>;
  readFile(name: string): Promise<Uint8Array>;
  /** Release the database; its connections are closed first by the scheduler. */
  close(): Promise<void>;
}
