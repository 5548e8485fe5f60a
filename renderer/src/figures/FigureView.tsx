/**
 * One figure with its exports (SVG, PNG, the data as CSV) and its data table beside it: the
 * figure panel every view uses, so a figure exports the same way wherever it is shown.
 */
import { useCallback, useState } from 'react';
import { figureTableCsv } from '../../../shared/export/figureTableCsv';
import type { FigureSpec } from '../../../shared/figures/spec';
import { SOFTWARE } from '../app/version';
import { useServices } from '../app/services';
import { exportFigure, type ExportFormat } from './exportFigure';
import { FigureDataTable } from './FigureDataTable';
import { PlotlyFigure } from './PlotlyFigure';

export function FigureView({ spec }: { readonly spec: FigureSpec }) {
  const { host } = useServices();
  const [drawn, setDrawn] = useState<HTMLElement | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onDrawn = useCallback((root: HTMLElement | null) => setDrawn(root), []);

  const report = (name: string, result: { saved: boolean; location?: string }): void =>
    setMessage(result.saved ? `Saved ${result.location ?? name}` : 'Export cancelled');
  const failed = (error: unknown): void =>
    setMessage(`Export failed: ${error instanceof Error ? error.message : String(error)}`);

  const save = async (format: ExportFormat): Promise<void> => {
    if (drawn === null) return;
    setMessage(`Exporting ${format.toUpperCase()}…`);
    try {
      report(`${spec.id}.${format}`, await exportFigure(host, drawn, spec, format));
    } catch (error) {
      failed(error);
    }
  };
  const saveData = async (): Promise<void> => {
    const csv = figureTableCsv(spec.table, [
      spec.title,
      spec.subtitle,
      spec.source,
      `Made with ${SOFTWARE}.`,
    ]);
    try {
      const name = `${spec.id}-data.csv`;
      report(name, await host.saveFile(name, new TextEncoder().encode(csv), 'text/csv'));
    } catch (error) {
      failed(error);
    }
  };

  return (
    <>
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
    </>
  );
}
