/**
 * The first rows of an unrecognised file, as header -> cell text, for the mapping preview. Read
 * from the file's preview table (importData.ts reads it with DuckDB, all text) when its columns
 * line up with the importer's header; otherwise (an XLSX, or a title block above the header)
 * from the importer's column samples, which are each column's first non-empty values.
 */
import { useEffect, useState } from 'react';
import { stringColumn } from '../../../shared/engine/columns';
import type { NeedsMappingReport } from '../../../shared/import';
import type { TableSource } from '../data/tableSource';

const PREVIEW_ROWS = 5;

export type PreviewRow = ReadonlyMap<string, string>;

function fromSamples(report: NeedsMappingReport): PreviewRow[] {
  const n = Math.min(PREVIEW_ROWS, Math.max(0, ...report.columns.map((c) => c.samples.length)));
  return Array.from(
    { length: n },
    (_, i) => new Map(report.columns.map((c) => [c.header, c.samples[i] ?? ''])),
  );
}

export function usePreviewRows(
  view: TableSource | null,
  report: NeedsMappingReport,
): readonly PreviewRow[] {
  const [rows, setRows] = useState<readonly PreviewRow[]>(() => fromSamples(report));
  useEffect(() => {
    let live = true;
    setRows(fromSamples(report));
    if (view === null) return;
    view.page(0, PREVIEW_ROWS).then(
      (table) => {
        const names = table.schema.fields.map((f) => f.name);
        const headers = report.columns.map((c) => c.header);
        if (!live || names.length !== headers.length) return;
        const columns = names.map((name) => stringColumn(table, name));
        setRows(
          Array.from(
            { length: table.numRows },
            (_, r) => new Map(headers.map((h, c) => [h, columns[c]![r] ?? ''])),
          ),
        );
      },
      () => undefined, // Keep the samples.
    );
    return () => {
      live = false;
    };
  }, [view, report]);
  return rows;
}
