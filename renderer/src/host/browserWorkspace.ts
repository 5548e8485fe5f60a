/**
 * Workspace verbs for the browser host: save as a single .zip download, open through a file
 * input. Nothing leaves the machine: the zip is built in memory and handed to the download.
 */
import type { SaveResult } from './host';
import type { WorkspaceFiles, WorkspaceHost } from './workspaceHost';
import { unzipWorkspace, zipWorkspace } from './workspaceZip';

export function browserWorkspaceHost(
  doc: Document,
  saveFile: (name: string, bytes: Uint8Array, mimeType: string) => Promise<SaveResult>,
): WorkspaceHost {
  return {
    saveWorkspace(suggestedName, files) {
      const name = suggestedName.endsWith('.zip') ? suggestedName : `${suggestedName}.zip`;
      return saveFile(name, zipWorkspace(files), 'application/zip');
    },
    openWorkspace(): Promise<WorkspaceFiles | null> {
      return new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.accept = '.zip,application/zip';
        input.style.display = 'none';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (file === undefined) return resolve(null);
          file.arrayBuffer().then(
            (buffer) => {
              try {
                resolve(unzipWorkspace(file.name, new Uint8Array(buffer)));
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            },
            (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
          );
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        doc.body.append(input);
        input.click();
      });
    },
  };
}
