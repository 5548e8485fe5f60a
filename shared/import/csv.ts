/**
 * CSV parsing in TypeScript with papaparse. DuckDB's read_csv cannot read older Fingertips
 * exports (CRLF records with a bare LF inside a quoted field: SOURCES.md "Loading notes"), and
 * its Windows-1252 support needs an extension we cannot load offline, so text is parsed here
 * and written to DuckDB as Arrow batches.
 *
 * Rows stream through a callback; the parser pauses while a batch is written, so memory is
 * bounded by the batch size rather than the file size.
 */
import Papa from 'papaparse';
import { ImportError } from './errors';

export type Delimiter = ',' | ';' | '\t' | '|';
const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];

/** Characters parsed per chunk (~1-4 MB of text). */
const CHUNK_CHARS = 1 << 21;

/** Longest record we accept: protects memory and the UI from one-line multi-megabyte files. */
export const MAX_RECORD_CHARS = 1 << 20;

/**
 * Pick the delimiter from the first lines: the candidate that splits the most lines into the
 * same (>1) number of fields. Quotes are ignored here; this only has to beat the others.
 */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text.slice(0, 65536).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 30);
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length);
    const tally = new Map<number, number>();
    for (const c of counts) if (c > 1) tally.set(c, (tally.get(c) ?? 0) + 1);
    let score = 0;
    for (const [fields, lineCount] of tally) score = Math.max(score, lineCount * 1000 + fields);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** The first `limit` records, for detection and previews. */
export function previewRecords(text: string, delimiter: Delimiter, limit: number): string[][] {
  const result = Papa.parse<string[]>(text.slice(0, 1 << 20), {
    delimiter,
    preview: limit,
    skipEmptyLines: false,
  });
  return result.data;
}

export interface StreamCallbacks {
  /** One record; `index` is 0-based over all records in the file (preamble included). */
  onRecord(fields: string[], index: number): void;
  /** Called between records when `shouldPause()` is true; the parser waits for it. */
  onPause(): Promise<void>;
  shouldPause(): boolean;
  /** Progress: characters of this text consumed so far. */
  onCursor?(chars: number): void;
}

/**
 * Stream every record of `text`, a chunk of records at a time (papaparse's `chunk` mode: far
 * less per-record overhead than `step`). Rejects with an ImportError on malformed quoting (an
 * unterminated quote usually means a truncated file) or an over-long record.
 */
export function streamRecords(
  text: string,
  delimiter: Delimiter,
  file: string,
  callbacks: StreamCallbacks,
  /** Index of the first record in `text` (when a file is parsed in segments). */
  firstIndex = 0,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let index = firstIndex;
    let failed = false;
    const fail = (parser: Papa.Parser, error: unknown): void => {
      failed = true;
      parser.abort();
      reject(error);
    };
    Papa.parse<string[]>(text, {
      delimiter,
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARS,
      chunk(result: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        if (failed) return;
        const quoteError = result.errors.find((e: Papa.ParseError) => e.type === 'Quotes');
        if (quoteError !== undefined) {
          const at = index + (quoteError.row ?? 0) + 1;
          fail(
            parser,
            new ImportError(
              'malformed-csv',
              file,
              `Record ${String(at)} has a quote that is never closed (${quoteError.message}); the file may be truncated or damaged.`,
              'Download or export the file again; if you edited it, check the quotes around that record.',
              at,
            ),
          );
          return;
        }
        try {
          for (const record of result.data) {
            let chars = 0;
            for (const field of record) chars += field.length;
            if (chars > MAX_RECORD_CHARS) {
              throw new ImportError(
                'malformed-csv',
                file,
                `Record ${String(index + 1)} is longer than ${String(MAX_RECORD_CHARS)} characters; the file is probably not a table, or a quote is never closed.`,
                'Check that the file is a CSV export and that every opening quote has a closing quote.',
                index + 1,
              );
            }
            callbacks.onRecord(record, index++);
          }
          callbacks.onCursor?.(result.meta.cursor);
        } catch (error) {
          fail(parser, error);
          return;
        }
        if (callbacks.shouldPause()) {
          parser.pause();
          callbacks.onPause().then(
            () => {
              if (!failed) parser.resume();
            },
            (error: unknown) => {
              fail(parser, error);
            },
          );
        }
      },
      complete() {
        if (!failed) resolve(index);
      },
      error(error: Error) {
        if (!failed) {
          failed = true;
          reject(new ImportError('malformed-csv', file, `The file could not be read as CSV: ${error.message}.`, 'Check that the file is a CSV export.'));
        }
      },
    });
  });
}
