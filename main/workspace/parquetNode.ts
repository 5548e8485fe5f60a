/**
 * parquet-wasm's Node build (CommonJS, loads its wasm synchronously from node_modules). The
 * browser build (`parquet-wasm/esm`) needs an async `init(wasmUrl)` first; the renderer has its
 * own codec for that. SNAPPY compression: every Parquet reader R and Python users are likely to
 * have (arrow, pyarrow, fastparquet, DuckDB) reads it.
 */
import { Compression, Table, WriterPropertiesBuilder, readParquet, writeParquet } from 'parquet-wasm/node';
import type { ParquetCodec } from '../../shared/workspace/workspace';

export const nodeParquetCodec: ParquetCodec = {
  toParquet(ipc: Uint8Array): Uint8Array {
    const table = Table.fromIPCStream(ipc);
    const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
    return writeParquet(table, props);
  },
  fromParquet(parquet: Uint8Array): Uint8Array {
    return readParquet(parquet).intoIPCStream();
  },
};
