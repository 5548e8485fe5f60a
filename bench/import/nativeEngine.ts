/**
 * The Engine contract over native DuckDB (@duckdb/node-api, dev-only), so that the import
 * benchmark runs the very same `importFile` code on both engines and the ratio measures the
 * engine, not a different loader. Bench-only: it supports what the importer uses (query with
 * parameters, exec, Arrow IPC inserts of text/number/boolean columns); file registration is not
 * needed there and throws.
 *
 * Arrow IPC inserts: native DuckDB has no built-in Arrow IPC reader, and its JS appender converts
 * value by value (measured ~3x slower than the whole wasm import), so each batch is written as an
 * uncompressed Parquet file (parquet-wasm, ~1 ms per 1,000 rows) and read with read_parquet.
 * That bridge is counted in the native time: it is what a native build of the app would pay.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  Compression,
  Table as ParquetTable,
  WriterPropertiesBuilder,
  writeParquet,
} from 'parquet-wasm/node';
import {
  Bool,
  Float64,
  Int32,
  Int64,
  Table,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';
import { EngineQueryError, type Engine, type SqlParam } from '../../shared/engine/engine';
import { ident, literal } from '../../shared/engine/sql';

function arrowVector(values: unknown[], type: DuckDBType): Vector {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
      return vectorFromArray(values as (number | null)[], new Int32());
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
      return vectorFromArray(
        values.map((v) => (v === null ? null : BigInt(v as bigint))),
        new Int64(),
      );
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DECIMAL:
      return vectorFromArray(
        values.map((v) => (v === null ? null : Number(v))),
        new Float64(),
      );
    case DuckDBTypeId.BOOLEAN:
      return vectorFromArray(values as (boolean | null)[], new Bool());
    default:
      return vectorFromArray(
        values.map((v) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v))),
        new Utf8(),
      );
  }
}

export async function createNativeEngine(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn: DuckDBConnection = await instance.connect();
  const scratch = mkdtempSync(join(tmpdir(), 'jsna-native-bench-'));
  let batches = 0;
  const wrap = async <T>(sql: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new EngineQueryError(error, sql);
    }
  };
  return {
    query: (sql: string, params: readonly SqlParam[] = []) =>
      wrap(sql, async () => {
        const reader = await conn.runAndReadAll(
          sql,
          params.length > 0 ? (params as DuckDBValue[]) : undefined,
        );
        const names = reader.columnNames();
        const types = reader.columnTypes();
        const columns = reader.getColumnsJS() as unknown[][];
        return new Table(
          Object.fromEntries(names.map((n, i) => [n, arrowVector(columns[i] ?? [], types[i]!)])),
        );
      }),
    exec: (sql: string) => wrap(sql, async () => void (await conn.run(sql))),
    registerFile: () =>
      Promise.reject(new Error('native bench engine: registerFile is not supported')),
    dropFile: () => Promise.resolve(),
    readFile: () => Promise.reject(new Error('native bench engine: readFile is not supported')),
    insertArrowIPC: (table: string, ipc: Uint8Array, mode: 'create' | 'append') =>
      wrap(`-- insert Arrow IPC into ${table}`, async () => {
        const file = join(scratch, `batch-${String(++batches)}.parquet`);
        writeFileSync(
          file,
          writeParquet(
            ParquetTable.fromIPCStream(ipc),
            new WriterPropertiesBuilder().setCompression(Compression.UNCOMPRESSED).build(),
          ),
        );
        const source = `read_parquet(${literal(file)})`;
        await conn.run(
          mode === 'create'
            ? `CREATE TABLE ${ident(table)} AS SELECT * FROM ${source}`
            : `INSERT INTO ${ident(table)} BY NAME SELECT * FROM ${source}`,
        );
        rmSync(file);
      }),
    close: async () => {
      conn.closeSync();
      instance.closeSync();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
