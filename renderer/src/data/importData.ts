/**
 * The renderer's one way to load a file: every file (demo or the user's) goes through the
 * shared importer (`importFile`, shared/import), and the outcome carries a view of what the
 * file became. When the importer does not recognise a table (needs a column mapping) or
 * refuses it, the file is still shown as read, in a temporary preview table that is not part
 * of the workspace's data.
 */
import type { Engine } from '../../../shared/engine/engine';
import { ident, literal } from '../../../shared/engine/sql';
import {
  importFile,
  isImportError,
  type DuplicateReport,
  type ImportedReport,
  type ImportOptions,
  type NeedsMappingReport,
} from '../../../shared/import';
import type { HostFile } from '../host/host';
import { relationSource, type TableSource } from './tableSource';

export type ImportOutcome =
  | {
      readonly kind: 'imported';
      readonly report: ImportedReport;
      readonly view: TableSource | null;
    }
  | {
      readonly kind: 'duplicate';
      readonly report: DuplicateReport;
      readonly view: TableSource | null;
    }
  | {
      readonly kind: 'needs-mapping';
      readonly report: NeedsMappingReport;
      readonly view: TableSource | null;
    }
  | {
      readonly kind: 'failed';
      readonly message: string;
      readonly action: string | null;
      readonly view: TableSource | null;
    };

export interface LoadedFile {
  /** Unique within the session. */
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly origin: 'demo' | 'user';
  readonly outcome: ImportOutcome;
}

let sequence = 0;

/** The tail of each engine's import queue: imports run one at a time (each is a transaction). */
const queues = new WeakMap<Engine, Promise<unknown>>();

/**
 * Import one file. Imports on the same engine are queued, so a file dropped while the demo
 * workspace is still loading waits its turn instead of interleaving with another transaction.
 */
export function importData(
  engine: Engine,
  file: HostFile,
  origin: LoadedFile['origin'],
  options: ImportOptions = {},
): Promise<LoadedFile> {
  const previous = queues.get(engine) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => importNow(engine, file, origin, options));
  queues.set(engine, next);
  return next;
}

async function importNow(
  engine: Engine,
  file: HostFile,
  origin: LoadedFile['origin'],
  options: ImportOptions,
): Promise<LoadedFile> {
  const id = `file-${String(++sequence)}`;
  const base = { id, name: file.name, size: file.bytes.length, origin };
  try {
    const report = await importFile(engine, { name: file.name, bytes: file.bytes }, options);
    if (report.status === 'imported') {
      return { ...base, outcome: { kind: 'imported', report, view: importedView(engine, report) } };
    }
    if (report.status === 'duplicate') {
      return { ...base, outcome: { kind: 'duplicate', report, view: null } };
    }
    return {
      ...base,
      outcome: {
        kind: 'needs-mapping',
        report,
        view: await previewView(engine, id, file).catch(() => null),
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const action = isImportError(error) ? error.action : null;
    // A cancelled import is not shown, so do not read the whole file again for a preview.
    const cancelled = isImportError(error) && error.kind === 'cancelled';
    return {
      ...base,
      outcome: {
        kind: 'failed',
        message,
        action,
        view: cancelled ? null : await previewView(engine, id, file).catch(() => null),
      },
    };
  }
}

/** The canonical table that received most of the file's rows, filtered to this file. */
function importedView(engine: Engine, report: ImportedReport): TableSource | null {
  const written = Object.entries(report.rowsWritten).filter(([, n]) => (n ?? 0) > 0);
  written.sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  const table = written[0]?.[0];
  if (table === undefined) return null;
  return relationSource(engine, `${table} rows from this file`, table, {
    where: 'source_file_id = ?',
    params: [report.sourceFileId],
    exclude: ['source_file_id'],
  });
}

/**
 * The file as DuckDB reads it (all text, header from the first row), for files the importer
 * did not load. Non-UTF-8 bytes (Excel's Windows-1252) are transcoded first.
 */
async function previewView(engine: Engine, id: string, file: HostFile): Promise<TableSource> {
  const table = `preview_${id.replace(/\W/g, '_')}`;
  const registered = `${table}.csv`;
  await engine.registerFile(registered, utf8(file.bytes));
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT * FROM read_csv(${literal(registered)}, header = true, all_varchar = true, sample_size = -1)`,
    );
  } finally {
    await engine.dropFile(registered);
  }
  return relationSource(engine, 'the file as read, not imported', table);
}

function utf8(bytes: Uint8Array): Uint8Array {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return bytes;
  } catch {
    return new TextEncoder().encode(new TextDecoder('windows-1252').decode(bytes));
  }
}
