/**
 * The data behind a figure as CSV (RFC 4180: comma-separated, CRLF line ends, fields with
 * commas, quotes or line breaks quoted, quotes doubled), with a UTF-8 byte-order mark so that
 * Excel on Windows reads names such as "Ynys Môn" correctly.
 *
 * Text cells that a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) are
 * prefixed with an apostrophe (OWASP "CSV injection"); numbers are written as numbers.
 */
import type { FigureTable } from '../figures/spec';

const BOM = '\uFEFF';

export function figureTableCsv(table: FigureTable, notes: readonly string[] = []): string {
  const lines = [table.columns.map(textCell), ...table.rows.map((row) => row.map(cell))].map(
    (cells) => cells.join(','),
  );
  // Notes (title, source) go after a blank line, so the table still opens as a clean grid.
  const tail = notes.length === 0 ? [] : ['', ...notes.map(textCell)];
  return BOM + [...lines, ...tail].join('\r\n') + '\r\n';
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return textCell(value);
}

/**
 * Text a spreadsheet would run as a formula (starting =, +, -, @, tab or CR) gets a leading
 * apostrophe (OWASP "CSV injection"). Every CSV the workbench writes passes text through this.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function textCell(value: string): string {
  const safe = neutraliseFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
