/**
 * Open an input as either records (CSV text or an XLSX sheet) or a JSON value. Refuses, with
 * a message that says what to do, files that are empty, binary, legacy .xls or a plain zip.
 */
import { ImportError } from './errors';
import { decodeText, sniffContainer } from './decode';
import { MAX_RECORD_CHARS, previewRecords, sniffDelimiter, streamRecords, type StreamCallbacks } from './csv';
import type { Fields } from './formats/format';
import { detectTabular } from './formats/registry';
import { readXlsxSheets } from './xlsx';
import type { ImportInput } from './types';

/** Records to detect on and stream through. */
export interface RecordSource {
  /** The first records (preamble and header included), for detection and previews. */
  readonly sample: readonly Fields[];
  forEach(callbacks: Omit<StreamCallbacks, 'onCursor'>): Promise<number>;
  /** Estimated total data rows, given rows read so far (exact once done). */
  estimateTotal(rowsDone: number): number;
}

export type Source =
  | { readonly kind: 'records'; readonly encoding: string; readonly records: RecordSource }
  | { readonly kind: 'json'; readonly encoding: string; readonly value: unknown };

const SAMPLE_RECORDS = 40;
/** Excel's column limit: wider "tables" are damaged or not tables. */
const MAX_COLUMNS = 16_384;

export async function openSource(input: ImportInput): Promise<Source> {
  const { name: file, bytes } = input;
  if (bytes.length === 0) {
    throw new ImportError('empty-file', file, 'The file is empty (0 bytes).', 'Check that the download or export finished, then choose the file again.');
  }
  const container = sniffContainer(bytes);
  if (container === 'xls') {
    throw new ImportError('legacy-xls', file, 'This is a legacy Excel 97-2003 workbook (.xls), which the workbench cannot read.', 'Open it in Excel and save the sheet you need as "CSV UTF-8" or as an .xlsx workbook, then import that.');
  }
  if (container === 'zip') {
    throw new ImportError('unsupported-format', file, 'This is a zip archive, not a table.', 'Unzip it and import the CSV files inside.');
  }
  if (container === 'binary') {
    throw new ImportError('binary-file', file, 'This is not a text table: it contains binary data.', 'Choose a CSV, XLSX or Fingertips JSON file.');
  }
  if (container === 'xlsx') return { kind: 'records', encoding: 'xlsx', records: await xlsxRecords(bytes, file) };

  const { text, encoding } = decodeText(bytes, file);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    try {
      return { kind: 'json', encoding, value: JSON.parse(trimmed) as unknown };
    } catch (error) {
      throw new ImportError('malformed-json', file, `The JSON is damaged or truncated (${error instanceof Error ? error.message : String(error)}).`, 'Download the file again.', undefined, undefined, { cause: error });
    }
  }
  if (trimmed === '') {
    throw new ImportError('empty-file', file, 'The file contains only blank lines.', 'Check that the export finished, then choose the file again.');
  }
  const firstBreak = text.search(/[\r\n]/);
  if (firstBreak > MAX_RECORD_CHARS || (firstBreak < 0 && text.length > MAX_RECORD_CHARS)) {
    throw new ImportError('too-large', file, `The first line is longer than ${String(MAX_RECORD_CHARS / 1048576)} MB, so this is not a table the workbench can read.`, 'Check that you chose the right file; tables have one record per line.', 1);
  }
  const delimiter = sniffDelimiter(text);
  const sample = previewRecords(text, delimiter, SAMPLE_RECORDS);
  const widest = sample.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > MAX_COLUMNS) {
    throw new ImportError('too-large', file, `A record has ${String(widest)} columns, more than a spreadsheet can hold (${String(MAX_COLUMNS)}).`, 'Check the delimiter and that this is a table; split very wide tables before importing.');
  }
  let total: number | undefined;
  let cursor = 0;
  return {
    kind: 'records',
    encoding,
    records: {
      sample,
      async forEach(callbacks) {
        total = await streamRecords(text, delimiter, file, {
          ...callbacks,
          onCursor: (c) => {
            cursor = c;
          },
        });
        return total;
      },
      estimateTotal(rowsDone) {
        if (total !== undefined) return rowsDone;
        return cursor === 0 ? rowsDone : Math.max(rowsDone, Math.round((rowsDone * text.length) / cursor));
      },
    },
  };
}

async function xlsxRecords(bytes: Uint8Array, file: string): Promise<RecordSource> {
  const sheets = (await readXlsxSheets(bytes, file)).filter((s) => s.rows.length > 0);
  if (sheets.length === 0) {
    throw new ImportError('empty-file', file, 'The workbook has no cells with data.', 'Choose the workbook that holds the data.');
  }
  // The first sheet whose content is a known format, else the largest (cover and notes
  // sheets are short; the data sheet is the one to map).
  const largest = sheets.reduce((a, b) => (b.rows.length > a.rows.length ? b : a));
  const sheet = sheets.find((s) => detectTabular(s.rows.slice(0, SAMPLE_RECORDS)) !== undefined) ?? largest;
  const rows = sheet.rows;
  return {
    sample: rows.slice(0, SAMPLE_RECORDS),
    async forEach(callbacks) {
      for (let i = 0; i < rows.length; i++) {
        callbacks.onRecord(rows[i]!, i);
        if (callbacks.shouldPause()) await callbacks.onPause();
      }
      return rows.length;
    },
    estimateTotal: () => rows.length,
  };
}
