/**
 * The Host for the plain browser build (served on localhost): files come from a file input,
 * saves become downloads. Nothing here touches the network; object URLs are revoked after use.
 */
import type { Host, HostFile, SaveResult, WorkspaceHost } from './host';
import { browserWorkspaceHost } from './browserWorkspace';

/** Read File objects (from a file input or a drop) into HostFiles. */
export async function readHostFiles(files: Iterable<File>): Promise<HostFile[]> {
  return Promise.all(
    [...files].map(async (file) => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    })),
  );
}

export function createBrowserHost(doc: Document = document): Host {
  const host: Omit<Host, keyof WorkspaceHost> = {
    kind: 'browser',
    openDataFiles(): Promise<HostFile[]> {
      return new Promise((resolve, reject) => {
        const input = doc.createElement('input');
        input.type = 'file';
        input.multiple = true;
        input.accept = '.csv,.tsv,.txt,.xlsx,text/csv';
        input.style.display = 'none';
        const done = (files: HostFile[] | Error): void => {
          input.remove();
          if (files instanceof Error) reject(files);
          else resolve(files);
        };
        input.addEventListener('change', () => {
          readHostFiles(input.files ?? []).then(done, (e: unknown) =>
            done(e instanceof Error ? e : new Error(String(e))),
          );
        });
        // Chromium fires `cancel` when the picker is dismissed.
        input.addEventListener('cancel', () => done([]));
        doc.body.append(input);
        input.click();
      });
    },
    async saveFile(
      suggestedName: string,
      bytes: Uint8Array,
      mimeType: string,
    ): Promise<SaveResult> {
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType });
      const url = URL.createObjectURL(blob);
      try {
        const a = doc.createElement('a');
        a.href = url;
        a.download = suggestedName;
        a.style.display = 'none';
        doc.body.append(a);
        a.click();
        a.remove();
      } finally {
        // Let the download start before the URL goes away.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      }
      return { saved: true, location: suggestedName };
    },
  };
  return { ...host, ...browserWorkspaceHost(doc, (n, b, m) => host.saveFile(n, b, m)) };
}
