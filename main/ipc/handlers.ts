/**
 * What each verb does, given already-validated requests. Electron is injected (the dialogs),
 * so these run in vitest against a temporary folder. Paths come only from the dialogs or from
 * the grant store; the renderer's strings are never used as paths on their own.
 */
import { basename, isAbsolute } from 'node:path';
import type { RequestOf, ResponseOf, VerbName } from '../../shared/ipc/contract';
import { IPC_LIMITS } from '../../shared/ipc/contract';
import { toPortableFileName } from '../../shared/ipc/paths';
import type { WorkspaceGrants } from '../workspace/grants';
import { readBounded, writeAtomically } from '../workspace/boundedIo';
import {
  listWorkspaceFiles,
  readWorkspaceFile,
  writeWorkspaceFile,
} from '../workspace/workspaceFiles';
import { IpcFailure } from './failure';

/** Native dialogs, as main/desktop/dialogs.ts implements them. Each returns absolute paths. */
export interface Dialogs {
  /** [] when cancelled. */
  chooseDataFiles(): Promise<readonly string[]>;
  /** null when cancelled. The dialog has already asked about overwriting. */
  chooseSaveLocation(suggestedName: string): Promise<string | null>;
  /** null when cancelled. */
  chooseWorkspaceFolder(): Promise<string | null>;
}

export type Handlers = {
  readonly [K in VerbName]: (request: RequestOf<K>) => Promise<ResponseOf<K>>;
};

function requireAbsolute(path: string): string {
  if (!isAbsolute(path))
    throw new IpcFailure('internal', 'The dialog returned a path that is not absolute.');
  return path;
}

export function createHandlers(deps: {
  readonly dialogs: Dialogs;
  readonly grants: WorkspaceGrants;
}): Handlers {
  const { dialogs, grants } = deps;
  return {
    async openDataFiles() {
      const paths = await dialogs.chooseDataFiles();
      if (paths.length > IPC_LIMITS.maxDataFilesPerOpen) {
        throw new IpcFailure(
          'too-large',
          `${paths.length} files chosen; open at most ${IPC_LIMITS.maxDataFilesPerOpen} at a time.`,
        );
      }
      const files: { name: string; bytes: Uint8Array }[] = [];
      let total = 0;
      for (const path of paths) {
        const name = toPortableFileName(basename(requireAbsolute(path)));
        const bytes = await readBounded(path, IPC_LIMITS.maxDataFileBytes, `"${name}"`, {
          followLinks: true,
        });
        total += bytes.byteLength;
        if (total > IPC_LIMITS.maxDataFilesTotalBytes) {
          throw new IpcFailure(
            'too-large',
            `Together the chosen files are over ${IPC_LIMITS.maxDataFilesTotalBytes} bytes; open fewer at a time.`,
          );
        }
        files.push({ name, bytes });
      }
      return { files };
    },

    async saveExport({ suggestedName, bytes }) {
      const location = await dialogs.chooseSaveLocation(suggestedName);
      if (location === null) return { saved: false };
      await writeAtomically(requireAbsolute(location), bytes, `"${basename(location)}"`);
      return { saved: true, location };
    },

    async chooseWorkspace() {
      const folder = await dialogs.chooseWorkspaceFolder();
      if (folder === null) return { cancelled: true };
      const entry = await grants.grantChosen(requireAbsolute(folder));
      return { root: entry.root, name: entry.name };
    },

    async openRecentWorkspace({ root }) {
      const entry = await grants.grantRecent(root);
      return { root: entry.root, name: entry.name };
    },

    async listWorkspaceFiles({ root }) {
      return { entries: await listWorkspaceFiles(grants.requireGranted(root)) };
    },

    async readWorkspaceFile({ root, path }) {
      return { bytes: await readWorkspaceFile(grants.requireGranted(root), path) };
    },

    async writeWorkspaceFile({ root, path, bytes }) {
      return { size: await writeWorkspaceFile(grants.requireGranted(root), path, bytes) };
    },

    async listRecentWorkspaces() {
      return { workspaces: [...(await grants.recents())] };
    },

    async forgetRecentWorkspace({ root }) {
      return { workspaces: [...(await grants.forget(root))] };
    },
  };
}
