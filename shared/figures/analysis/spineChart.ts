/**
 * Area profile (spine chart): for each indicator, the focus's value placed on the range of all
 * areas of its type in England, centred on the England value, worst on the left and best on the
 * right (mirrored for "low is good"; with no judgement the highest counts as "best"), as
 * Fingertips draws it (docs/view-conventions.md section 2). The grey bands are worst to 25th
 * percentile, the inter-quartile range and 75th percentile to best; England is the black centre
 * line. The focus is a circle filled by its comparison with England and the region a diamond;
 * the outcome is also written at the right of each row, so colour is never the only cue.
 */
import type { ComparisonLabel } from '../../analysis/comparePlaces/types';
import type { Polarity } from '../../model/vocabulary';
import { fixed } from '../format';
import { escapeHtml, houseLayout } from '../layout';
import { TEXT } from '../palette';
import type { FigureSpec, Json, PlotlyObject } from '../spec';
import { outcomeStyle } from './outcomes';

export interface SpineRow {
  readonly indicator: string;
  readonly period: string;
  readonly unit: string;
  readonly polarity: Polarity;
  readonly england: number;
  /** Range of the areas of the focus's type: minimum, 25th percentile, 75th percentile, maximum. */
  readonly min: number;
  readonly q25: number;
  readonly q75: number;
  readonly max: number;
  readonly focus: number | null;
  readonly focusComparison: ComparisonLabel;
  readonly region: number | null;
  readonly decimals: number;
}

export interface SpineChartInput {
  readonly id: string;
  readonly focusName: string;
  readonly regionName: string | null;
  /** e.g. "upper-tier local authorities". */
  readonly areaTypeName: string;
  readonly source: string;
  readonly rows: readonly SpineRow[];
}

const OUTER = '#B1B4B6';
const INNER = '#F3F2F1';

/** Where `value` sits on the row's scale: England at 0, worst at -1 side, best at +1 side. */
export function spinePosition(row: SpineRow, value: number): number {
  const half = Math.max(Math.abs(row.max - row.england), Math.abs(row.min - row.england));
  if (half === 0) return 0;
  const direction = row.polarity === 'low-is-good' ? -1 : 1;
  return (direction * (value - row.england)) / half + 0; // + 0 turns -0 into 0
}

export function buildSpineChart(input: SpineChartInput): FigureSpec {
  // Plotly lists horizontal categories bottom-up: reverse so the first indicator is on top.
  const rows = [...input.rows].reverse();
  const y = rows.map((r) => escapeHtml(`${r.indicator} (${r.period})`));
  const ends = rows.map((r) => {
    const [a, b] = [spinePosition(r, r.min), spinePosition(r, r.max)];
    const [c, d] = [spinePosition(r, r.q25), spinePosition(r, r.q75)];
    return { lo: Math.min(a, b), hi: Math.max(a, b), qlo: Math.min(c, d), qhi: Math.max(c, d) };
  });
  const band = (
    name: string,
    color: string,
    from: (e: (typeof ends)[number]) => number,
    to: (e: (typeof ends)[number]) => number,
  ): PlotlyObject => ({
    type: 'bar',
    orientation: 'h',
    name,
    y,
    base: ends.map(from),
    x: ends.map((e) => to(e) - from(e)),
    marker: { color, line: { color: '#FFFFFF', width: 0 } },
    hoverinfo: 'skip',
    showlegend: name !== 'Worst to 25th percentile (2)',
  });
  const data: PlotlyObject[] = [
    band(
      'Worst to 25th percentile',
      OUTER,
      (e) => e.lo,
      (e) => e.qlo,
    ),
    band(
      'Inter-quartile range',
      INNER,
      (e) => e.qlo,
      (e) => e.qhi,
    ),
    band(
      '75th percentile to best',
      OUTER,
      (e) => e.qhi,
      (e) => e.hi,
    ),
  ];
  const withRegion = rows.filter((r) => r.region !== null);
  if (input.regionName !== null && withRegion.length > 0) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: escapeHtml(input.regionName),
      y: withRegion.map((r) => escapeHtml(`${r.indicator} (${r.period})`)),
      x: withRegion.map((r) => spinePosition(r, r.region!)),
      marker: {
        symbol: 'diamond',
        size: 12,
        color: '#FFFFFF',
        line: { color: TEXT.body, width: 1.5 },
      },
      customdata: withRegion.map((r) => fixed(r.region!, r.decimals)),
      hovertemplate: `${escapeHtml(input.regionName)}: %{customdata}<extra></extra>`,
    });
  }
  const withFocus = rows.filter((r) => r.focus !== null);
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: escapeHtml(input.focusName),
    y: withFocus.map((r) => escapeHtml(`${r.indicator} (${r.period})`)),
    x: withFocus.map((r) => spinePosition(r, r.focus!)),
    marker: {
      symbol: 'circle',
      size: 13,
      color: withFocus.map((r) => outcomeStyle(r.focusComparison).fill ?? '#FFFFFF'),
      line: { color: TEXT.body, width: 1.5 },
    },
    customdata: withFocus.map((r) => [fixed(r.focus!, r.decimals), r.focusComparison]),
    hovertemplate: `${escapeHtml(input.focusName)}: %{customdata[0]} (%{customdata[1]} vs England)<extra></extra>`,
  });

  const annotations: Json[] = rows.map((r, i) => ({
    x: 1.02,
    xref: 'paper',
    y: y[i]!,
    yref: 'y',
    xanchor: 'left',
    showarrow: false,
    text:
      r.focus === null
        ? 'no value'
        : `${fixed(r.focus, r.decimals)} ${outcomeStyle(r.focusComparison).glyph} ${r.focusComparison}`,
    font: { size: 12, color: TEXT.body },
  }));
  annotations.push(
    {
      x: -1,
      xref: 'x',
      y: 1,
      yref: 'paper',
      yanchor: 'bottom',
      showarrow: false,
      text: 'Worst / lowest',
      font: { size: 12, color: TEXT.secondary },
    },
    {
      x: 0,
      xref: 'x',
      y: 1,
      yref: 'paper',
      yanchor: 'bottom',
      showarrow: false,
      text: 'England',
      font: { size: 12, color: TEXT.body },
    },
    {
      x: 1,
      xref: 'x',
      y: 1,
      yref: 'paper',
      yanchor: 'bottom',
      showarrow: false,
      text: 'Best / highest',
      font: { size: 12, color: TEXT.secondary },
    },
  );

  const worse = input.rows.filter((r) => r.focusComparison === 'Worse').length;
  const better = input.rows.filter((r) => r.focusComparison === 'Better').length;
  const title = `Area profile for ${input.focusName}: significantly worse than England on ${String(worse)} and better on ${String(better)} of ${String(input.rows.length)} indicators`;
  const subtitle = `Each row: ${input.focusName} (circle) and ${input.regionName ?? 'the region'} (diamond) on the range of ${input.areaTypeName} in England; England is the centre line, worst on the left. 95% comparisons with England.`;
  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText: [
      `Spine chart of ${String(input.rows.length)} indicators for ${input.focusName} against the range of ${input.areaTypeName} in England.`,
      ...input.rows.map(
        (r) =>
          `${r.indicator} (${r.period}): ${r.focus === null ? 'no value' : fixed(r.focus, r.decimals)} ${r.unit}, ${r.focusComparison.toLowerCase()} (England ${fixed(r.england, r.decimals)}, range ${fixed(r.min, r.decimals)} to ${fixed(r.max, r.decimals)}).`,
      ),
      input.source,
    ].join(' '),
    table: {
      columns: [
        'Indicator',
        'Period',
        'Unit',
        input.focusName,
        'Compared with England',
        input.regionName ?? 'Region',
        'England',
        'Lowest',
        '25th percentile',
        '75th percentile',
        'Highest',
      ],
      rows: input.rows.map((r) => [
        r.indicator,
        r.period,
        r.unit,
        r.focus,
        r.focusComparison,
        r.region,
        r.england,
        r.min,
        r.q25,
        r.q75,
        r.max,
      ]),
    },
    data,
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        barmode: 'overlay',
        xaxis: { range: [-1.08, 1.08], showticklabels: false, showgrid: false, zeroline: false },
        yaxis: { automargin: true, tickfont: { size: 12 } },
        margin: { l: 260, r: 150 },
        bargap: 0.35,
        shapes: [
          {
            type: 'line',
            xref: 'x',
            yref: 'paper',
            x0: 0,
            x1: 0,
            y0: 0,
            y1: 1,
            line: { color: TEXT.body, width: 2 },
          },
        ],
        annotations,
      },
      { legend: true, sourceOffset: 40 },
    ),
  };
}

/**
 * The range a spine row needs, from the values of every area of the type: minimum, maximum and
 * the 25th and 75th percentiles by linear interpolation between order statistics (R's default
 * `quantile(type = 7)`, Excel's PERCENTILE.INC). Fingertips computes its quartiles server-side
 * and does not publish the method, so the percentiles may differ slightly from the site's.
 */
export function spineRange(
  values: readonly number[],
): { min: number; q25: number; q75: number; max: number } | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const at = (p: number): number => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return (
      sorted[lo]! +
      (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]!) - sorted[lo]!)
    );
  };
  return { min: sorted[0]!, q25: at(0.25), q75: at(0.75), max: sorted[sorted.length - 1]! };
}
