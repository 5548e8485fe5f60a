/**
 * The engine scheduler (issue 7): one EngineDatabase, shared by every part of the workbench,
 * made safe for callers that do not know about one another.
 *
 * Before it, every caller shared one connection, so while an import's transaction was open a
 * view's query saw its uncommitted rows and a second writer failed with "cannot start a
 * transaction within a transaction".
 *
 * Design, and why:
 * - Writes go through one "main" connection and one FIFO queue. A transaction is one task that
 *   holds the queue from BEGIN to COMMIT/ROLLBACK, so other writers (imports, locality and peer
 *   group saves, workspace loads) wait their turn instead of failing, and none can interleave
 *   statements with it. Writers cannot simply get a connection each: DuckDB's optimistic
 *   concurrency would make two writers touching the same table fail with a conflict at commit.
 * - `read` runs on a second, "reader" connection with its own queue. DuckDB is MVCC, so that
 *   connection only ever sees committed data, and a view does not have to wait seconds behind a
 *   long import to answer from the last committed state. (duckdb-wasm supports several
 *   connections on one database in both builds: AsyncDuckDB.connect() and the blocking
 *   bindings' connect().) Queuing reads behind open transactions would also isolate them, but
 *   would freeze every view for the length of an import.
 * - Keyed reads supersede waiting reads with the same key (TaskQueue).
 *
 * Modelled on uwdata/mosaic's QueryManager: one queue in front of one connector, with stale
 * requests dropped before they run.
 */
import type { Table } from 'apache-arrow';
import type { EngineConnection, EngineDatabase } from './connection';
import type { Engine, ReadOptions, ScheduledEngine, SqlParam, TransactionOptions } from './engine';
import { TaskQueue } from './taskQueue';

interface OpenTransaction {
  readonly shareEngine: boolean;
}

/** Put the scheduler in front of `database`; its main connection opens now, the reader lazily. */
export async function scheduleEngine(database: EngineDatabase): Promise<ScheduledEngine> {
  const main = await database.connect();
  const writes = new TaskQueue();
  const reads = new TaskQueue();
  let reader: Promise<EngineConnection> | undefined;
  let open: OpenTransaction | undefined;
  let closed = false;

  const ensureOpen = (): void => {
    if (closed) throw new Error('The engine has been closed; start a new one.');
  };

  /** A statement on the main connection: joins a sharing transaction, otherwise queues. */
  const write = async <T>(statement: () => Promise<T>): Promise<T> => {
    ensureOpen();
    if (open?.shareEngine === true) return statement();
    return writes.run(statement);
  };

  const files = {
    registerFile: (name: string, bytes: Uint8Array) => database.registerFile(name, bytes),
    dropFile: (name: string) => database.dropFile(name),
    readFile: (name: string) => database.readFile(name),
  };

  /** The handle a transaction's work uses; it refuses calls once the transaction has ended. */
  const transactionHandle = (): { tx: Engine; end: () => void } => {
    let ended = false;
    const live = <T>(statement: () => Promise<T>): Promise<T> =>
      ended
        ? Promise.reject(new Error('This transaction has already ended; use the engine instead.'))
        : statement();
    const tx: Engine = {
      query: (sql, params) => live(() => main.query(sql, params)),
      exec: (sql) => live(() => main.exec(sql)),
      insertArrowIPC: (table, ipc, mode) => live(() => main.insertArrowIPC(table, ipc, mode)),
      ...files,
      close: () => Promise.reject(new Error('Close the engine, not a transaction.')),
    };
    return { tx, end: () => (ended = true) };
  };

  const transaction = async <T>(
    work: (tx: Engine) => Promise<T>,
    options: TransactionOptions = {},
  ): Promise<T> => {
    ensureOpen();
    return writes.run(async () => {
      const { tx, end } = transactionHandle();
      await main.exec('BEGIN TRANSACTION');
      open = { shareEngine: options.shareEngine ?? false };
      try {
        const result = await work(tx);
        await main.exec('COMMIT');
        return result;
      } catch (error) {
        // ROLLBACK fails only when DuckDB has already ended the transaction (a failed COMMIT
        // rolls back by itself); either way nothing is left open, and the work's error is the
        // one the caller needs.
        await main.exec('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        open = undefined;
        end();
      }
    });
  };

  const read = async (
    sql: string,
    params: readonly SqlParam[] = [],
    options: ReadOptions = {},
  ): Promise<Table> => {
    ensureOpen();
    return reads.run(async () => {
      reader ??= database.connect();
      return (await reader).query(sql, params);
    }, options.key);
  };

  return {
    query: (sql: string, params?: readonly SqlParam[]) => write(() => main.query(sql, params)),
    exec: (sql: string) => write(() => main.exec(sql)),
    insertArrowIPC: (table: string, ipc: Uint8Array, mode: 'create' | 'append') =>
      write(() => main.insertArrowIPC(table, ipc, mode)),
    ...files,
    read,
    transaction,
    async close(): Promise<void> {
      ensureOpen();
      closed = true;
      // Let everything already asked for finish, then release the connections and database.
      await Promise.all([
        writes.run(() => main.close()),
        reads.run(async () => (reader === undefined ? undefined : (await reader).close())),
      ]);
      await database.close();
    },
  };
}
