/**
 * XLSX sheets as records, through read-excel-file (SheetJS on npm is frozen with open
 * advisories: STACK-NOTES.md). An xlsx is a zip, so before anything is inflated the central
 * directory's declared sizes are checked with fflate: a "zip bomb" (a few kB that inflate to
 * gigabytes) is refused rather than allowed to exhaust the analyst's memory.
 */
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { ImportError } from './errors';

/** Largest total uncompressed size we inflate. Real ONS/OHID workbooks are well under this. */
export const MAX_XLSX_UNCOMPRESSED = 300 * 1024 * 1024;
/** Compression ratio above which a large entry is treated as a bomb (XML compresses ~10-30x). */
export const MAX_XLSX_RATIO = 200;

export function checkZipSizes(bytes: Uint8Array, file: string): void {
  let total = 0;
  let problem: string | undefined;
  try {
    unzipSync(bytes, {
      // The filter sees each entry's declared sizes and returning false skips inflating it.
      filter(entry) {
        total += entry.originalSize;
        const ratio = entry.originalSize / Math.max(1, entry.size);
        if (entry.originalSize > 10 * 1024 * 1024 && ratio > MAX_XLSX_RATIO) {
          problem ??= `the entry ${entry.name} would inflate ${Math.round(ratio).toLocaleString('en-GB')} times to ${String(Math.round(entry.originalSize / 1048576))} MB`;
        }
        return false;
      },
    });
  } catch (error) {
    throw new ImportError('malformed-csv', file, `The workbook is damaged and cannot be opened (${error instanceof Error ? error.message : String(error)}).`, 'Open it in Excel and save it again, or export the sheet as CSV.', undefined, undefined, { cause: error });
  }
  if (total > MAX_XLSX_UNCOMPRESSED) {
    problem ??= `it would inflate to ${String(Math.round(total / 1048576))} MB`;
  }
  if (problem !== undefined) {
    throw new ImportError('zip-bomb', file, `The workbook was not opened because ${problem}, far more than any real data table.`, 'If the file is genuine, export the sheet you need as CSV and import that.');
  }
}

export interface Sheet {
  readonly name: string;
  readonly rows: string[][];
}

/** Every sheet as text records (numbers as JavaScript prints them; dates as ISO dates). */
export async function readXlsxSheets(bytes: Uint8Array, file: string): Promise<Sheet[]> {
  checkZipSizes(bytes, file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let sheets;
  try {
    sheets = await readXlsxFile(buffer);
  } catch (error) {
    throw new ImportError('malformed-csv', file, `The workbook could not be read (${error instanceof Error ? error.message : String(error)}).`, 'Open it in Excel and save it again as .xlsx, or export the sheet as CSV.', undefined, undefined, { cause: error });
  }
  return sheets.map((s) => ({
    name: s.sheet,
    rows: s.data.map((row) => row.map(cellText)),
  }));
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}
