/**
 * Node's Engine: duckdb-wasm's blocking Node build, for tests, benchmarks and the command
 * line. Same wasm, same SQL as the app's worker engine. Starting one costs ~0.5 s on an idle
 * machine (more when loaded), almost all of it instantiating and initialising DuckDB: compiling
 * the wasm takes ~80 ms (V8 compiles lazily), so sharing a compiled WebAssembly.Module between
 * engines would save little (measured for issue 11). Callers share one engine per process; each
 * vitest file runs in its own fork, so that is one engine per test file (testEngine.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { Table } from 'apache-arrow';
import type { EngineConnection, EngineDatabase } from '../../shared/engine/connection';
import {
  ENGINE_STARTUP_SQL,
  EngineQueryError,
  type ScheduledEngine,
  type SqlParam,
} from '../../shared/engine/engine';
import { scheduleEngine } from '../../shared/engine/scheduler';

const require = createRequire(import.meta.url);

function bundles(): duckdb.DuckDBBundles {
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm'));
  return {
    mvp: {
      mainModule: join(dist, 'duckdb-mvp.wasm'),
      mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: join(dist, 'duckdb-eh.wasm'),
      mainWorker: join(dist, 'duckdb-node-eh.worker.cjs'),
    },
  };
}

/** Start a fresh in-memory database behind the scheduler (shared/engine/scheduler.ts). */
export async function createNodeEngine(): Promise<ScheduledEngine> {
  return scheduleEngine(await createNodeDatabase());
}

async function createNodeDatabase(): Promise<EngineDatabase> {
  const db = await duckdb.createDuckDB(bundles(), new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => undefined);
  db.open({ query: { castBigIntToDouble: false, castDecimalToDouble: false } });
  return {
    async connect(): Promise<EngineConnection> {
      const conn = db.connect();
      for (const statement of ENGINE_STARTUP_SQL) conn.query(statement);
      return nodeConnection(conn);
    },
    async registerFile(name: string, bytes: Uint8Array): Promise<void> {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string): Promise<void> {
      db.dropFile(name);
    },
    async readFile(name: string): Promise<Uint8Array> {
      return db.copyFileToBuffer(name);
    },
    async close(): Promise<void> {
      db.reset();
    },
  };
}

function nodeConnection(conn: duckdb.DuckDBConnection): EngineConnection {
  const run = <T>(sql: string, work: () => T): T => {
    try {
      return work();
    } catch (error) {
      throw new EngineQueryError(error, sql);
    }
  };
  return {
    // The blocking build is synchronous; the methods are async so that failures reject the
    // promise (as the worker engine's do) instead of throwing at the call site.
    async query(sql: string, params: readonly SqlParam[] = []): Promise<Table> {
      return run(sql, () => {
        if (params.length === 0) return conn.query(sql) as Table;
        const statement = conn.prepare(sql);
        try {
          return statement.query(...params) as Table;
        } finally {
          statement.close();
        }
      });
    },
    async exec(sql: string): Promise<void> {
      run(sql, () => conn.query(sql));
    },
    async insertArrowIPC(table: string, ipc: Uint8Array, mode: 'create' | 'append'): Promise<void> {
      run(`-- insert Arrow IPC into ${table}`, () =>
        conn.insertArrowFromIPCStream(ipc, { name: table, create: mode === 'create' }),
      );
    },
    async close(): Promise<void> {
      conn.close();
    },
  };
}
