/**
 * The workspace half of the Host (host.ts): saving a workspace's files together and opening
 * them again. A workspace is `workspace.json` plus `tables/<name>.parquet`
 * (shared/workspace/manifest.ts); how the files travel is the host's business:
 * - browser: one .zip download, opened again through a file input (workspaceZip.ts);
 * - Electron: a folder the user chooses, through the IPC contract's workspace verbs.
 */
import type { SaveResult } from './host';

/** A workspace's files as opened: the paths it holds and a way to read each. */
export interface WorkspaceFiles {
  /** What the user chose (the .zip or folder name), for messages. */
  readonly name: string;
  /** Relative paths with forward slashes, e.g. `tables/area.parquet`. */
  readonly paths: readonly string[];
  read(path: string): Promise<Uint8Array>;
}

export interface WorkspaceHost {
  /** Save every file of a workspace under `suggestedName` (a .zip name in the browser). */
  saveWorkspace(suggestedName: string, files: ReadonlyMap<string, Uint8Array>): Promise<SaveResult>;
  /** Ask the user for a saved workspace; null when cancelled. */
  openWorkspace(): Promise<WorkspaceFiles | null>;
}
