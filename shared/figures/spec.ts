/**
 * The figure spec every builder in shared/figures returns: a Plotly figure (data + layout) as
 * plain JSON, plus the words a JSNA author needs beside it. Builders are pure functions from
 * result columns to this spec; the renderer draws it with Plotly and exports it unchanged.
 */

/** JSON values: a spec must survive `JSON.stringify` unchanged (snapshots, exports, IPC). */
export type Json =
  string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** A Plotly trace or layout object, kept as JSON rather than typed against plotly.js. */
export type PlotlyObject = { readonly [key: string]: Json };

export interface FigureSpec {
  /** Stable id, used for file names of exports (e.g. `hle-by-sex`). */
  readonly id: string;
  /** Headline title: the finding, in words. */
  readonly title: string;
  /** Statistical subtitle: measure, unit, period, and what was (not) tested. */
  readonly subtitle: string;
  /** Source line, naming publisher, dataset and period. */
  readonly source: string;
  /** Generated alternative text describing the figure's data for screen-reader users. */
  readonly altText: string;
  readonly data: readonly PlotlyObject[];
  readonly layout: PlotlyObject;
  /** The numbers behind the figure, for a data table beside it and a CSV export. */
  readonly table: FigureTable;
}

/** A small table of the figure's data: one row per plotted value, values unrounded. */
export interface FigureTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** An area as figures name it. */
export interface AreaRef {
  readonly code: string;
  readonly name: string;
}
