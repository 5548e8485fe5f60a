/**
 * Population pyramid by sex: the focus area as bars (males left, females right), each
 * comparator as an outline (line with its own dash and marker shape), all as % of each area's
 * total population so areas of different size compare. Side labels ("Males", "Females"), axis
 * labels and line styles carry the meaning as well as colour.
 */
import { type AgeBand, type AgeBandRows, bandValues, round3, shareWhere } from './ageBands';
import { fixed, listJoin } from './format';
import { escapeHtml, houseLayout } from './layout';
import { normaliseSex } from './labels';
import { CATEGORICAL, TEXT } from './palette';
import type { AreaRef, FigureSpec, PlotlyObject } from './spec';

export interface PopulationPyramidInput {
  readonly id: string;
  /** e.g. "mid-2020". */
  readonly period: string;
  /** What the counts are, for the subtitle, e.g. "ONS mid-year population estimates". */
  readonly measure: string;
  readonly source: string;
  readonly focus: AreaRef;
  readonly comparators: readonly AreaRef[];
  readonly bands: readonly AgeBand[];
  readonly rows: AgeBandRows & { readonly sex: readonly (string | null)[] };
}

const COMPARATOR_STYLES = [
  { color: CATEGORICAL.darkPink, dash: 'solid', symbol: 'diamond' },
  { color: TEXT.body, dash: 'dash', symbol: 'circle-open' },
  { color: CATEGORICAL.orange, dash: 'dot', symbol: 'square-open' },
] as const;

export function buildPopulationPyramid(input: PopulationPyramidInput): FigureSpec {
  const labels = input.bands.map((b) => b.label);
  const isMale = (s: string | null): boolean => normaliseSex(s) === 'Male';
  const isFemale = (s: string | null): boolean => normaliseSex(s) === 'Female';
  const areas = [input.focus, ...input.comparators];

  const focusMale = bandValues(input.rows, input.bands, input.focus.code, isMale);
  const focusFemale = bandValues(input.rows, input.bands, input.focus.code, isFemale);
  const traces: PlotlyObject[] = [
    bar(
      `${input.focus.name}, males`,
      focusMale.map((v) => round3(-v)),
      labels,
      CATEGORICAL.darkBlue,
      focusMale,
    ),
    bar(
      `${input.focus.name}, females`,
      focusFemale.map(round3),
      labels,
      CATEGORICAL.turquoise,
      focusFemale,
    ),
  ];
  let max = Math.max(...focusMale.filter(Number.isFinite), ...focusFemale.filter(Number.isFinite));
  input.comparators.forEach((area, i) => {
    const style = COMPARATOR_STYLES[i % COMPARATOR_STYLES.length]!;
    const male = bandValues(input.rows, input.bands, area.code, isMale);
    const female = bandValues(input.rows, input.bands, area.code, isFemale);
    max = Math.max(max, ...male.filter(Number.isFinite), ...female.filter(Number.isFinite));
    traces.push(
      outline(
        area,
        'males',
        male.map((v) => round3(-v)),
        labels,
        style,
        true,
        male,
      ),
    );
    traces.push(outline(area, 'females', female.map(round3), labels, style, false, female));
  });
  const limit = Math.ceil((Number.isFinite(max) ? max : 1) * 1.1 * 2) / 2;
  const step = limit > 6 ? 2 : limit > 3 ? 1 : 0.5;
  const ticks: number[] = [];
  for (let t = -Math.floor(limit / step) * step; t <= limit + 1e-9; t += step)
    ticks.push(round3(t)!);

  const young = areas.map((a) => shareWhere(input.rows, input.bands, a.code, (min) => min < 20));
  const old = areas.map((a) => shareWhere(input.rows, input.bands, a.code, (min) => min >= 65));
  const title = headline(input, areas, young);
  const subtitle =
    `${input.measure}, ${input.period}: % of each area's total population in each age band and sex (90+ is open-ended). ` +
    `Bars: ${input.focus.name}; lines: ${listJoin(input.comparators.map((a) => a.name))}.`;

  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText:
      `Population pyramid for ${input.focus.name}, ${input.period}, with ${listJoin(input.comparators.map((a) => a.name))} for comparison. ` +
      `Aged under 20: ${areas.map((a, i) => `${a.name} ${fixed(young[i]!, 1)}%`).join(', ')}. ` +
      `Aged 65 and over: ${areas.map((a, i) => `${a.name} ${fixed(old[i]!, 1)}%`).join(', ')}. ` +
      input.source,
    data: traces,
    table: {
      columns: ['Area code', 'Area', 'Sex', 'Age band', '% of area total population'],
      rows: areas.flatMap((area) =>
        (['Male', 'Female'] as const).flatMap((sex) => {
          const values = bandValues(
            input.rows,
            input.bands,
            area.code,
            sex === 'Male' ? isMale : isFemale,
          );
          return labels.map((band, i) => [area.code, area.name, sex, band, round3(values[i]!)]);
        }),
      ),
    },
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        barmode: 'overlay',
        bargap: 0.08,
        xaxis: {
          range: [-limit, limit],
          tickvals: ticks,
          ticktext: ticks.map((t) => `${fixed(Math.abs(t), step < 1 ? 1 : 0)}%`),
          title: { text: '% of total population', font: { size: 13 } },
          gridcolor: TEXT.gridline,
          zeroline: true,
          zerolinecolor: TEXT.secondary,
        },
        yaxis: {
          type: 'category',
          categoryorder: 'array',
          categoryarray: labels,
          title: { text: 'Age (years)', font: { size: 13 } },
          tickfont: { size: 12 },
        },
        annotations: [sideLabel('Males', 0.01, 'left'), sideLabel('Females', 0.99, 'right')],
      },
      { legend: true, sourceOffset: 58 },
    ),
  };
}

function bar(
  name: string,
  x: (number | null)[],
  y: string[],
  color: string,
  raw: number[],
): PlotlyObject {
  return {
    type: 'bar',
    orientation: 'h',
    name: escapeHtml(name),
    x,
    y,
    customdata: raw.map(round3),
    // Tinted (70% opacity) so the comparators' lines stay visible where they cross the bars.
    marker: { color, opacity: 0.7 },
    hovertemplate: `${escapeHtml(name)}, aged %{y}: %{customdata:.1f}%<extra></extra>`,
  };
}

function outline(
  area: AreaRef,
  side: 'males' | 'females',
  x: (number | null)[],
  y: string[],
  style: (typeof COMPARATOR_STYLES)[number],
  showlegend: boolean,
  raw: number[],
): PlotlyObject {
  return {
    type: 'scatter',
    mode: 'lines+markers',
    name: escapeHtml(area.name),
    legendgroup: area.code,
    showlegend,
    x,
    y,
    customdata: raw.map(round3),
    line: { color: style.color, dash: style.dash, width: 2.5 },
    marker: { color: style.color, symbol: style.symbol, size: 6 },
    hovertemplate: `${escapeHtml(area.name)} ${side}, aged %{y}: %{customdata:.1f}%<extra></extra>`,
  };
}

function sideLabel(text: string, x: number, xanchor: 'left' | 'right'): PlotlyObject {
  return {
    text: `<b>${text}</b>`,
    // Inside the plot's top corners, which a pyramid leaves empty (the oldest bands are short).
    xref: 'paper',
    yref: 'paper',
    x,
    y: 0.99,
    xanchor,
    yanchor: 'top',
    showarrow: false,
    font: { size: 14, color: TEXT.body },
  };
}

function headline(
  input: PopulationPyramidInput,
  areas: readonly AreaRef[],
  young: readonly number[],
): string {
  const focus = young[0]!;
  const others = young.slice(1);
  const comparison = areas.slice(1).map((a, i) => `${fixed(others[i]!, 1)}% in ${a.name}`);
  const lead =
    others.length > 0 && others.every((v) => focus > v)
      ? `${input.focus.name} has a younger population than ${listJoin(areas.slice(1).map((a) => a.name))}`
      : others.length > 0 && others.every((v) => focus < v)
        ? `${input.focus.name} has an older population than ${listJoin(areas.slice(1).map((a) => a.name))}`
        : `The age structure of ${input.focus.name}`;
  return `${lead}: ${fixed(focus, 1)}% are aged under 20, compared with ${listJoin(comparison)}`;
}
