/**
 * Census counts summed to the workspace's localities, one Census table at a time, with how many
 * member areas had data (shared/geography/localities.ts `censusByLocality`).
 */
import { useEffect, useState } from 'react';
import { censusByLocality } from '../../../shared/geography/localities';
import { numberColumn, stringColumn } from '../../../shared/engine/columns';
import { useServices } from '../app/services';
import { categoryOrder } from './geographyQueries';

/** Counts for one Census table: a row per category (in the file's order), a column per locality. */
interface Pivot {
  readonly localities: readonly string[];
  readonly categories: readonly string[];
  /** `${category}\u0000${locality}` -> count (null when every member's count was suppressed). */
  readonly counts: ReadonlyMap<string, number | null>;
  /** Per locality: members with data, members defined. */
  readonly coverage: ReadonlyMap<string, readonly [number, number]>;
}

export function LocalityCensus({ version }: { readonly version: number }) {
  const { engine } = useServices();
  const [tables, setTables] = useState<readonly string[]>([]);
  const [table, setTable] = useState('');
  const [rows, setRows] = useState<Pivot | null>(null);

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
      .then(async (db) => Promise.all([censusByLocality(db, table), categoryOrder(db, table)]))
      .then(
        ([t, order]) => {
          if (!live) return;
          const names = stringColumn(t, 'locality_name');
          const categories = stringColumn(t, 'category');
          const counts = numberColumn(t, 'count');
          const withData = numberColumn(t, 'members_with_data');
          const defined = numberColumn(t, 'members_defined');
          const localities = [...new Set(names.map((n) => n ?? ''))];
          const cells = new Map<string, number | null>();
          const coverage = new Map<string, readonly [number, number]>();
          names.forEach((n, i) => {
            const c = counts[i]!;
            cells.set(`${categories[i] ?? ''}\u0000${n ?? ''}`, Number.isNaN(c) ? null : c);
            const prior = coverage.get(n ?? '');
            // A member with data for any category counts as having data.
            coverage.set(n ?? '', [Math.max(prior?.[0] ?? 0, withData[i]!), defined[i]!]);
          });
          const seen = new Set(categories);
          setRows({
            localities,
            categories: order.filter((c) => seen.has(c)),
            counts: cells,
            coverage,
          });
        },
        () => {
          if (live) setRows(null);
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
        <div className="dv-scroll">
          <table className="locality-table" data-testid="locality-census">
            <thead>
              <tr>
                <th scope="col">Category</th>
                {rows.localities.map((l) => (
                  <th key={l} scope="col" className="num">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.categories.map((c) => (
                <tr key={c}>
                  <th scope="row">{c}</th>
                  {rows.localities.map((l) => {
                    const v = rows.counts.get(`${c}\u0000${l}`);
                    return (
                      <td key={l} className="num">
                        {v === undefined
                          ? '—'
                          : v === null
                            ? 'suppressed'
                            : v.toLocaleString('en-GB')}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Member areas with data</th>
                {rows.localities.map((l) => {
                  const [has, of] = rows.coverage.get(l) ?? [0, 0];
                  return (
                    <td key={l} className={has < of ? 'num short' : 'num'} data-testid="coverage">
                      {has} of {of}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
