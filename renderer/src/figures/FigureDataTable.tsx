/** The numbers behind a figure, as a plain table under it (an accessible alternative to the chart). */
import type { FigureTable } from '../../../shared/figures/spec';

export function FigureDataTable({
  table,
  caption,
}: {
  readonly table: FigureTable;
  readonly caption: string;
}) {
  return (
    <details className="figure-data">
      <summary>Data table ({table.rows.length.toLocaleString('en-GB')} rows)</summary>
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, r) => (
              <tr key={r}>
                {row.map((value, c) => (
                  <td key={c} className={typeof value === 'number' ? 'num' : undefined}>
                    {value === null
                      ? '–'
                      : typeof value === 'number'
                        ? value.toLocaleString('en-GB', { maximumFractionDigits: 3 })
                        : value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
