/** What happened to one file: format, rows, and every problem with where it is and what to do. */
import type { ImportOutcome, LoadedFile } from '../data/importData';

export function ImportReportView({ file }: { readonly file: LoadedFile }) {
  const { outcome } = file;
  return (
    <section className="import-report" aria-label={`Import report for ${file.name}`}>
      <h2>{file.name}</h2>
      <dl className="report-facts">
        <dt>Status</dt>
        <dd data-testid="import-status">{statusText(outcome)}</dd>
        <dt>Size</dt>
        <dd>{formatBytes(file.size)}</dd>
        {outcome.kind === 'imported' && (
          <>
            <dt>Format</dt>
            <dd data-testid="import-format">
              {outcome.report.formatLabel} <span className="muted">({outcome.report.format})</span>
            </dd>
            <dt>Encoding</dt>
            <dd>{outcome.report.encoding}</dd>
            <dt>Rows read</dt>
            <dd data-testid="import-rows">{outcome.report.rowsRead.toLocaleString('en-GB')}</dd>
            <dt>Import time</dt>
            <dd>{(outcome.report.elapsedMs / 1000).toFixed(1)} s</dd>
            <dt>Rows written</dt>
            <dd>
              {Object.entries(outcome.report.rowsWritten)
                .filter(([, n]) => (n ?? 0) > 0)
                .map(([table, n]) => `${table} ${(n ?? 0).toLocaleString('en-GB')}`)
                .join(', ') || 'none'}
            </dd>
          </>
        )}
        {outcome.kind === 'needs-mapping' && (
          <>
            <dt>Encoding</dt>
            <dd>{outcome.report.encoding}</dd>
            <dt>Suggested mapping</dt>
            <dd data-testid="suggested-mapping">{mappingText(outcome.report.suggested.columns)}</dd>
          </>
        )}
      </dl>
      {outcome.kind === 'needs-mapping' && (
        <p className="notice">
          This table's layout is not one of the formats the workbench knows, so it is shown as read
          and is not yet part of the workspace's data. Map its columns to area, period and value
          (below) to import it.
        </p>
      )}
      {outcome.kind === 'failed' && (
        <p className="error" role="alert">
          {outcome.message}
        </p>
      )}
      {/* Problems are listed by the Data view (dataView/ProblemsList.tsx), with keep/drop. */}
    </section>
  );
}

function statusText(outcome: ImportOutcome): string {
  switch (outcome.kind) {
    case 'imported':
      return 'Imported';
    case 'duplicate':
      return `Already imported as ${outcome.report.existingName}; nothing changed`;
    case 'needs-mapping':
      return 'Not recognised: needs a column mapping';
    case 'failed':
      return 'Not imported';
  }
}

function mappingText(columns: Readonly<Partial<Record<string, string>>>): string {
  const pairs = Object.entries(columns).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  if (pairs.length === 0) return 'none found';
  return pairs.map(([field, header]) => `“${header}” → ${field.replace('_', ' ')}`).join(', ');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${String(n)} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
