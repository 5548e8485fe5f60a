/**
 * parquet-wasm's browser build as the workspace's ParquetCodec (shared/workspace/workspace.ts).
 * Its wasm is bundled with the app by Vite (`?url`) and fetched from the app's own origin, once,
 * on first use: no CDN (STYLE.md rule 5). SNAPPY compression, as the Node codec writes
 * (main/workspace/parquetNode.ts), so a workspace saved by either opens in both, and in R/Python.
 */
import init, {
  Compression,
  Table,
  WriterPropertiesBuilder,
  readParquet,
  writeParquet,
} from 'parquet-wasm/esm';
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import type { ParquetCodec } from '../../../shared/workspace';

let ready: Promise<ParquetCodec> | undefined;

export function browserParquetCodec(): Promise<ParquetCodec> {
  ready ??= init({ module_or_path: parquetWasmUrl }).then(
    (): ParquetCodec => ({
      toParquet(ipc) {
        const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
        return writeParquet(Table.fromIPCStream(ipc), props);
      },
      fromParquet(parquet) {
        return readParquet(parquet).intoIPCStream();
      },
    }),
    (error: unknown) => {
      ready = undefined;
      throw error;
    },
  );
  return ready;
}
