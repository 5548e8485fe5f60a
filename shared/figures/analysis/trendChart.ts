/**
 * Trends: an indicator over time for the focus and its comparators, with 95% confidence
 * intervals as error bars, the focus's recent-trend words, and the gap verdict in the subtitle.
 * As FingertipsNext's line chart (docs/view-conventions.md section 4): England dark grey with
 * circles, the region turquoise with diamonds, the focus dark blue with squares; each line also
 * carries its name at its last point, so neither colour nor the legend is needed to tell them
 * apart.
 */
import { fixed, listJoin } from '../format';
import { escapeHtml, houseLayout } from '../layout';
import { CATEGORICAL, TEXT } from '../palette';
import type { FigureSpec, Json, PlotlyObject } from '../spec';

export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
}

export interface TrendSeries {
  readonly code: string;
  readonly name: string;
  readonly role: 'focus' | 'comparator';
  readonly points: readonly TrendPoint[];
}

export interface TrendChartInput {
  readonly id: string;
  readonly indicator: string;
  readonly unit: string;
  /** e.g. "Persons, 18+ yrs". */
  readonly slice: string;
  readonly source: string;
  /** Periods in time order (the x axis). */
  readonly periods: readonly string[];
  /** Focus first, then comparators in order (England, the region, ...). */
  readonly series: readonly TrendSeries[];
  /** The focus's recent trend in words, e.g. "Decreasing and getting better". */
  readonly recentTrend: string;
  /** e.g. ["The gap to England is narrowing (weighted regression, p = 0.01)"]. */
  readonly gapVerdicts: readonly string[];
  readonly decimals: number;
}

const STYLES: readonly {
  readonly color: string;
  readonly symbol: string;
  readonly dash: string;
}[] = [
  { color: CATEGORICAL.darkBlue, symbol: 'square', dash: 'solid' },
  { color: '#505A5F', symbol: 'circle', dash: 'dash' },
  { color: CATEGORICAL.turquoise, symbol: 'diamond', dash: 'dot' },
  { color: CATEGORICAL.darkPink, symbol: 'triangle-up', dash: 'dashdot' },
  { color: CATEGORICAL.orange, symbol: 'triangle-down', dash: 'longdash' },
];

export function buildTrendChart(input: TrendChartInput): FigureSpec {
  const focus = input.series.find((s) => s.role === 'focus');
  const title = headline(input, focus);
  const subtitle = [
    `${input.indicator} (${input.unit}), ${input.slice}, ${input.periods[0] ?? ''} to ${input.periods[input.periods.length - 1] ?? ''}.`,
    'Error bars show 95% confidence intervals.',
    ...input.gapVerdicts.map((v) => `${v}.`),
  ].join(' ');

  const data: PlotlyObject[] = input.series.map((series, i) => {
    const style = STYLES[i % STYLES.length]!;
    const byPeriod = new Map(series.points.map((p) => [p.period, p]));
    const points = input.periods.map((period) => byPeriod.get(period));
    return {
      type: 'scatter',
      mode: 'lines+markers',
      name: escapeHtml(series.name),
      x: [...input.periods],
      y: points.map((p) => p?.value ?? null),
      line: { color: style.color, width: series.role === 'focus' ? 3 : 2, dash: style.dash },
      marker: { color: style.color, symbol: style.symbol, size: series.role === 'focus' ? 9 : 7 },
      error_y: {
        type: 'data',
        symmetric: false,
        array: points.map((p) => span(p?.value, p?.upper95)),
        arrayminus: points.map((p) => span(p?.value, p?.lower95)),
        color: '#B1B4B6',
        thickness: 1.5,
        width: 4,
      },
      connectgaps: false,
      hovertemplate: `${escapeHtml(series.name)}, %{x}: %{y:.${String(input.decimals)}f} ${escapeHtml(input.unit)}<extra></extra>`,
    };
  });

  // Direct labels at each line's last value, nudged apart vertically when they would overlap.
  const annotations: Json[] = input.series.flatMap((series, i) => {
    const last = [...series.points].reverse().find((p) => p.value !== null);
    if (last === undefined) return [];
    return [
      {
        x: last.period,
        y: last.value,
        xanchor: 'left',
        xshift: 10,
        yshift: (i - (input.series.length - 1) / 2) * 4,
        showarrow: false,
        text: escapeHtml(series.name),
        font: { size: 12, color: STYLES[i % STYLES.length]!.color },
      },
    ];
  });

  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText: altText(input),
    table: {
      columns: [
        'Area code',
        'Area',
        'Period',
        `Value (${input.unit})`,
        'Lower 95% limit',
        'Upper 95% limit',
      ],
      rows: input.series.flatMap((s) =>
        input.periods.map((period) => {
          const p = s.points.find((q) => q.period === period);
          return [s.code, s.name, period, p?.value ?? null, p?.lower95 ?? null, p?.upper95 ?? null];
        }),
      ),
    },
    data,
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        xaxis: {
          type: 'category',
          tickfont: { size: 13 },
          title: { text: 'Period', font: { size: 13 } },
        },
        yaxis: {
          title: {
            text: `${escapeHtml(input.indicator)} (${escapeHtml(input.unit)})`,
            font: { size: 13 },
          },
          gridcolor: TEXT.gridline,
          rangemode: 'tozero',
        },
        margin: { r: 170 },
        annotations,
      },
      { legend: true, sourceOffset: 62 },
    ),
  };
}

function headline(input: TrendChartInput, focus: TrendSeries | undefined): string {
  if (focus === undefined) return `${input.indicator} over time`;
  const withValue = focus.points.filter((p) => p.value !== null);
  const last = withValue[withValue.length - 1];
  if (last === undefined) return `${input.indicator} in ${focus.name}: no values loaded`;
  return `${input.indicator} in ${focus.name}: ${fixed(last.value!, input.decimals)} ${input.unit} in ${last.period}; recent trend: ${lowerFirst(input.recentTrend)}`;
}

function altText(input: TrendChartInput): string {
  const lines = input.series.map((s) => {
    const values = s.points
      .filter((p) => p.value !== null)
      .map((p) => `${p.period} ${fixed(p.value!, input.decimals)}`);
    return `${s.name}: ${values.length === 0 ? 'no values' : values.join(', ')}.`;
  });
  return [
    `Line chart of ${input.indicator.toLowerCase()} (${input.unit}), ${input.slice}, for ${listJoin(input.series.map((s) => s.name))}, ${input.periods[0] ?? ''} to ${input.periods[input.periods.length - 1] ?? ''}.`,
    ...lines,
    `Recent trend: ${input.recentTrend}.`,
    ...input.gapVerdicts.map((v) => `${v}.`),
    input.source,
  ].join(' ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Distance from a value up (or down) to a limit, or null where either is missing. */
function span(from: number | null | undefined, to: number | null | undefined): number | null {
  return from === null || from === undefined || to === null || to === undefined
    ? null
    : Math.abs(to - from);
}
