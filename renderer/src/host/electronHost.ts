/**
 * The Host inside Electron: verbs from the preload bridge (`window.workbench`), whose type is
 * derived from shared/ipc/contract.ts. Native dialogs run in main; this side only passes bytes
 * and names, and turns failed results into HostError with main's message.
 */
import type { IpcErrorCode, IpcResult, WorkbenchApi } from '../../../shared/ipc/contract';
import { toPortableFileName } from '../../../shared/ipc/paths';
import type { Host, HostFile, SaveResult } from './host';
import { electronWorkspaceHost } from './electronWorkspace';

declare global {
  interface Window {
    /** Present only inside the Electron app (exposed by the preload). */
    readonly workbench?: WorkbenchApi;
  }
}

/** A host call that main refused or could not complete; `message` is written for the user. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new HostError(result.error.code, result.error.message);
}

export function createElectronHost(api: WorkbenchApi): Host {
  return {
    kind: 'electron',
    ...electronWorkspaceHost(api, unwrap),
    async openDataFiles(): Promise<HostFile[]> {
      return unwrap(await api.openDataFiles()).files;
    },
    async saveFile(
      suggestedName: string,
      bytes: Uint8Array,
      mimeType: string,
    ): Promise<SaveResult> {
      // The save dialog only needs a name to suggest; make any name the UI builds acceptable.
      const result = unwrap(
        await api.saveExport({ suggestedName: toPortableFileName(suggestedName), mimeType, bytes }),
      );
      return result.saved ? { saved: true, location: result.location } : { saved: false };
    },
  };
}
