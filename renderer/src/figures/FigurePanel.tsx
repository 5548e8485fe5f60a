/** The borough profile's figures, one at a time, with export of the shown figure. */
import { useCallback, useState, type KeyboardEvent } from 'react';
import type { BoroughProfile } from '../../../shared/analysis/boroughProfile';
import { useServices } from '../app/services';
import { figureTableCsv } from '../../../shared/export/figureTableCsv';
import { SOFTWARE } from '../app/version';
import { exportFigure, type ExportFormat } from './exportFigure';
import { FigureDataTable } from './FigureDataTable';
import { PlotlyFigure } from './PlotlyFigure';

const TAB_LABELS: Readonly<Record<string, string>> = {
  'hle-by-sex': 'Healthy life expectancy',
  'population-pyramid': 'Population pyramid',
  'census-age-structure': 'Age structure (Census 2021)',
  'hle-male-map-london': 'Map: London',
};

export function FigurePanel({ profile }: { readonly profile: BoroughProfile }) {
  const { host } = useServices();
  const [selected, setSelected] = useState(profile.figures[0]?.id ?? '');
  const [drawn, setDrawn] = useState<HTMLElement | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onDrawn = useCallback((root: HTMLElement | null) => setDrawn(root), []);
  const spec = profile.figures.find((f) => f.id === selected) ?? profile.figures[0];

  const save = async (format: ExportFormat): Promise<void> => {
    if (spec === undefined || drawn === null) return;
    setMessage(`Exporting ${format.toUpperCase()}…`);
    try {
      const result = await exportFigure(host, drawn, spec, format);
      setMessage(
        result.saved ? `Saved ${result.location ?? `${spec.id}.${format}`}` : 'Export cancelled',
      );
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs.
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const ids = profile.figures.map((f) => f.id);
    const at = ids.indexOf(spec?.id ?? '');
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % ids.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + ids.length) % ids.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? ids.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    setSelected(ids[next]!);
    document.getElementById(`tab-${ids[next]!}`)?.focus();
  };

  const saveData = async (): Promise<void> => {
    if (spec === undefined) return;
    const csv = figureTableCsv(spec.table, [
      spec.title,
      spec.subtitle,
      spec.source,
      `Made with ${SOFTWARE}.`,
    ]);
    try {
      const result = await host.saveFile(
        `${spec.id}-data.csv`,
        new TextEncoder().encode(csv),
        'text/csv',
      );
      setMessage(
        result.saved ? `Saved ${result.location ?? `${spec.id}-data.csv`}` : 'Export cancelled',
      );
    } catch (error) {
      setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return (
    <section className="figure-panel" aria-label="Figures">
      <div className="tabs" role="tablist" aria-label="Figures" onKeyDown={onTabKey}>
        {profile.figures.map((f) => (
          <button
            key={f.id}
            id={`tab-${f.id}`}
            type="button"
            role="tab"
            aria-selected={f.id === spec?.id}
            aria-controls="figure-tabpanel"
            tabIndex={f.id === spec?.id ? 0 : -1}
            className={f.id === spec?.id ? 'tab selected' : 'tab'}
            onClick={() => setSelected(f.id)}
          >
            {TAB_LABELS[f.id] ?? f.id}
          </button>
        ))}
      </div>
      {spec !== undefined && (
        <div role="tabpanel" id="figure-tabpanel" aria-labelledby={`tab-${spec.id}`}>
          <div className="figure-actions">
            <button type="button" disabled={drawn === null} onClick={() => void save('svg')}>
              Export SVG
            </button>
            <button type="button" disabled={drawn === null} onClick={() => void save('png')}>
              Export PNG
            </button>
            <button type="button" onClick={() => void saveData()}>
              Export data (CSV)
            </button>
            <span className="muted" role="status" data-testid="export-status">
              {message}
            </span>
          </div>
          <PlotlyFigure key={spec.id} spec={spec} onDrawn={onDrawn} />
          <FigureDataTable table={spec.table} caption={spec.title} />
        </div>
      )}
      {profile.missing.length > 0 && (
        <ul className="missing">
          {profile.missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
