/**
 * CSV in and out for `jsna-workbench calc`: one parser (papaparse), one place that turns cells
 * into numbers, and one writer.
 *
 * Rows are numbered from 1 after the header ("row 3" is the file's fourth line), the same
 * numbering the shared methods use in their `MethodInputError` messages, because the adapters
 * pass every data row to the method in file order.
 *
 * Missing values: an empty cell or `NA` (as R's write.csv writes it). Numbers are plain decimals
 * (`12`, `-0.5`, `1e-3`); anything else in a numeric column (`1,234`, `n/a`, `Inf`) is an error
 * that names the row and the column, because it almost always means the wrong column or a
 * broken export.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { neutraliseFormula } from '../../../shared/export/figureTableCsv';
import { CliError } from '../cliError';

/** A parsed CSV: header and rows of text cells, every row as wide as the header. */
export interface CsvTable {
  /** The path as the user gave it, for messages. */
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** A cell of an output table; null is written as an empty cell. */
export type OutCell = string | number | boolean | null | undefined;

export interface OutTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly OutCell[])[];
  /** Method warnings to print on standard error (e.g. suppressed life expectancy). */
  readonly warnings?: readonly string[];
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** True for the cells read as missing: empty or `NA`. */
export function isMissing(cell: string): boolean {
  const t = cell.trim();
  return t === '' || t === 'NA';
}

/**
 * A path as the user meant it. `npm run calc -- ...` (and `npm run cli`) run in the package
 * folder, so there relative paths are resolved against the folder npm was started from
 * (INIT_CWD). Anywhere else, including inside other npm scripts, the working folder is used.
 */
export function userPath(file: string): string {
  const { INIT_CWD, npm_lifecycle_event: script } = process.env;
  const viaOurScript = (script === 'calc' || script === 'cli') && INIT_CWD !== undefined;
  return resolve(viaOurScript ? INIT_CWD : process.cwd(), file);
}

/** Reads and parses a CSV file with a header row. Throws `CliError` for any problem. */
export function readCsv(file: string): CsvTable {
  const path = userPath(file);
  if (!existsSync(path)) throw new CliError(`input file '${file}' does not exist.`);
  if (!statSync(path).isFile()) throw new CliError(`input '${file}' is not a file.`);
  return parseCsv(readFileSync(path, 'utf8'), file);
}

/** Parses CSV text (exported for tests and for inputs that are not files). */
export function parseCsv(text: string, file: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // Excel's UTF-8 BOM
  const parsed = Papa.parse<string[]>(body, {
    header: false,
    skipEmptyLines: 'greedy',
    delimiter: ',',
  });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken !== undefined) {
    throw new CliError(
      `${file}: ${broken.message} at row ${String(broken.row ?? 0)}; check the quoting.`,
    );
  }
  const [header, ...rows] = parsed.data;
  if (header === undefined)
    throw new CliError(`${file}: the file is empty; expected a header row.`);
  const names = header.map((h) => h.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      throw new CliError(`${file}: column '${name}' appears twice in the header.`);
    seen.add(name);
  }
  rows.forEach((row, i) => {
    if (row.length !== names.length) {
      throw new CliError(
        `${file}: row ${String(i + 1)} has ${String(row.length)} cells but the header has ${String(names.length)}.`,
      );
    }
  });
  return { file, header: names, rows };
}

/** Index of a column, or a `CliError` that names it, the option it came from and the columns there are. */
export function columnIndex(table: CsvTable, name: string, option: string): number {
  const j = table.header.indexOf(name);
  if (j < 0) {
    throw new CliError(
      `${table.file}: no column '${name}' (given by --${option}). Available columns: ${table.header.join(', ')}.`,
    );
  }
  return j;
}

/** A column's cells as text (for group-by keys and labels), trimmed. */
export function textColumn(table: CsvTable, name: string, option: string): string[] {
  const j = columnIndex(table, name, option);
  return table.rows.map((row) => row[j]!.trim());
}

/**
 * A column's cells as numbers: a `Float64Array` when none is missing (the methods' fast path),
 * otherwise an array with `null` for each missing cell. A cell that is not a number is a
 * `CliError` naming the row and the column.
 */
export function numericColumn(
  table: CsvTable,
  name: string,
  option: string,
): Float64Array | (number | null)[] {
  const j = columnIndex(table, name, option);
  const n = table.rows.length;
  const values = new Float64Array(n);
  let withMissing: (number | null)[] | undefined;
  for (let i = 0; i < n; i++) {
    const cell = table.rows[i]![j]!;
    if (isMissing(cell)) {
      withMissing ??= Array.from(values.subarray(0, i));
      withMissing.push(null);
      continue;
    }
    const text = cell.trim();
    if (!NUMBER.test(text)) {
      throw new CliError(
        `${table.file}: row ${String(i + 1)}, column '${name}': '${cell}' is not a number.`,
      );
    }
    const v = Number(text);
    if (withMissing === undefined) values[i] = v;
    else withMissing.push(v);
  }
  return withMissing ?? values;
}

/**
 * Formats one output cell: numbers at full precision (shortest round trip), missing as empty,
 * text that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(1)`,
 * copied from an input group column) neutralised as in the figure CSV (issue 10).
 */
export function formatCell(value: OutCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return neutraliseFormula(value);
  return String(value);
}

/** CSV text of a table (quotes only where needed, `\n` line ends). */
export function formatCsv(table: OutTable): string {
  const data = table.rows.map((row) => row.map(formatCell));
  return Papa.unparse({ fields: [...table.header], data }, { newline: '\n' }) + '\n';
}

/** Writes a table to `file`, or to standard output when `file` is `-`. */
export function writeCsv(file: string, table: OutTable): void {
  const text = formatCsv(table);
  if (file === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(userPath(file), text);
  } catch (error) {
    throw new CliError(`cannot write output file '${file}': ${(error as Error).message}`);
  }
}
