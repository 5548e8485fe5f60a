/**
 * A paged table over a TableSource: one page (100 rows) is queried and rendered at a time, so
 * a file of a million rows shows as quickly as one of ten. Cells are read column by column
 * from the Arrow page.
 */
import { useEffect, useState } from 'react';
import type { Table } from 'apache-arrow';
import { stringColumn } from '../../../shared/engine/columns';
import type { TableSource } from '../data/tableSource';

const PAGE_SIZE = 100;

interface Page {
  readonly offset: number;
  readonly headers: readonly string[];
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

  const last = Math.min(offset + PAGE_SIZE, total);
  return (
    <div className="data-table">
      <div className="table-toolbar">
        <span className="muted" data-testid="table-range">
          Rows {total === 0 ? 0 : (offset + 1).toLocaleString('en-GB')}–{last.toLocaleString('en-GB')} of{' '}
          {total.toLocaleString('en-GB')} ({source.label})
        </span>
        <span className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Previous
          </button>
          <button type="button" disabled={last >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
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
              {page.headers.map((h) => (
                <th key={h} scope="col">
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
                    <td key={page.headers[c]} className={value === null ? 'null' : undefined}>
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
  const headers = table.schema.fields.map((f) => f.name);
  return { offset, headers, columns: headers.map((h) => stringColumn(table, h)), rows: table.numRows };
}
