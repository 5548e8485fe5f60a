/**
 * Plain-text import reports for the terminal: one block per file, every problem with its row
 * and column, in the words the app uses (the importer's own messages and actions).
 */
import type { ImportProblem, ImportReport } from '../../../shared/import/index';

function where(p: ImportProblem): string {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(`row ${String(p.row)}`);
  if (p.column !== undefined) parts.push(`column "${p.column}"`);
  return parts.length === 0 ? '' : `${parts.join(', ')}: `;
}

export function formatReport(report: ImportReport): string {
  const lines: string[] = [];
  if (report.status === 'duplicate') {
    lines.push(
      `${report.file}: skipped, the same file (SHA-256 ${report.sha256.slice(0, 12)}…) is already loaded as "${report.existingName}". Use --on-duplicate replace to load it again.`,
    );
    return lines.join('\n');
  }
  if (report.status === 'needs-mapping') {
    lines.push(
      `${report.file}: not imported, the columns were not recognised (${String(report.rowsTotal)} rows, ${report.encoding}).`,
    );
    lines.push(`  columns: ${report.columns.map((c) => JSON.stringify(c.header)).join(', ')}`);
    lines.push(
      '  Map the columns in the app (File > Import) or save the file as a Fingertips-style CSV with Area Code, Time period and Value columns.',
    );
    return lines.join('\n');
  }
  const written = Object.entries(report.rowsWritten)
    .map(([table, n]) => `${table} ${String(n)}`)
    .join(', ');
  lines.push(
    `${report.file}: imported as ${report.formatLabel} (${report.format}), ${report.encoding}, ${(report.elapsedMs / 1000).toFixed(2)} s`,
  );
  lines.push(
    `  rows read ${String(report.rowsRead)}; written: ${written || 'nothing'}${report.rowsDropped > 0 ? `; dropped ${String(report.rowsDropped)}` : ''}`,
  );
  if (report.replacedSourceFileId !== undefined)
    lines.push(
      `  replaced the earlier import of the same file (source file ${String(report.replacedSourceFileId)})`,
    );
  const bySeverity = (s: ImportProblem['severity']) =>
    report.problems.filter((p) => p.severity === s);
  for (const severity of ['error', 'warning', 'info'] as const) {
    const problems = bySeverity(severity);
    if (problems.length === 0) continue;
    lines.push(`  ${severity === 'info' ? 'notes' : `${severity}s`} (${String(problems.length)}):`);
    for (const p of problems) lines.push(`    ${where(p)}${p.message} ${p.action} [${p.code}]`);
  }
  const truncated = Object.entries(report.problemsTruncated);
  if (truncated.length > 0)
    lines.push(
      `  not listed: ${truncated.map(([code, n]) => `${String(n)} more ${code}`).join(', ')}`,
    );
  return lines.join('\n');
}
