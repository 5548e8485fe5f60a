/**
 * An import's problems as a list an analyst can work through: severity, file, row, column, what
 * is wrong and what to do. Rows that failed a check are kept and flagged by default; when the
 * file can be imported again, the analyst can drop them instead (or keep them again).
 */
import type { ImportedReport, ImportProblem } from '../../../shared/import';

export interface ProblemsListProps {
  readonly report: ImportedReport;
  /** Present when the file can be imported again with the other choice. */
  readonly onFlaggedRows?: (choice: 'keep' | 'drop') => void;
  readonly flaggedRows?: 'keep' | 'drop';
  readonly busy?: boolean;
}

const SHOWN = 200;

/**
 * Problems that flag their row (`observation.flags`, shared/import/validate.ts and loader.ts),
 * so that "Drop flagged rows" removes it. An unreadable number is one: the cell is read as
 * missing and the row flagged.
 */
const FLAGGING: ReadonlySet<ImportProblem['code']> = new Set([
  'unreadable-number',
  'unknown-area-code',
  'old-area-code',
  'malformed-area-code',
  'duplicate-key',
  'implausible-value',
  'ci-excludes-value',
  'formula-like-text',
]);

export function ProblemsList({
  report,
  onFlaggedRows,
  flaggedRows = 'keep',
  busy = false,
}: ProblemsListProps) {
  const { problems } = report;
  const truncated = Object.values(report.problemsTruncated).reduce((s, n) => s + (n ?? 0), 0);
  const flagging = problems.some((p) => FLAGGING.has(p.code));
  const counts = countBySeverity(problems);
  // Every problem names its file; the heading says it once unless they differ.
  const severalFiles = problems.some((p) => p.file !== report.file);
  if (problems.length === 0) {
    return (
      <p className="muted" data-testid="problems-none">
        No problems found.
      </p>
    );
  }
  return (
    <section className="problems-list" aria-label={`Problems in ${report.file}`}>
      <h3>
        Problems in {report.file}: {summary(counts)}
        {truncated > 0 && (
          <span className="muted">
            {' '}
            (and {truncated.toLocaleString('en-GB')} more of the same kinds, not listed)
          </span>
        )}
      </h3>
      {(flagging || report.rowsDropped > 0) && (
        <div className="flagged-rows" data-testid="flagged-rows">
          {flaggedRows === 'drop' ? (
            <p>
              {report.rowsDropped.toLocaleString('en-GB')} flagged row
              {report.rowsDropped === 1 ? ' was' : 's were'} dropped; the rest were imported.
            </p>
          ) : (
            <p>
              Rows marked “row flagged” below were imported with a flag (the table’s flags column),
              so you can filter them later, or drop them now.
            </p>
          )}
          {onFlaggedRows !== undefined && (
            <button
              type="button"
              disabled={busy}
              onClick={() => onFlaggedRows(flaggedRows === 'drop' ? 'keep' : 'drop')}
            >
              {flaggedRows === 'drop' ? 'Keep flagged rows' : 'Drop flagged rows'}
            </button>
          )}
        </div>
      )}
      <div className="dv-scroll">
        <table className="problems-table" data-testid="problems-table">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              {severalFiles && <th scope="col">File</th>}
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
              <th scope="col">What to do</th>
              <th scope="col">Effect</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i} className={`problem ${p.severity}`}>
                <td>
                  <span className={`severity ${p.severity}`}>{severityLabel(p.severity)}</span>
                </td>
                {severalFiles && <td className="file-cell">{p.file}</td>}
                <td className="num">{p.row === undefined ? '—' : p.row.toLocaleString('en-GB')}</td>
                <td>{p.column ?? '—'}</td>
                <td>{p.message}</td>
                <td>{p.action}</td>
                <td>{effect(p, flaggedRows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > SHOWN && (
        <p className="muted">
          The first {SHOWN} of {problems.length.toLocaleString('en-GB')} are listed.
        </p>
      )}
    </section>
  );
}

function countBySeverity(
  problems: readonly ImportProblem[],
): Record<ImportProblem['severity'], number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const p of problems) out[p.severity]++;
  return out;
}

function summary(counts: Record<ImportProblem['severity'], number>): string {
  const parts: string[] = [];
  if (counts.error > 0) parts.push(`${String(counts.error)} error${counts.error === 1 ? '' : 's'}`);
  if (counts.warning > 0)
    parts.push(`${String(counts.warning)} warning${counts.warning === 1 ? '' : 's'}`);
  if (counts.info > 0) parts.push(`${String(counts.info)} note${counts.info === 1 ? '' : 's'}`);
  return parts.join(', ');
}

function effect(p: ImportProblem, flaggedRows: 'keep' | 'drop'): string {
  if (FLAGGING.has(p.code)) return flaggedRows === 'drop' ? 'row dropped' : 'row flagged';
  return p.row === undefined ? '—' : 'row kept';
}

function severityLabel(severity: ImportProblem['severity']): string {
  return severity === 'error' ? 'Error' : severity === 'warning' ? 'Warning' : 'Note';
}
