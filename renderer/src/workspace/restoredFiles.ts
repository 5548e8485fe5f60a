/**
 * The file list after a workspace is opened: one entry per `source_file` row, each showing the
 * canonical table that holds most of its rows, as an import would have (importData.ts). The
 * problems recorded at import time (`source_file.warnings`) come back with it, and the import
 * facts the tables do not hold (rows read, encoding, format label) from the manifest's
 * `importFacts` setting, keyed by SHA-256, so the list shows what it showed when saved.
 */
import type { Engine } from '../../../shared/engine/engine';
import { ident } from '../../../shared/engine/sql';
import type { ImportedReport, ImportProblem } from '../../../shared/import';
import { FILE_OWNED_TABLES } from '../../../shared/model/schema';
import type { LoadedFile } from '../data/importData';
import { relationSource } from '../data/tableSource';

interface SourceRow {
  readonly id: number;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly format: string;
  readonly rows: number;
  readonly warnings: string | null;
}

/** What an import report says that the tables do not: kept in the manifest's settings. */
export interface ImportFacts {
  readonly rowsRead: number;
  readonly rowsDropped: number;
  readonly encoding: string;
  readonly formatLabel: string;
  readonly problemsTruncated: ImportedReport['problemsTruncated'];
  readonly elapsedMs: number;
}

export function importFactsOf(files: readonly LoadedFile[]): Record<string, ImportFacts> {
  const out: Record<string, ImportFacts> = {};
  for (const f of files) {
    if (f.outcome.kind !== 'imported') continue;
    const r = f.outcome.report;
    out[r.sha256] = {
      rowsRead: r.rowsRead,
      rowsDropped: r.rowsDropped,
      encoding: r.encoding,
      formatLabel: r.formatLabel,
      problemsTruncated: r.problemsTruncated,
      elapsedMs: r.elapsedMs,
    };
  }
  return out;
}

function factsFor(saved: unknown, sha256: string): Partial<ImportFacts> {
  if (saved === null || typeof saved !== 'object') return {};
  const facts = (saved as Record<string, unknown>)[sha256];
  return facts !== null && typeof facts === 'object' ? (facts as Partial<ImportFacts>) : {};
}

export async function restoredFiles(
  engine: Engine,
  present: ReadonlySet<string>,
  savedFacts?: unknown,
): Promise<LoadedFile[]> {
  if (!present.has('source_file')) return [];
  const t = await engine.query(
    `SELECT id::INTEGER AS id, name, sha256, size::DOUBLE AS size, format, rows::DOUBLE AS rows, warnings
     FROM source_file ORDER BY id`,
  );
  const sources = t.toArray().map((r: Record<string, unknown>) => ({
    id: Number(r.id),
    name: String(r.name),
    sha256: String(r.sha256),
    size: Number(r.size),
    format: String(r.format),
    rows: Number(r.rows),
    warnings: (r.warnings as string | null) ?? null,
  })) as SourceRow[];
  // Rows per (file, table), to show each file's main table.
  const owned = FILE_OWNED_TABLES.filter((name) => present.has(name));
  const counts = new Map<number, [string, number][]>();
  for (const table of owned) {
    const c = await engine.query(
      `SELECT source_file_id::INTEGER AS id, count(*)::DOUBLE AS n FROM ${ident(table)} GROUP BY 1`,
    );
    const ids = c.getChild('id')!.toArray() as Int32Array;
    const ns = c.getChild('n')!.toArray() as Float64Array;
    ids.forEach((id, i) => counts.set(id, [...(counts.get(id) ?? []), [table, ns[i]!]]));
  }
  return sources.map((s) => {
    const written = (counts.get(s.id) ?? []).sort((a, b) => b[1] - a[1]);
    const facts = factsFor(savedFacts, s.sha256);
    const report: ImportedReport = {
      status: 'imported',
      file: s.name,
      sha256: s.sha256,
      size: s.size,
      sourceFileId: s.id,
      format: s.format,
      formatLabel: typeof facts.formatLabel === 'string' ? facts.formatLabel : s.format,
      encoding: typeof facts.encoding === 'string' ? facts.encoding : 'not recorded',
      // Without the saved facts, the rows written are the best count there is.
      rowsRead: typeof facts.rowsRead === 'number' ? facts.rowsRead : s.rows,
      rowsWritten: Object.fromEntries(written),
      rowsDropped: typeof facts.rowsDropped === 'number' ? facts.rowsDropped : 0,
      problems: parseWarnings(s.warnings),
      problemsTruncated: facts.problemsTruncated ?? {},
      elapsedMs: typeof facts.elapsedMs === 'number' ? facts.elapsedMs : 0,
    };
    const main = written[0]?.[0];
    return {
      id: `workspace-${String(s.id)}`,
      name: s.name,
      size: s.size,
      origin: 'user',
      outcome: {
        kind: 'imported',
        report,
        view:
          main === undefined
            ? null
            : relationSource(engine, `${main} rows from this file`, main, {
                where: 'source_file_id = ?',
                params: [s.id],
                exclude: ['source_file_id'],
              }),
      },
    };
  });
}

function parseWarnings(text: string | null): ImportProblem[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as ImportProblem[]) : [];
  } catch {
    return [];
  }
}
