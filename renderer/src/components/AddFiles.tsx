/**
 * Add data files: a button that asks the host (file picker in the browser, open dialog in
 * Electron) and a drop zone for files dragged from the desktop.
 */
import { useState, type DragEvent } from 'react';
import type { HostFile } from '../host/host';
import { readHostFiles } from '../host/browserHost';
import { useServices } from '../app/services';

export function AddFiles({
  onFiles,
  busy,
}: {
  readonly onFiles: (files: HostFile[]) => void;
  readonly busy: boolean;
}) {
  const { host } = useServices();
  const [over, setOver] = useState(false);

  const pick = async (): Promise<void> => {
    const files = await host.openDataFiles();
    if (files.length > 0) onFiles(files);
  };
  const drop = async (event: DragEvent<HTMLDivElement>): Promise<void> => {
    event.preventDefault();
    setOver(false);
    const files = await readHostFiles(event.dataTransfer.files);
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => void drop(e)}
    >
      <button type="button" className="primary" disabled={busy} onClick={() => void pick()}>
        Add data files…
      </button>
      <p className="muted">
        or drop CSV files here. Files are read on this computer; nothing is uploaded.
      </p>
    </div>
  );
}
