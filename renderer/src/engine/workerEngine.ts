/**
 * The renderer's Engine: duckdb-wasm's AsyncDuckDB running in a Web Worker. The wasm and the
 * worker script are bundled with the app by Vite (`?url` imports of the package's dist files)
 * and loaded from the app's own origin: no CDN, no network (STACK-NOTES.md, STYLE.md rule 5).
 *
 * Only the exception-handling ("eh") build ships: the app runs in Chromium (Electron, or
 * Chromium/Edge for the browser build), which has supported wasm exceptions since v95, so the
 * MVP build's 30+ MB would never be used.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import duckdbWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Table } from 'apache-arrow';
import type { EngineConnection, EngineDatabase } from '../../../shared/engine/connection';
import {
  ENGINE_STARTUP_SQL,
  EngineQueryError,
  type ScheduledEngine,
  type SqlParam,
} from '../../../shared/engine/engine';
import { scheduleEngine } from '../../../shared/engine/scheduler';

/** Start DuckDB in a new worker behind the scheduler (shared/engine/scheduler.ts). */
export async function createWorkerEngine(): Promise<ScheduledEngine> {
  return scheduleEngine(await createWorkerDatabase());
}

async function createWorkerDatabase(): Promise<EngineDatabase> {
  const worker = new Worker(duckdbWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(duckdbWasmUrl);
    await db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    // Each AsyncDuckDB connection has its own transaction state, so the scheduler's reader
    // connection never sees the main connection's uncommitted rows.
    async connect(): Promise<EngineConnection> {
      const conn = await db.connect();
      for (const statement of ENGINE_STARTUP_SQL) await conn.query(statement);
      return workerConnection(conn);
    },
    async registerFile(name: string, bytes: Uint8Array): Promise<void> {
      // The bindings transfer the buffer to the worker, which would detach the caller's bytes
      // (an importer may still hash or re-read them): hand over a copy.
      await db.registerFileBuffer(name, bytes.slice());
    },
    async dropFile(name: string): Promise<void> {
      await db.dropFile(name);
    },
    async readFile(name: string): Promise<Uint8Array> {
      return db.copyFileToBuffer(name);
    },
    async close(): Promise<void> {
      await db.terminate();
    },
  };
}

function workerConnection(conn: duckdb.AsyncDuckDBConnection): EngineConnection {
  const run = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new EngineQueryError(error, sql);
    }
  };
  return {
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      return run(sql, async () => {
        if (params.length === 0) return (await conn.query(sql)) as Table;
        const statement = await conn.prepare(sql);
        try {
          return (await statement.query(...params)) as Table;
        } finally {
          await statement.close();
        }
      });
    },
    async exec(sql: string): Promise<void> {
      await run(sql, () => conn.query(sql));
    },
    async insertArrowIPC(table: string, ipc: Uint8Array, mode: 'create' | 'append'): Promise<void> {
      await run(`-- insert Arrow IPC into ${table}`, () =>
        conn.insertArrowFromIPCStream(ipc.slice(), { name: table, create: mode === 'create' }),
      );
    },
    async close(): Promise<void> {
      await conn.close();
    },
  };
}
