/**
 * The app shell: the workspace's files on the left (demo files first, then the user's), and on
 * the right the borough profile's figures, the Workspace data page (save/open, tables,
 * localities, peer groups), or the selected file with its import report, any question it waits
 * on (column mapping, Replace/Skip) and its rows. Imports go through the Data view's flow
 * (dataView/useImportFlow.ts).
 */
import { useCallback, useState } from 'react';
import { AddFiles } from '../components/AddFiles';
import type { LoadedFile } from '../data/importData';
import { DataView } from '../dataView/DataView';
import { FileView } from '../dataView/FileView';
import { ImportProgressBar } from '../dataView/ImportProgressBar';
import { useDataFiles } from '../dataView/useDataFiles';
import { useDemoWorkspace } from '../demo/useDemoWorkspace';
import { FigurePanel } from '../figures/FigurePanel';

type View =
  | { readonly kind: 'profile' }
  | { readonly kind: 'data' }
  | { readonly kind: 'file'; readonly id: string };

export function App() {
  const demo = useDemoWorkspace();
  const [view, setView] = useState<View>({ kind: 'profile' });
  // The Data view's import flow (dataView/): mapping, duplicates, progress and cancel.
  const select = useCallback(
    (id: string | null) => setView(id === null ? { kind: 'data' } : { kind: 'file', id }),
    [],
  );
  const data = useDataFiles(select);
  const { flow } = data;

  const files = data.current([...(demo.status === 'ready' ? demo.files : []), ...data.userFiles]);
  const selected = view.kind === 'file' ? files.find((f) => f.id === view.id) : undefined;

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
          <button
            type="button"
            className={view.kind === 'data' ? 'nav-item selected' : 'nav-item'}
            onClick={() => setView({ kind: 'data' })}
          >
            Workspace data, localities, peer groups
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
          <AddFiles onFiles={(fs) => void flow.add(fs)} busy={flow.running !== null} />
          <ImportProgressBar running={flow.running} />
          {flow.notice !== null && (
            <p
              className={flow.notice.kind === 'error' ? 'error flow-notice' : 'muted flow-notice'}
              role={flow.notice.kind === 'error' ? 'alert' : 'status'}
              data-testid="import-notice"
            >
              {flow.notice.text}
            </p>
          )}
        </nav>
        <main className="content">
          {view.kind === 'profile' && <Profile demo={demo} />}
          {view.kind === 'data' && <DataView data={data} />}
          {selected !== undefined && <FileView file={selected} flow={flow} />}
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
