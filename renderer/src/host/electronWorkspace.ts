/**
 * Workspace verbs for the Electron host, through the IPC contract's workspace verbs: the user
 * chooses a folder in main's dialog (main grants it for the session), then files are written and
 * read by path relative to it. Main checks every path and size (shared/ipc/contract.ts).
 */
import type { IpcResult, WorkbenchApi } from '../../../shared/ipc/contract';
import type { WorkspaceFiles, WorkspaceHost } from './workspaceHost';

export function electronWorkspaceHost(
  api: WorkbenchApi,
  unwrap: <T>(r: IpcResult<T>) => T,
): WorkspaceHost {
  return {
    async saveWorkspace(_suggestedName, files) {
      const chosen = unwrap(await api.chooseWorkspace());
      if ('cancelled' in chosen) return { saved: false };
      // Tables first, manifest last: a folder with a manifest always has the files it names.
      const ordered = [...files].sort(
        ([a], [b]) => Number(a.endsWith('.json')) - Number(b.endsWith('.json')),
      );
      for (const [path, bytes] of ordered) {
        unwrap(await api.writeWorkspaceFile({ root: chosen.root, path, bytes }));
      }
      return { saved: true, location: chosen.root };
    },
    async openWorkspace(): Promise<WorkspaceFiles | null> {
      const chosen = unwrap(await api.chooseWorkspace());
      if ('cancelled' in chosen) return null;
      const { entries } = unwrap(await api.listWorkspaceFiles({ root: chosen.root }));
      return {
        name: chosen.name,
        paths: entries.map((e) => e.path),
        async read(path) {
          return unwrap(await api.readWorkspaceFile({ root: chosen.root, path })).bytes;
        },
      };
    },
  };
}
