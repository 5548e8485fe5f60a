/**
 * The `needs-mapping` answer for a table the importer does not recognise: a preview of each
 * column (sample values, how numeric it looks) and a suggested mapping, so the app can show a
 * mapping screen and the command line can print one.
 */
import { readNumber } from './cells';
import type { Fields } from './formats/format';
import { suggestMapping } from './formats/generic';
import type { RecordSource } from './source';
import type { ColumnPreview, NeedsMappingReport } from './types';

const SAMPLES = 5;

export function needsMappingReport(
  base: { file: string; sha256: string; size: number },
  records: RecordSource,
  headerIndex: number,
  headerSignature: string,
  encoding: string,
): NeedsMappingReport {
  const header = records.sample[headerIndex]!;
  const rows = records.sample.slice(headerIndex + 1).filter((r) => r.some((f) => f.trim() !== ''));
  return {
    ...base,
    status: 'needs-mapping',
    encoding,
    headerSignature,
    columns: header.map((h, i) => previewColumn(h, rows, i)),
    // Only the sampled rows are known before a full parse; the count is a lower bound.
    rowsTotal: rows.length,
    suggested: suggestMapping(header),
  };
}

function previewColumn(header: string, rows: readonly Fields[], index: number): ColumnPreview {
  const values = rows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
  const numeric = values.filter((v) => {
    const cell = readNumber(v);
    return cell.reason === null || (cell.reason !== 'invalid' && cell.reason !== 'blank');
  }).length;
  return { header, samples: values.slice(0, SAMPLES), numericShare: values.length === 0 ? 0 : numeric / values.length };
}
