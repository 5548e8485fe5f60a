/** One figure: the Plotly drawing plus its alt text, exposed to assistive technology. */
import { useEffect, useRef, useState } from 'react';
import type { FigureSpec } from '../../../shared/figures/spec';
import { drawFigure, loadPlotly } from './plotly';

export interface PlotlyFigureProps {
  readonly spec: FigureSpec;
  /** Receives the drawn element (for export) once Plotly has drawn it. */
  readonly onDrawn?: (root: HTMLElement | null) => void;
}

export function PlotlyFigure({ spec, onDrawn }: PlotlyFigureProps) {
  const root = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = root.current;
    if (element === null) return;
    let live = true;
    drawFigure(element, spec).then(
      () => {
        if (live) onDrawn?.(element);
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
      onDrawn?.(null);
      void loadPlotly().then((Plotly) => Plotly.purge(element));
    };
  }, [spec, onDrawn]);

  return (
    <figure className="figure" data-figure-id={spec.id}>
      {error !== null && <p className="error">The figure could not be drawn: {error}</p>}
      <div ref={root} className="figure-plot" role="img" aria-label={spec.altText} />
      <details className="alt-text">
        <summary>Alt text</summary>
        <p>{spec.altText}</p>
      </details>
    </figure>
  );
}
