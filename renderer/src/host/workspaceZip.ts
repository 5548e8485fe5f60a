/**
 * A workspace as one .zip (browser host): the manifest and the Parquet files, stored without
 * recompression (Parquet is already SNAPPY-compressed, so deflating again costs time for little).
 * Reading checks the entry names, so a zip from elsewhere cannot name paths outside the workspace.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { WorkspaceFiles } from './workspaceHost';

export function zipWorkspace(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, bytes] of files) {
    entries[path] = [bytes, { level: path.endsWith('.json') ? 6 : 0 }];
  }
  return zipSync(entries);
}

const SAFE_PATH = /^(?:[A-Za-z0-9_.-]+\/)*[A-Za-z0-9_.-]+$/;

export function unzipWorkspace(name: string, bytes: Uint8Array): WorkspaceFiles {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new Error(
      `${name} is not a readable .zip (${error instanceof Error ? error.message : String(error)}). Choose the .zip the workbench saved.`,
      { cause: error },
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) {
    if (path.endsWith('/')) continue; // folder entries
    if (!SAFE_PATH.test(path) || path.split('/').includes('..')) continue;
    files.set(path, data);
  }
  return {
    name,
    paths: [...files.keys()],
    read(path) {
      const data = files.get(path);
      return data === undefined
        ? Promise.reject(new Error(`${path} is not in ${name}`))
        : Promise.resolve(data);
    },
  };
}
