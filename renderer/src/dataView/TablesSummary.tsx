/**
 * The workspace's tables and their row counts: what a saved workspace will hold, and a quick
 * check that an opened one came back whole. Refreshed whenever `version` changes.
 */
import { useEffect, useState } from 'react';
import { useServices } from '../app/services';
import { listTables, type TableCount } from '../workspace/tableCounts';

export function TablesSummary({ version }: { readonly version: number }) {
  const { engine } = useServices();
  // The counts with the version they were taken at: while a newer version is being counted
  // the old counts stay on screen, marked aria-busy, rather than flickering to a placeholder.
  const [counted, setCounted] = useState<{
    readonly version: number;
    readonly tables: readonly TableCount[];
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    engine()
      .then(listTables)
      .then(
        (t) => {
          if (live) setCounted({ version, tables: t });
        },
        (e: unknown) => {
          if (live) setError(e instanceof Error ? e.message : String(e));
        },
      );
    return () => {
      live = false;
    };
  }, [engine, version]);
  const tables = counted?.tables ?? null;
  if (error !== null) return <p className="error">The tables could not be listed: {error}</p>;
  if (tables === null) return <p className="muted">Counting rows…</p>;
  if (tables.length === 0) return <p className="muted">No tables yet: add data files.</p>;
  return (
    <table
      className="tables-summary"
      data-testid="tables-summary"
      aria-busy={counted?.version !== version}
    >
      <thead>
        <tr>
          <th scope="col">Table</th>
          <th scope="col" className="num">
            Rows
          </th>
        </tr>
      </thead>
      <tbody>
        {tables.map((t) => (
          <tr key={t.name} data-table={t.name}>
            <td>{t.name}</td>
            <td className="num" data-rows={t.rows}>
              {t.rows.toLocaleString('en-GB')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
