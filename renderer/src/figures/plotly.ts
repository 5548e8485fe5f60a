/**
 * Plotly, loaded on first use (4.6 MB: the app shell paints before it arrives), and the one
 * place figure specs meet it.
 */
import type { PlotlyStatic } from 'plotly.js-dist-min';
import type { FigureSpec } from '../../../shared/figures/spec';

let loading: Promise<PlotlyStatic> | undefined;

export function loadPlotly(): Promise<PlotlyStatic> {
  loading ??= import('plotly.js-dist-min').then(
    (m) => m.default,
    (error: unknown) => {
      loading = undefined; // let the next figure try again
      throw error;
    },
  );
  return loading;
}

/** Plotly config for the app: no logo, no mode bar (exports go through the app's own buttons). */
export const PLOT_CONFIG = {
  displaylogo: false,
  displayModeBar: false,
  responsive: true,
} as const;

/** Draw (or redraw) `spec` into `root`. */
export async function drawFigure(root: HTMLElement, spec: FigureSpec): Promise<void> {
  const Plotly = await loadPlotly();
  await Plotly.react(root, spec.data, { ...spec.layout, autosize: true }, PLOT_CONFIG);
}
