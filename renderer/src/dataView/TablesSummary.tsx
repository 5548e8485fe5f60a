/**
 * The workspace's tables and their row counts: what a saved workspace will hold, and a quick
 * check that an opened one came back whole. Refreshed whenever `version` changes.
 */
import { useEffect, useState } from 'react';
import { useServices } from '../app/services';
import { listTables, type TableCount } from '../workspace/tableCounts';

export function TablesSummary({ version }: { readonly version: number }) {
  const { engine } = useServices();
  const [tables, setTables] = useState<readonly TableCount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    engine()
      .then(listTables)
      .then(
        (t) => {
          if (live) setTables(t);
        },
        (e: unknown) => {
          if (live) setError(e instanceof Error ? e.message : String(e));
        },
      );
    return () => {
      live = false;
    };
  }, [engine, version]);
  if (error !== null) return <p className="error">The tables could not be listed: {error}</p>;
  if (tables === null) return <p className="muted">Counting rows…</p>;
  if (tables.length === 0) return <p className="muted">No tables yet: add data files.</p>;
  return (
    <table className="tables-summary" data-testid="tables-summary">
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
