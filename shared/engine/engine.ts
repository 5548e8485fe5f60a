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

/** How a read is scheduled. */
export interface ReadOptions {
  /**
   * Reads with the same key supersede one another: queuing a read under a key (e.g.
   * `'view:overview'`) rejects any read under that key that has not started yet with
   * SupersededError, and that read never runs. Callers ignore SupersededError.
   */
  readonly key?: string;
}

/** How a transaction treats calls made on the engine itself (not on `tx`) while it is open. */
export interface TransactionOptions {
  /**
   * For work written before the scheduler (issue 7), which calls the outer engine inside the
   * transaction instead of `tx`: while it is open, the engine's own `query`, `exec` and
   * `insertArrowIPC` run inside it instead of queuing behind it. No code can tell those calls
   * apart from another caller's, so another caller's plain `query` then sees the transaction's
   * uncommitted rows, as before; `read` and other transactions still wait or stay isolated.
   * Default `false`: outer calls queue until the transaction ends.
   */
  readonly shareEngine?: boolean;
}

/**
 * An Engine that schedules its callers (issue 7). Writes and transactions run one at a time, in
 * the order they were asked for: a transaction is one exclusive task and every other `query`,
 * `exec` and `insertArrowIPC` waits until it has committed or rolled back. `read` runs on a
 * second connection and so never sees another task's uncommitted rows.
 */
export interface ScheduledEngine extends Engine {
  /**
   * Run one read-only statement against committed data. It runs on the engine's reader
   * connection: it sees every committed table and registered file, never rows a transaction has
   * not committed, and not TEMP tables (those belong to the connection that made them). It does
   * not wait for an open transaction; it answers from the last committed state.
   */
  read(sql: string, params?: readonly SqlParam[], options?: ReadOptions): Promise<Table>;
  /**
   * Run `work` as one exclusive transaction: committed together, or rolled back if it throws,
   * so earlier tables are exactly as they were. `work` must use `tx` (calls on the outer engine
   * would queue behind this very transaction) unless `shareEngine` is set. Transactions asked
   * for while one is open wait their turn instead of failing.
   */
  transaction<T>(work: (tx: Engine) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

/** Whether `engine` schedules its callers (the Node and worker engines do; test fakes may not). */
export function isScheduledEngine(engine: Engine): engine is ScheduledEngine {
  const e = engine as Partial<ScheduledEngine>;
  return typeof e.transaction === 'function' && typeof e.read === 'function';
}

/** A read dropped because a newer read with the same key was queued before it started. */
export class SupersededError extends Error {
  override readonly name = 'SupersededError';
  constructor(readonly key: string) {
    super(`The read "${key}" was superseded by a newer one before it started.`);
  }
}

/**
 * Run `work` inside one transaction: everything it does is committed together, or, if it
 * throws, rolled back so that tables loaded earlier are exactly as they were. On a scheduled
 * engine the transaction waits for the one before it instead of failing with "cannot start a
 * transaction within a transaction" (issue 7).
 *
 * New code takes the `tx` argument and uses it for every call inside the transaction; then no
 * other caller can see or interleave with its rows. Work that takes no argument (written before
 * the scheduler) calls the outer engine, so the transaction is opened with `shareEngine`.
 */
export async function inTransaction<T>(
  engine: Engine,
  work: (tx: Engine) => Promise<T>,
): Promise<T> {
  if (isScheduledEngine(engine)) {
    // `length` is the number of declared parameters: 0 for `async () => ...`.
    return engine.transaction(work, { shareEngine: work.length === 0 });
  }
  await engine.exec('BEGIN TRANSACTION');
  try {
    const result = await work(engine);
    await engine.exec('COMMIT');
    return result;
  } catch (error) {
    await engine.exec('ROLLBACK');
    throw error;
  }
}
