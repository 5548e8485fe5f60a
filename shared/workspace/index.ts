/** Workspaces: the loaded tables as Parquet plus a JSON manifest (see workspace.ts). */
export {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  WorkspaceError,
  parseManifest,
  serializeManifest,
  type ManifestColumn,
  type ManifestSource,
  type ManifestTable,
  type WorkspaceManifest,
} from './manifest';
export {
  restoreWorkspace,
  snapshotWorkspace,
  type ParquetCodec,
  type SnapshotOptions,
  type WorkspaceSnapshot,
} from './workspace';
export { createParquetCodec, type ParquetWasmApi } from './parquetCodec';
