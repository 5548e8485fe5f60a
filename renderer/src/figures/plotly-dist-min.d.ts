/**
 * The small part of plotly.js-dist-min the renderer uses (the package ships no types and
 * @types/plotly.js is not a dependency). Figure specs are plain JSON (shared/figures/spec.ts).
 */
declare module 'plotly.js-dist-min' {
  export interface ImageOptions {
    format: 'png' | 'svg';
    width: number;
    height: number;
    scale?: number;
  }
  export interface PlotlyStatic {
    react(
      root: HTMLElement,
      data: readonly object[],
      layout: object,
      config?: object,
    ): Promise<HTMLElement>;
    purge(root: HTMLElement): void;
    toImage(root: HTMLElement, options: ImageOptions): Promise<string>;
    Plots: { resize(root: HTMLElement): Promise<void> | void };
  }
  const Plotly: PlotlyStatic;
  export default Plotly;
}
