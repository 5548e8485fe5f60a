/**
 * A ParquetCodec over parquet-wasm, whichever build loaded it: the Node build
 * (`parquet-wasm/node`, CommonJS, instantiates its wasm on import) or the browser build
 * (`parquet-wasm/esm`, after `await init(wasmUrl)` with the wasm bundled by Vite, never fetched
 * from a CDN). Both expose the same API; this module only names the part it uses, so shared/
 * stays free of either build. SNAPPY compression: every reader R and Python users are likely
 * to have (arrow, pyarrow, fastparquet, DuckDB) reads it.
 */
import type { ParquetCodec } from './workspace';

/** The subset of parquet-wasm's module API the codec calls. */
export interface ParquetWasmApi<T, P> {
  readonly Table: { fromIPCStream(ipc: Uint8Array): T };
  writeParquet(table: T, properties?: P | null): Uint8Array;
  readParquet(parquet: Uint8Array): { intoIPCStream(): Uint8Array };
  readonly WriterPropertiesBuilder: new () => {
    setCompression(compression: number): { build(): P };
  };
  readonly Compression: { readonly SNAPPY: number };
}

export function createParquetCodec<T, P>(api: ParquetWasmApi<T, P>): ParquetCodec {
  return {
    toParquet(ipc: Uint8Array): Uint8Array {
      // A fresh properties object per file: wasm-bindgen moves it into the call.
      const properties = new api.WriterPropertiesBuilder()
        .setCompression(api.Compression.SNAPPY)
        .build();
      return api.writeParquet(api.Table.fromIPCStream(ipc), properties);
    },
    fromParquet(parquet: Uint8Array): Uint8Array {
      return api.readParquet(parquet).intoIPCStream();
    },
  };
}
