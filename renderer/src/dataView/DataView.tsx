/**
 * The Data view's workspace page: save and open the workspace, the tables it holds with their
 * row counts, and the places analyses compare (localities, peer groups).
 */
import { useCallback, useState } from 'react';
import { useServices } from '../app/services';
import { saveWorkspace, openWorkspace } from '../workspace/workspaceActions';
import { LocalitiesPanel } from './LocalitiesPanel';
import { PeerGroupsPanel } from './PeerGroupsPanel';
import { TablesSummary } from './TablesSummary';
import { mergeMappingStores } from './mappingStorage';
import type { DataFiles } from './useDataFiles';
import { LookupsNotice, useLookups } from './useLookups';
import './dataView.css';

type Status = { readonly kind: 'idle' | 'working' | 'done' | 'error'; readonly text: string };

export function DataView({ data }: { readonly data: DataFiles }) {
  const { engine, host } = useServices();
  const [status, setStatus] = useState<Status>({ kind: 'idle', text: '' });
  const [version, setVersion] = useState(0);
  const busy = status.kind === 'working' || data.flow.running !== null;
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const lookups = useLookups(data.version + version, changed);

  const save = async (): Promise<void> => {
    setStatus({ kind: 'working', text: 'Saving the workspace…' });
    try {
      const result = await saveWorkspace(
        await engine(),
        host,
        data.flow.mappingStore(),
        data.shown(),
      );
      setStatus(
        result.saved
          ? {
              kind: 'done',
              text: `Saved ${String(result.tables)} tables to ${result.location ?? 'the workspace'}${host.kind === 'browser' ? ' (in your downloads)' : ''}.`,
            }
          : { kind: 'idle', text: '' },
      );
    } catch (error) {
      setStatus({ kind: 'error', text: `The workspace was not saved: ${message(error)}` });
    }
  };

  const open = async (): Promise<void> => {
    setStatus({ kind: 'working', text: 'Opening the workspace…' });
    try {
      const opened = await openWorkspace(await engine(), host);
      if (opened === null) return setStatus({ kind: 'idle', text: '' });
      data.flow.replaceMappingStore(
        mergeMappingStores(data.flow.mappingStore(), opened.manifest.settings['mappings']),
      );
      data.openedWorkspace(opened.files);
      setVersion((v) => v + 1);
      setStatus({
        kind: 'done',
        text: `Opened ${opened.name}: ${String(opened.manifest.tables.length)} tables, ${String(opened.files.length)} source files, saved ${new Date(opened.manifest.savedAt).toLocaleString('en-GB')} by app version ${opened.manifest.appVersion}.`,
      });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `The workspace was not opened, and nothing loaded was changed: ${message(error)}`,
      });
    }
  };

  return (
    <>
      <h2>Workspace data</h2>
      <p className="muted">
        A workspace is every table loaded here, saved as Parquet files with a manifest
        (workspace.json) listing the source files and settings. It opens again exactly as saved; R
        (arrow) and Python (pandas) can read the Parquet files too.
      </p>
      <div className="workspace-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          Save workspace…
        </button>
        <button type="button" disabled={busy} onClick={() => void open()}>
          Open workspace…
        </button>
        {status.kind !== 'idle' && (
          <span
            className={status.kind === 'error' ? 'error' : 'muted'}
            role={status.kind === 'error' ? 'alert' : 'status'}
            data-testid="workspace-status"
          >
            {status.text}
          </span>
        )}
      </div>
      <div className="data-view-grid">
        <section aria-labelledby="tables-heading">
          <h3 id="tables-heading">Tables</h3>
          <TablesSummary version={data.version + version} />
        </section>
        <section aria-labelledby="places-heading">
          <h3 id="places-heading">Places to compare</h3>
          <LookupsNotice
            lookups={lookups}
            purpose="Peer groups (London boroughs, a county’s districts) and picking a borough’s LSOAs without importing LSOA data need them."
          />
          <div className="workspace-columns">
            <LocalitiesPanel
              version={data.version + version}
              lookups={lookups}
              onChange={changed}
            />
            <PeerGroupsPanel
              version={data.version + version}
              lookups={lookups}
              onChange={changed}
            />
          </div>
        </section>
      </div>
    </>
  );
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
