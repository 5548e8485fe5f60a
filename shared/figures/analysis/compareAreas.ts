/**
 * Compare areas: one indicator for the focus and its peers as ordered horizontal bars with 95%
 * confidence intervals, the comparators drawn as labelled vertical lines, the focus bar named in
 * bold and outlined. As FingertipsNext's compare-areas chart (docs/view-conventions.md section
 * 3), each bar is filled by its comparison with the benchmark AND labelled with the value and the
 * outcome in words, so the colour is never the only cue.
 */
import type { ComparisonLabel } from '../../analysis/comparePlaces/types';
import { fixed } from '../format';
import { escapeHtml, houseLayout } from '../layout';
import { TEXT } from '../palette';
import type { FigureSpec, Json } from '../spec';
import { outcomeStyle, outcomeWords } from './outcomes';

export interface CompareAreasBar {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  /** Against the benchmark, at 95%. */
  readonly comparison: ComparisonLabel;
}

export interface CompareAreasInput {
  readonly id: string;
  readonly indicator: string;
  readonly unit: string;
  /** e.g. "2021/22, Persons, 18+ yrs". */
  readonly slice: string;
  readonly source: string;
  readonly focusCode: string;
  /** The benchmark the bar colours compare with (e.g. England). */
  readonly benchmarkName: string;
  /** e.g. "London boroughs". */
  readonly peerGroupName: string;
  readonly areas: readonly CompareAreasBar[];
  /** Comparator values drawn as vertical lines (England, the region). */
  readonly lines: readonly { readonly name: string; readonly value: number | null }[];
  readonly decimals: number;
}

const LINE_DASH = ['solid', 'dash', 'dot'] as const;

export function buildCompareAreas(input: CompareAreasInput): FigureSpec {
  // High to low, ties by name, areas without a value last (FingertipsNext's order).
  const areas = [...input.areas].sort(
    (a, b) =>
      (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'en-GB'),
  );
  const focus = areas.find((a) => a.code === input.focusCode);
  const shown = areas.filter((a) => a.value !== null);
  const label = (a: CompareAreasBar): string =>
    a.code === input.focusCode ? `<b>${escapeHtml(a.name)}</b>` : escapeHtml(a.name);
  const valueText = (v: number | null): string =>
    v === null ? 'no data' : fixed(v, input.decimals);

  const title = headline(input, focus, shown.length);
  const subtitle = `${input.indicator} (${input.unit}), ${input.slice}. Bars show 95% confidence intervals; colour and label give the comparison with ${input.benchmarkName} at 95%.`;
  const top = Math.max(
    ...shown.map((a) => a.upper95 ?? a.value ?? 0),
    ...input.lines.map((l) => l.value ?? 0),
    0,
  );

  // Plotly draws the first category at the bottom of a horizontal bar chart: reverse so the
  // highest value is at the top.
  const y = areas.map(label).reverse();
  const ordered = [...areas].reverse();
  const styles = ordered.map((a) => outcomeStyle(a.comparison));
  const bars: Json = {
    type: 'bar',
    orientation: 'h',
    y,
    x: ordered.map((a) => a.value),
    text: ordered.map((a, i) =>
      a.value === null ? 'no data' : `${valueText(a.value)} ${styles[i]!.glyph} ${a.comparison}`,
    ),
    textposition: 'outside',
    cliponaxis: false,
    textfont: { size: 12, color: TEXT.body },
    marker: {
      color: styles.map((s) => s.fill ?? '#FFFFFF'),
      line: {
        color: ordered.map((a) =>
          a.code === input.focusCode || a.comparison === 'Not compared' ? TEXT.body : '#FFFFFF',
        ),
        width: ordered.map((a) => (a.code === input.focusCode ? 2.5 : 1)),
      },
    },
    error_x: {
      type: 'data',
      symmetric: false,
      array: ordered.map((a) =>
        a.value !== null && a.upper95 !== null ? a.upper95 - a.value : null,
      ),
      arrayminus: ordered.map((a) =>
        a.value !== null && a.lower95 !== null ? a.value - a.lower95 : null,
      ),
      color: TEXT.secondary,
      thickness: 1.5,
      width: 3,
    },
    customdata: ordered.map((a) => [
      a.name,
      valueText(a.lower95),
      valueText(a.upper95),
      outcomeWords(a.comparison, input.benchmarkName),
    ]),
    hovertemplate: `%{customdata[0]}: %{x:.${String(input.decimals)}f} ${escapeHtml(input.unit)} (95% CI %{customdata[1]} to %{customdata[2]})<br>%{customdata[3]}<extra></extra>`,
    showlegend: false,
  };

  const shapes: Json[] = [];
  const annotations: Json[] = [];
  input.lines.forEach((line, i) => {
    if (line.value === null) return;
    shapes.push({
      type: 'line',
      xref: 'x',
      yref: 'paper',
      x0: line.value,
      x1: line.value,
      y0: 0,
      y1: 1,
      line: { color: TEXT.body, width: 1.5, dash: LINE_DASH[i % LINE_DASH.length]! },
    });
    annotations.push({
      x: line.value,
      xref: 'x',
      y: 1,
      yref: 'paper',
      yanchor: 'bottom',
      yshift: 2 + 16 * i,
      showarrow: false,
      text: `${escapeHtml(line.name)} ${valueText(line.value)}`,
      font: { size: 12, color: TEXT.body },
    });
  });

  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText: altText(input, areas, focus),
    table: {
      columns: [
        'Area code',
        'Area',
        `Value (${input.unit})`,
        'Lower 95% limit',
        'Upper 95% limit',
        `Compared with ${input.benchmarkName} (95%)`,
      ],
      rows: [
        ...areas.map((a) => [a.code, a.name, a.value, a.lower95, a.upper95, a.comparison]),
        ...input.lines.map((l) => ['', l.name, l.value, null, null, 'Comparator']),
      ],
    },
    data: [bars],
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        xaxis: {
          title: {
            text: `${escapeHtml(input.indicator)} (${escapeHtml(input.unit)})`,
            font: { size: 13 },
          },
          range: [0, top === 0 ? 1 : top * 1.25],
          gridcolor: TEXT.gridline,
          zeroline: true,
          zerolinecolor: TEXT.secondary,
        },
        yaxis: { automargin: true, tickfont: { size: 11 } },
        margin: { l: 190, t: 150 + 16 * input.lines.length },
        bargap: 0.2,
        shapes,
        annotations,
      },
      { legend: false, sourceOffset: 56 },
    ),
  };
}

function headline(
  input: CompareAreasInput,
  focus: CompareAreasBar | undefined,
  withData: number,
): string {
  if (focus === undefined || focus.value === null)
    return `${input.indicator}: no value for the focus area among ${input.peerGroupName}`;
  const higher = input.areas.filter((a) => a.value !== null && a.value > focus.value!).length;
  const place = `${ordinal(higher + 1)} highest of ${String(withData)} ${input.peerGroupName}`;
  const outcome =
    focus.comparison === 'Not compared'
      ? `not tested against ${input.benchmarkName}`
      : focus.comparison === 'Similar'
        ? `similar to ${input.benchmarkName}`
        : `significantly ${focus.comparison.toLowerCase()} than ${input.benchmarkName}`;
  return `${input.indicator} in ${focus.name} is ${fixed(focus.value, input.decimals)} ${input.unit}, the ${place}: ${outcome}`;
}

function altText(
  input: CompareAreasInput,
  areas: readonly CompareAreasBar[],
  focus: CompareAreasBar | undefined,
): string {
  const counts = new Map<ComparisonLabel, number>();
  for (const a of areas) counts.set(a.comparison, (counts.get(a.comparison) ?? 0) + 1);
  const summary = [...counts].map(([label, n]) => `${String(n)} ${label.toLowerCase()}`).join(', ');
  const withData = areas.filter((a) => a.value !== null);
  const range =
    withData.length === 0
      ? 'No area has a value.'
      : `Values range from ${fixed(withData[withData.length - 1]!.value!, input.decimals)} in ${withData[withData.length - 1]!.name} to ${fixed(withData[0]!.value!, input.decimals)} in ${withData[0]!.name}.`;
  const lines = input.lines
    .filter((l) => l.value !== null)
    .map((l) => `${l.name} ${fixed(l.value!, input.decimals)}`)
    .join(', ');
  return [
    `Bar chart of ${input.indicator.toLowerCase()} (${input.unit}), ${input.slice}, for ${String(areas.length)} ${input.peerGroupName}, highest first, with 95% confidence intervals.`,
    focus !== undefined && focus.value !== null
      ? `${focus.name}: ${fixed(focus.value, input.decimals)}, ${lowerFirst(outcomeWords(focus.comparison, input.benchmarkName))}.`
      : '',
    range,
    lines === '' ? '' : `Comparator lines: ${lines}.`,
    `Compared with ${input.benchmarkName}: ${summary}.`,
    input.source,
  ]
    .filter((s) => s !== '')
    .join(' ');
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st ... */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${String(n)}${suffix}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
