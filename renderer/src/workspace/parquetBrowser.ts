/**
 * parquet-wasm's browser build as the workspace's ParquetCodec, through the one codec shared with
 * the Node build (shared/workspace/parquetCodec.ts), so a workspace saved by either opens in both
 * and in R/Python. The wasm is bundled with the app by Vite (`?url`) and fetched from the app's
 * own origin, once, on first use: no CDN (STYLE.md rule 5).
 */
import * as parquetWasm from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { createParquetCodec, type ParquetCodec } from '../../../shared/workspace';

let ready: Promise<ParquetCodec> | undefined;

export function browserParquetCodec(): Promise<ParquetCodec> {
  ready ??= parquetWasm.default({ module_or_path: parquetWasmUrl }).then(
    () => createParquetCodec(parquetWasm),
    (error: unknown) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}
