/**
 * The app shell: the workspace's files on the left (demo files first, then the user's), and on
 * the right either the borough profile's figures or the selected file as a table with its
 * import report.
 */
import { useState } from 'react';
import { AddFiles } from '../components/AddFiles';
import { DataTable } from '../components/DataTable';
import { ImportReportView } from '../components/ImportReportView';
import { importData, type LoadedFile } from '../data/importData';
import { useDemoWorkspace } from '../demo/useDemoWorkspace';
import { FigurePanel } from '../figures/FigurePanel';
import type { HostFile } from '../host/host';
import { useServices } from './services';

type View = { readonly kind: 'profile' } | { readonly kind: 'file'; readonly id: string };

export function App() {
  const { engine } = useServices();
  const demo = useDemoWorkspace();
  const [userFiles, setUserFiles] = useState<readonly LoadedFile[]>([]);
  const [view, setView] = useState<View>({ kind: 'profile' });
  const [busy, setBusy] = useState<string | null>(null);
  const [addError, setAddError] = useState<string | null>(null);

  const files = [...(demo.status === 'ready' ? demo.files : []), ...userFiles];
  const selected = view.kind === 'file' ? files.find((f) => f.id === view.id) : undefined;

  const add = async (incoming: HostFile[]): Promise<void> => {
    setAddError(null);
    try {
      const db = await engine();
      for (const file of incoming) {
        setBusy(`Importing ${file.name}…`);
        const loaded = await importData(db, file, 'user');
        setUserFiles((current) => [...current, loaded]);
        setView({ kind: 'file', id: loaded.id });
      }
    } catch (error) {
      setAddError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1>JSNA Workbench</h1>
        <span
          className="offline-badge"
          title="No network requests: your data stays on this computer"
        >
          Offline · data stays on this computer
        </span>
      </header>
      <div className="app-body">
        <nav className="sidebar" aria-label="Workspace">
          <h2>Workspace</h2>
          <button
            type="button"
            className={view.kind === 'profile' ? 'nav-item selected' : 'nav-item'}
            onClick={() => setView({ kind: 'profile' })}
          >
            Borough profile: Barking and Dagenham
          </button>
          <h3>Data files</h3>
          <ul className="file-list" data-testid="file-list">
            {files.map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  className={selected?.id === f.id ? 'nav-item selected' : 'nav-item'}
                  onClick={() => setView({ kind: 'file', id: f.id })}
                  title={f.name}
                >
                  <span className="file-name">{f.name}</span>
                  <span className={`file-status ${f.outcome.kind}`}>{shortStatus(f)}</span>
                </button>
              </li>
            ))}
          </ul>
          <AddFiles onFiles={(fs) => void add(fs)} busy={busy !== null} />
          {busy !== null && (
            <p className="muted" role="status">
              {busy}
            </p>
          )}
          {addError !== null && (
            <p className="error" role="alert">
              The file could not be opened: {addError}
            </p>
          )}
        </nav>
        <main className="content">
          {view.kind === 'profile' && <Profile demo={demo} />}
          {selected !== undefined && (
            <>
              <ImportReportView file={selected} />
              {selected.outcome.view !== null ? (
                <DataTable key={selected.id} source={selected.outcome.view} />
              ) : (
                <p className="muted">There is no table to show for this file.</p>
              )}
            </>
          )}
        </main>
      </div>
    </div>
  );
}

function Profile({ demo }: { readonly demo: ReturnType<typeof useDemoWorkspace> }) {
  return (
    <>
      <div className="profile-intro">
        <h2>Barking and Dagenham compared with London and England</h2>
        <p className="muted">
          Demo workspace built from real published data shipped with the app: ONS Census 2021, ONS
          mid-2020 population estimates and the ONS Subnational indicators explorer.
        </p>
      </div>
      {demo.status === 'loading' && (
        <div className="loading" role="status">
          <progress
            max={demo.step.total}
            value={demo.step.done}
            aria-label="Opening the demo workspace"
          />
          <p data-testid="demo-loading">{demo.step.label}</p>
          <p className="muted">
            The first start compiles the database engine on this computer, which takes a few
            seconds.
          </p>
        </div>
      )}
      {demo.status === 'failed' && (
        <p className="error" role="alert">
          The demo workspace could not be opened: {demo.message}
        </p>
      )}
      {demo.status === 'ready' && <FigurePanel profile={demo.profile} />}
    </>
  );
}

function shortStatus(file: LoadedFile): string {
  switch (file.outcome.kind) {
    case 'imported':
      return `${file.outcome.report.rowsRead.toLocaleString('en-GB')} rows`;
    case 'duplicate':
      return 'duplicate';
    case 'needs-mapping':
      return 'needs mapping';
    case 'failed':
      return 'not imported';
  }
}
