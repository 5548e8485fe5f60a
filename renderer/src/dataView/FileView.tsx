/**
 * One file in the Data view: what the importer made of it, and the question it is waiting on
 * (map the columns, replace or skip a duplicate), its problems with keep/drop for flagged rows,
 * then the rows themselves.
 */
import { useState } from 'react';
import { DataTable } from '../components/DataTable';
import { ImportReportView } from '../components/ImportReportView';
import type { LoadedFile } from '../data/importData';
import { MappingDialog } from './MappingDialog';
import { useFocusOnMount } from './useFocusOnMount';
import { ProblemsList } from './ProblemsList';
import type { ImportFlow } from './useImportFlow';
import './dataView.css';

export function FileView({ file, flow }: { readonly file: LoadedFile; readonly flow: ImportFlow }) {
  const meta = flow.meta(file.id);
  const decisionRef = useFocusOnMount<HTMLElement>(`${file.id}:${file.outcome.kind}`);
  const [changingId, setChangingId] = useState<string | null>(null);
  const changing = changingId === file.id;
  const setChanging = (on: boolean): void => setChangingId(on ? file.id : null);
  const busy = flow.running !== null;
  const { outcome } = file;
  return (
    <>
      {outcome.kind === 'duplicate' && meta !== undefined && (
        <section
          className="decision"
          role="alertdialog"
          aria-labelledby={`${file.id}-dup`}
          ref={decisionRef}
          tabIndex={-1}
        >
          <h3 id={`${file.id}-dup`}>This file was imported before</h3>
          <p>
            {file.name} has exactly the same contents as{' '}
            <strong>{outcome.report.existingName}</strong>, which is already in the workspace.
            Nothing has been changed yet.
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void flow.resolveDuplicate(file, 'replace')}
            >
              Replace
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void flow.resolveDuplicate(file, 'skip')}
            >
              Skip
            </button>
            <span className="muted">
              Replace re-imports it in place of the earlier copy; Skip keeps the earlier copy only.
            </span>
          </div>
        </section>
      )}
      {meta?.mappingReusedFrom !== undefined && outcome.kind !== 'duplicate' && (
        <p className="notice" data-testid="mapping-reused">
          Columns mapped with the mapping you saved
          {meta.mappingReusedFrom === ''
            ? ''
            : ` on ${new Date(meta.mappingReusedFrom).toLocaleDateString('en-GB')}`}{' '}
          for files with this header.
        </p>
      )}
      <ImportReportView file={file} />
      {outcome.kind === 'imported' && meta?.unrecognised !== undefined && (
        <div className="dialog-actions">
          <button
            type="button"
            disabled={busy}
            onClick={() => setChanging(!changing)}
            aria-expanded={changing}
          >
            {changing ? 'Keep this column mapping' : 'Change column mapping…'}
          </button>
        </div>
      )}
      {outcome.kind === 'imported' && changing && meta?.unrecognised !== undefined && (
        <MappingDialog
          file={file.name}
          report={meta.unrecognised.report}
          view={meta.unrecognised.view}
          busy={busy}
          {...(meta.mapping === undefined ? {} : { initial: meta.mapping })}
          onConfirm={(mapping) => {
            setChanging(false);
            void flow.applyMapping(file, mapping);
          }}
        />
      )}
      {outcome.kind === 'needs-mapping' && meta !== undefined && (
        <MappingDialog
          file={file.name}
          report={outcome.report}
          view={outcome.view}
          busy={busy}
          onConfirm={(mapping) => void flow.applyMapping(file, mapping)}
        />
      )}
      {outcome.kind === 'failed' && (
        <p className="muted">Nothing already in the workspace was changed.</p>
      )}
      {outcome.kind === 'imported' && (
        <ProblemsList
          report={outcome.report}
          busy={busy}
          flaggedRows={meta?.flaggedRows ?? 'keep'}
          {...(meta === undefined
            ? {}
            : {
                onFlaggedRows: (choice: 'keep' | 'drop') => void flow.reimportFlagged(file, choice),
              })}
        />
      )}
      {outcome.view !== null ? (
        <DataTable key={file.id} source={outcome.view} />
      ) : (
        <p className="muted">There is no table to show for this file.</p>
      )}
    </>
  );
}
