/**
 * The house layout shared by every figure: headline title, statistical subtitle, source line
 * at the bottom left, readable type, light gridlines, no Plotly logo. Exports carry the same
 * text as the screen, so a figure pasted into a JSNA document stands on its own.
 */
import type { Json, PlotlyObject } from './spec';
import { TEXT } from './palette';

const TITLE_CHARS = 88;
const SUBTITLE_CHARS = 110;

export const FONT_FAMILY = 'Arial, "Helvetica Neue", Helvetica, sans-serif';

export interface HouseLayoutText {
  readonly title: string;
  readonly subtitle: string;
  readonly source: string;
}

/** Height of every figure on screen and in exports, so that pixel offsets below hold in both. */
export const FIGURE_HEIGHT = 640;

export interface HouseLayoutOptions {
  /** Show a legend: placed in one row above the plot, under the subtitle. */
  readonly legend: boolean;
  /** Pixels from the bottom of the plot area down to the source line (clears axis labels). */
  readonly sourceOffset: number;
}

/** Base layout; `extra` keys are merged over it (one level deep for objects). */
export function houseLayout(
  text: HouseLayoutText,
  extra: PlotlyObject,
  options: HouseLayoutOptions,
): PlotlyObject {
  // Plotly does not wrap titles; wrap to the width of a ~1000 px figure and make room above.
  const titleLines = wrapText(escapeHtml(text.title), TITLE_CHARS);
  const subtitleLines = wrapText(escapeHtml(text.subtitle), SUBTITLE_CHARS);
  const top = 22 + titleLines.length * 22 + subtitleLines.length * 17 + (options.legend ? 38 : 14);
  const base: Record<string, Json> = {
    height: FIGURE_HEIGHT,
    font: { family: FONT_FAMILY, size: 14, color: TEXT.body },
    title: {
      text: `<b>${titleLines.join('<br>')}</b>`,
      x: 0,
      xref: 'paper',
      xanchor: 'left',
      // 18 px below the top edge (heights are fixed at FIGURE_HEIGHT, so this holds in exports).
      y: 1 - 18 / FIGURE_HEIGHT,
      yref: 'container',
      yanchor: 'top',
      font: { size: 18 },
      subtitle: { text: subtitleLines.join('<br>'), font: { size: 14, color: TEXT.secondary } },
    },
    margin: { l: 80, r: 30, t: top, b: options.sourceOffset + 34 },
    paper_bgcolor: '#FFFFFF',
    plot_bgcolor: '#FFFFFF',
    annotations: [sourceAnnotation(text.source, options.sourceOffset)],
    showlegend: options.legend,
    legend: {
      orientation: 'h',
      x: 0,
      xanchor: 'left',
      y: 1,
      yanchor: 'bottom',
      font: { size: 13 },
    },
  };
  for (const [key, value] of Object.entries(extra)) {
    const current = base[key];
    if (key === 'annotations' && Array.isArray(value) && Array.isArray(current)) {
      base[key] = [...(current as readonly Json[]), ...(value as readonly Json[])];
    } else if (isObject(current) && isObject(value)) {
      base[key] = { ...current, ...value };
    } else {
      base[key] = value;
    }
  }
  return base;
}

function sourceAnnotation(source: string, offset: number): Json {
  return {
    text: escapeHtml(source),
    xref: 'paper',
    yref: 'paper',
    x: 0,
    y: 0,
    xanchor: 'left',
    yanchor: 'top',
    yshift: -offset,
    showarrow: false,
    align: 'left',
    font: { size: 12, color: TEXT.secondary },
  };
}

function isObject(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plotly renders a small HTML subset in text; data-derived text must not be read as markup. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Greedy word wrap into lines of at most `max` characters (a longer single word stands alone). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length > 0 && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line.length > 0 ? `${line} ${word}` : word;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
