/**
 * Census counts summed to the workspace's localities, one Census table at a time, with how many
 * member areas had data (shared/geography/localities.ts `censusByLocality`).
 */
import { useEffect, useState } from 'react';
import { censusByLocality } from '../../../shared/geography/localities';
import { numberColumn, stringColumn } from '../../../shared/engine/columns';
import { useServices } from '../app/services';

interface Row {
  readonly locality: string;
  readonly category: string;
  readonly count: number | null;
  readonly withData: number;
  readonly defined: number;
}

export function LocalityCensus({ version }: { readonly version: number }) {
  const { engine } = useServices();
  const [tables, setTables] = useState<readonly string[]>([]);
  const [table, setTable] = useState('');
  const [rows, setRows] = useState<readonly Row[] | null>(null);

  useEffect(() => {
    let live = true;
    engine()
      .then((db) => censusByLocality(db))
      .then(
        (t) => {
          if (!live) return;
          const ids = [
            ...new Set(stringColumn(t, 'table_id').filter((x): x is string => x !== null)),
          ];
          setTables(ids);
          setTable((current) => (ids.includes(current) ? current : (ids[0] ?? '')));
        },
        () => {
          if (live) setTables([]);
        },
      );
    return () => {
      live = false;
    };
  }, [engine, version]);

  useEffect(() => {
    let live = true;
    if (table === '') {
      setRows(null);
      return;
    }
    engine()
      .then((db) => censusByLocality(db, table))
      .then(
        (t) => {
          if (!live) return;
          const names = stringColumn(t, 'locality_name');
          const categories = stringColumn(t, 'category');
          const counts = numberColumn(t, 'count');
          const withData = numberColumn(t, 'members_with_data');
          const defined = numberColumn(t, 'members_defined');
          setRows(
            names.map((n, i) => ({
              locality: n ?? '',
              category: categories[i] ?? '',
              count: Number.isNaN(counts[i]!) ? null : counts[i]!,
              withData: withData[i]!,
              defined: defined[i]!,
            })),
          );
        },
        () => {
          if (live) setRows([]);
        },
      );
    return () => {
      live = false;
    };
  }, [engine, table, version]);

  if (tables.length === 0) {
    return (
      <p className="muted">
        No Census counts are loaded for these localities’ areas yet: import a Census table at LSOA,
        MSOA or ward level (e.g. a Nomis TS007A report).
      </p>
    );
  }
  return (
    <div className="locality-census">
      <h4>Census counts by locality</h4>
      <label className="inline-label">
        Census table{' '}
        <select value={table} onChange={(e) => setTable(e.target.value)}>
          {tables.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {rows !== null && (
        <div className="table-scroll">
          <table className="locality-table" data-testid="locality-census">
            <thead>
              <tr>
                <th scope="col">Locality</th>
                <th scope="col">Category</th>
                <th scope="col" className="num">
                  Count
                </th>
                <th scope="col" className="num">
                  Areas with data
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.locality}</td>
                  <td>{r.category}</td>
                  <td className="num">
                    {r.count === null ? 'suppressed' : r.count.toLocaleString('en-GB')}
                  </td>
                  <td className={r.withData < r.defined ? 'num short' : 'num'}>
                    {r.withData} of {r.defined}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
