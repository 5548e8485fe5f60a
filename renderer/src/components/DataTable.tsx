/**
 * A paged table over a TableSource: one page (100 rows) is queried and rendered at a time, so
 * a file of a million rows shows as quickly as one of ten. Cells are read column by column
 * from the Arrow page.
 */
import { useEffect, useState } from 'react';
import { DataType, type Table } from 'apache-arrow';
import { stringColumn } from '../../../shared/engine/columns';
import type { TableSource } from '../data/tableSource';

const PAGE_SIZE = 100;

interface Page {
  readonly offset: number;
  readonly headers: readonly string[];
  /** Numeric columns are right-aligned so that magnitudes line up. */
  readonly numeric: readonly boolean[];
  readonly columns: readonly (readonly (string | null)[])[];
  readonly rows: number;
}

export function DataTable({ source }: { readonly source: TableSource }) {
  const [total, setTotal] = useState<number | null>(null);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setOffset(0);
    setTotal(null);
    source.count().then(
      (n) => {
        if (live) setTotal(n);
      },
      (e: unknown) => {
        if (live) setError(String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [source]);

  useEffect(() => {
    let live = true;
    source.page(offset, PAGE_SIZE).then(
      (table) => {
        if (live) setPage(toPage(table, offset));
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [source, offset]);

  if (error !== null) return <p className="error">The table could not be read: {error}</p>;
  if (page === null || total === null) return <p className="muted">Reading…</p>;

  // The range describes the page on screen (not the one being fetched), so text and rows agree.
  const first = page.offset;
  const last = Math.min(first + page.rows, total);
  return (
    <div className="data-table">
      <div className="table-toolbar">
        <span className="muted" data-testid="table-range">
          Rows {total === 0 ? 0 : (first + 1).toLocaleString('en-GB')}–
          {last.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} ({source.label})
        </span>
        <span className="pager">
          <button
            type="button"
            disabled={first === 0}
            onClick={() => setOffset(Math.max(0, first - PAGE_SIZE))}
          >
            Previous
          </button>
          <button
            type="button"
            disabled={last >= total}
            onClick={() => setOffset(first + PAGE_SIZE)}
          >
            Next
          </button>
        </span>
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col" className="row-number">
                #
              </th>
              {page.headers.map((h, c) => (
                <th key={h} scope="col" className={page.numeric[c] === true ? 'num' : undefined}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: page.rows }, (_, r) => (
              <tr key={page.offset + r}>
                <td className="row-number">{page.offset + r + 1}</td>
                {page.columns.map((column, c) => {
                  const value = column[r] ?? null;
                  return (
                    <td
                      key={page.headers[c]}
                      className={
                        [value === null ? 'null' : '', page.numeric[c] === true ? 'num' : '']
                          .join(' ')
                          .trim() || undefined
                      }
                    >
                      {value ?? '–'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function toPage(table: Table, offset: number): Page {
  const fields = table.schema.fields;
  const headers = fields.map((f) => f.name);
  const numeric = fields.map(
    (f) => DataType.isInt(f.type) || DataType.isFloat(f.type) || DataType.isDecimal(f.type),
  );
  const columns = fields.map((f) =>
    DataType.isDate(f.type) || DataType.isTimestamp(f.type)
      ? dateColumn(table, f.name)
      : stringColumn(table, f.name),
  );
  return { offset, headers, numeric, columns, rows: table.numRows };
}

/** Arrow dates arrive as epoch milliseconds; show them as ISO dates (times only if present). */
function dateColumn(table: Table, name: string): (string | null)[] {
  const vector = table.getChild(name)!;
  return Array.from({ length: vector.length }, (_, i) => {
    const v: unknown = vector.get(i);
    if (v === null || v === undefined) return null;
    const iso = new Date(typeof v === 'bigint' ? Number(v) : (v as number | Date)).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  });
}
