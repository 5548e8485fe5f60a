/**
 * Open an input as either records (CSV text or an XLSX/XLS sheet) or a JSON value. Refuses,
 * with a message that says what to do, files that are empty, binary or a plain zip.
 */
import { ImportError } from './errors';
import { decodeSlice, detectEncoding, sniffContainer } from './decode';
import { segmentBoundaries } from './segments';
import { MAX_RECORD_CHARS, previewRecords, sniffDelimiter, streamRecords, type StreamCallbacks } from './csv';
import type { Fields } from './formats/format';
import { detectTabular } from './formats/registry';
import { readXlsxSheets, type Sheet } from './xlsx';
import { readXlsSheets } from './xls';
import type { ImportInput } from './types';

/** Records to detect on and stream through. */
export interface RecordSource {
  /** The first records (preamble and header included), for detection and previews. */
  readonly sample: readonly Fields[];
  forEach(callbacks: Omit<StreamCallbacks, 'onCursor'>): Promise<number>;
  /** Estimated total data rows, given rows read so far (exact once done). */
  estimateTotal(rowsDone: number): number;
  /** The workbook sheet these records come from (XLSX/XLS only), for messages. */
  readonly sheet?: string;
}

export type Source =
  | {
      readonly kind: 'records';
      readonly encoding: string;
      readonly records: RecordSource;
      /** Further workbook sheets in a known layout, loaded in the same transaction. */
      readonly moreSheets?: readonly RecordSource[];
    }
  | { readonly kind: 'json'; readonly encoding: string; readonly value: unknown };

const SAMPLE_RECORDS = 40;
const SAMPLE_BYTES = 1 << 20;
/** Excel's column limit: wider "tables" are damaged or not tables. */
const MAX_COLUMNS = 16_384;

export async function openSource(input: ImportInput): Promise<Source> {
  const { name: file, bytes } = input;
  if (bytes.length === 0) {
    throw new ImportError('empty-file', file, 'The file is empty (0 bytes).', 'Check that the download or export finished, then choose the file again.');
  }
  const container = sniffContainer(bytes);
  if (container === 'xls') {
    // Legacy Excel 97-2003 (BIFF8): the same sheet choice as for .xlsx.
    const [records, ...moreSheets] = workbookRecords(readXlsSheets(bytes, file), file);
    return { kind: 'records', encoding: 'xls', records: records!, moreSheets };
  }
  if (container === 'zip') {
    throw new ImportError('unsupported-format', file, 'This is a zip archive, not a table.', 'Unzip it and import the CSV files inside.');
  }
  if (container === 'binary') {
    throw new ImportError('binary-file', file, 'This is not a text table: it contains binary data.', 'Choose a CSV, XLSX or Fingertips JSON file.');
  }
  if (container === 'xlsx') {
    const [records, ...moreSheets] = workbookRecords(await readXlsxSheets(bytes, file), file);
    return { kind: 'records', encoding: 'xlsx', records: records!, moreSheets };
  }

  const { encoding, bodyStart } = detectEncoding(bytes, file);
  const firstNonSpace = bytes.subarray(bodyStart, bodyStart + 4096).findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  const first = firstNonSpace < 0 ? -1 : bytes[bodyStart + firstNonSpace]!;
  if (first === 0x5b || first === 0x7b) return jsonSource(bytes, bodyStart, encoding, file);
  if (first < 0 && bytes.length - bodyStart < 4096) {
    throw new ImportError('empty-file', file, 'The file contains only blank lines.', 'Check that the export finished, then choose the file again.');
  }
  const firstBreak = bytes.indexOf(0x0a, bodyStart);
  if (firstBreak - bodyStart > MAX_RECORD_CHARS || (firstBreak < 0 && bytes.length - bodyStart > MAX_RECORD_CHARS)) {
    throw new ImportError('too-large', file, `The first line is longer than ${String(MAX_RECORD_CHARS / 1048576)} MB, so this is not a table the workbench can read.`, 'Check that you chose the right file; tables have one record per line.', 1);
  }
  // Detection sees the first megabyte only; the whole file is then parsed segment by segment.
  const head = decodeSlice(bytes, bodyStart, Math.min(bytes.length, bodyStart + SAMPLE_BYTES), encoding);
  const delimiter = sniffDelimiter(head);
  const sample = previewRecords(head, delimiter, SAMPLE_RECORDS);
  const widest = sample.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > MAX_COLUMNS) {
    throw new ImportError('too-large', file, `A record has ${String(widest)} columns, more than a spreadsheet can hold (${String(MAX_COLUMNS)}).`, 'Check the delimiter and that this is a table; split very wide tables before importing.');
  }
  let total: number | undefined;
  let bytesDone = 0;
  const bodyLength = bytes.length - bodyStart;
  return {
    kind: 'records',
    encoding,
    records: {
      sample,
      async forEach(callbacks) {
        let index = 0;
        for (const [start, end] of segmentBoundaries(bytes, bodyStart)) {
          let text = decodeSlice(bytes, start, end, encoding);
          // Drop the segment's final line break so the parser does not see an empty record.
          if (end < bytes.length) text = text.replace(/\r?\n$/, '');
          const chars = Math.max(1, text.length);
          index = await streamRecords(text, delimiter, file, { ...callbacks, onCursor: (c) => (bytesDone = start - bodyStart + ((end - start) * c) / chars) }, index);
          bytesDone = end - bodyStart;
        }
        total = index;
        return index;
      },
      estimateTotal(rowsDone) {
        if (total !== undefined || bytesDone === 0) return rowsDone;
        return Math.max(rowsDone, Math.round((rowsDone * bodyLength) / bytesDone));
      },
    },
  };
}

/** Largest JSON file read (indicator metadata files are well under 1 MB). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

function jsonSource(bytes: Uint8Array, bodyStart: number, encoding: string, file: string): Source {
  if (bytes.length > MAX_JSON_BYTES) {
    throw new ImportError('too-large', file, `The JSON file is larger than ${String(MAX_JSON_BYTES / 1048576)} MB; the workbench reads JSON only for indicator metadata.`, 'Export the data as CSV and import that instead.');
  }
  const text = decodeSlice(bytes, bodyStart, bytes.length, encoding);
  try {
    return { kind: 'json', encoding, value: JSON.parse(text) as unknown };
  } catch (error) {
    throw new ImportError('malformed-json', file, `The JSON is damaged or truncated (${error instanceof Error ? error.message : String(error)}).`, 'Download the file again.', undefined, undefined, { cause: error });
  }
}

/**
 * The sheets to load: every sheet in a known layout (an ONS workbook often holds the same
 * table for persons, males and females on three sheets), else the largest sheet, for mapping
 * (cover and notes sheets are short).
 */
function workbookRecords(all: readonly Sheet[], file: string): RecordSource[] {
  const sheets = all.filter((s) => s.rows.length > 0);
  if (sheets.length === 0) {
    throw new ImportError('empty-file', file, 'The workbook has no cells with data.', 'Choose the workbook that holds the data.');
  }
  const known = sheets.filter((s) => detectTabular(s.rows.slice(0, SAMPLE_RECORDS)) !== undefined);
  const chosen = known.length > 0 ? known : [sheets.reduce((a, b) => (b.rows.length > a.rows.length ? b : a))];
  return chosen.map(({ name, rows }) => ({
    sheet: name,
    sample: rows.slice(0, SAMPLE_RECORDS),
    async forEach(callbacks) {
      for (let i = 0; i < rows.length; i++) {
        callbacks.onRecord(rows[i]!, i);
        if (callbacks.shouldPause()) await callbacks.onPause();
      }
      return rows.length;
    },
    estimateTotal: () => rows.length,
  }));
}
