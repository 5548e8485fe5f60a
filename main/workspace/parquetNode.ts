/**
 * parquet-wasm's Node build (CommonJS; loads its wasm synchronously from node_modules on import).
 * The renderer uses the browser build (`parquet-wasm/esm`, after `init(wasmUrl)`) through the
 * same shared/workspace/parquetCodec.ts.
 */
import * as parquetWasm from 'parquet-wasm/node';
import { createParquetCodec } from '../../shared/workspace/parquetCodec';

export const nodeParquetCodec = createParquetCodec(parquetWasm);
