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

export function ProblemsList({
  report,
  onFlaggedRows,
  flaggedRows = 'keep',
  busy = false,
}: ProblemsListProps) {
  const { problems } = report;
  const truncated = Object.values(report.problemsTruncated).reduce((s, n) => s + (n ?? 0), 0);
  const rowProblems = problems.some((p) => p.row !== undefined && p.severity !== 'info');
  const counts = countBySeverity(problems);
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
        Problems: {summary(counts)}
        {truncated > 0 && (
          <span className="muted">
            {' '}
            (and {truncated.toLocaleString('en-GB')} more of the same kinds, not listed)
          </span>
        )}
      </h3>
      {(rowProblems || report.rowsDropped > 0) && (
        <div className="flagged-rows" data-testid="flagged-rows">
          {flaggedRows === 'drop' ? (
            <p>
              {report.rowsDropped.toLocaleString('en-GB')} flagged row
              {report.rowsDropped === 1 ? ' was' : 's were'} dropped; the rest were imported.
            </p>
          ) : (
            <p>Rows with problems were imported and flagged, so you can see them in the table.</p>
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
      <div className="table-scroll">
        <table className="problems-table" data-testid="problems-table">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">File</th>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
              <th scope="col">What to do</th>
            </tr>
          </thead>
          <tbody>
            {problems.slice(0, SHOWN).map((p, i) => (
              <tr key={i} className={`problem ${p.severity}`}>
                <td>
                  <span className={`severity ${p.severity}`}>{severityLabel(p.severity)}</span>
                </td>
                <td className="file-cell">{p.file}</td>
                <td className="num">{p.row === undefined ? '—' : p.row.toLocaleString('en-GB')}</td>
                <td>{p.column ?? '—'}</td>
                <td>{p.message}</td>
                <td>{p.action}</td>
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

function severityLabel(severity: ImportProblem['severity']): string {
  return severity === 'error' ? 'Error' : severity === 'warning' ? 'Warning' : 'Note';
}
