/**
 * Funnel plot: each peer's value against its size (population or events), with the 95% (2σ)
 * and 99.8% (3σ) control limits computed by shared/methods/funnel.ts (PHEindicatormethods'
 * `calculate_funnel_limits`). The focus is a larger outlined marker with its name; areas
 * outside the 99.8% limits are named on the chart and counted in the title, so the reader does
 * not have to judge marker colour (docs/view-conventions.md; fingertipscharts and FunnelPlotR
 * users expect the limits as lines with the method labelled).
 */
import type { FunnelLimits } from '../../methods/funnel';
import type { FunnelSignificance } from '../../methods/funnelSignificance';
import { fixed, listJoin } from '../format';
import { escapeHtml, houseLayout } from '../layout';
import { CATEGORICAL, TEXT } from '../palette';
import type { FigureSpec, Json, PlotlyObject } from '../spec';

export interface FunnelArea {
  readonly code: string;
  readonly name: string;
  /** On the funnel's x axis: population, observed events or events (`limits.axis`). */
  readonly x: number;
  readonly value: number;
  readonly significance: FunnelSignificance;
}

export interface FunnelPlotInput {
  readonly id: string;
  readonly indicator: string;
  readonly unit: string;
  readonly slice: string;
  readonly source: string;
  readonly focusCode: string;
  readonly peerGroupName: string;
  readonly limits: FunnelLimits;
  readonly areas: readonly FunnelArea[];
  readonly decimals: number;
}

const AXIS_TITLE: Readonly<Record<FunnelLimits['axis'], string>> = {
  Population: 'Population (denominator)',
  Observed_events: 'Observed events',
  Events: 'Events (count)',
};

/** Outside the 3σ limits, high or low. */
function outside998(s: FunnelSignificance): 'high' | 'low' | null {
  return s === 'High (0.001)' ? 'high' : s === 'Low (0.001)' ? 'low' : null;
}

export function buildFunnelPlot(input: FunnelPlotInput): FigureSpec {
  const { limits } = input;
  const xs = limits.points.map((p) => p.x);
  const limitLine = (
    key: 'lower95' | 'upper95' | 'lower998' | 'upper998',
    name: string,
    dash: string,
    showlegend: boolean,
  ): PlotlyObject => ({
    type: 'scatter',
    mode: 'lines',
    name,
    legendgroup: name,
    showlegend,
    x: xs,
    y: limits.points.map((p) => p[key]),
    line: { color: TEXT.secondary, width: 1.5, dash },
    hoverinfo: 'skip',
  });

  const high = input.areas.filter((a) => outside998(a.significance) === 'high');
  const low = input.areas.filter((a) => outside998(a.significance) === 'low');
  const focus = input.areas.find((a) => a.code === input.focusCode);
  const others = input.areas.filter((a) => a.code !== input.focusCode);

  const data: PlotlyObject[] = [
    limitLine('upper998', '99.8% limits (3σ)', 'dash', true),
    limitLine('lower998', '99.8% limits (3σ)', 'dash', false),
    limitLine('upper95', '95% limits (2σ)', 'dot', true),
    limitLine('lower95', '95% limits (2σ)', 'dot', false),
  ];
  if (limits.baseline !== null) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: `Average ${fixed(limits.baseline, input.decimals)}`,
      x: [xs[0] ?? 0, xs[xs.length - 1] ?? 1],
      y: [limits.baseline, limits.baseline],
      line: { color: TEXT.body, width: 1.5 },
      hoverinfo: 'skip',
    });
  }
  data.push({
    type: 'scatter',
    mode: 'markers',
    name: escapeHtml(input.peerGroupName),
    x: others.map((a) => a.x),
    y: others.map((a) => a.value),
    // Outside 99.8%: a filled diamond; otherwise a hollow circle. Shape, not colour, tells.
    marker: {
      size: 8,
      color: others.map((a) =>
        outside998(a.significance) === null ? '#FFFFFF' : CATEGORICAL.darkPink,
      ),
      symbol: others.map((a) => (outside998(a.significance) === null ? 'circle' : 'diamond')),
      line: { color: TEXT.body, width: 1 },
    },
    customdata: others.map((a) => [a.name, a.significance]),
    hovertemplate: `%{customdata[0]}: %{y:.${String(input.decimals)}f} (x = %{x:,.0f})<br>%{customdata[1]}<extra></extra>`,
  });
  if (focus !== undefined) {
    data.push({
      type: 'scatter',
      mode: 'markers+text',
      name: escapeHtml(focus.name),
      x: [focus.x],
      y: [focus.value],
      text: [`<b>${escapeHtml(focus.name)}</b>`],
      textposition: 'top center',
      marker: {
        size: 14,
        color: CATEGORICAL.darkBlue,
        symbol: 'square',
        line: { color: TEXT.body, width: 2 },
      },
      hovertemplate: `${escapeHtml(focus.name)}: %{y:.${String(input.decimals)}f} (x = %{x:,.0f})<br>${focus.significance}<extra></extra>`,
    });
  }
  const annotations: Json[] = [...high, ...low]
    .filter((a) => a.code !== input.focusCode)
    .map((a) => ({
      x: a.x,
      y: a.value,
      text: escapeHtml(a.name),
      showarrow: false,
      xanchor: 'left',
      xshift: 7,
      font: { size: 11, color: TEXT.body },
    }));

  const title = headline(input, focus, high.length, low.length);
  const subtitle = `${input.indicator} (${input.unit}), ${input.slice}, ${String(input.areas.length)} ${input.peerGroupName}. Control limits at 95% and 99.8% around the group average (${limits.statistic}, ${limits.method} method, PHEindicatormethods).`;
  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText: [
      `Funnel plot of ${input.indicator.toLowerCase()} against ${AXIS_TITLE[limits.axis].toLowerCase()} for ${String(input.areas.length)} ${input.peerGroupName}.`,
      focus === undefined
        ? ''
        : `${focus.name}: ${fixed(focus.value, input.decimals)}, ${focus.significance.toLowerCase()}.`,
      high.length === 0
        ? 'No area is above the upper 99.8% limit.'
        : `Above the upper 99.8% limit: ${listJoin(high.map((a) => a.name))}.`,
      low.length === 0
        ? 'No area is below the lower 99.8% limit.'
        : `Below the lower 99.8% limit: ${listJoin(low.map((a) => a.name))}.`,
      input.source,
    ]
      .filter((s) => s !== '')
      .join(' '),
    table: {
      columns: [
        'Area code',
        'Area',
        AXIS_TITLE[limits.axis],
        `Value (${input.unit})`,
        'Funnel significance',
      ],
      rows: input.areas.map((a) => [a.code, a.name, a.x, a.value, a.significance]),
    },
    data,
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        xaxis: {
          title: { text: AXIS_TITLE[limits.axis], font: { size: 13 } },
          gridcolor: TEXT.gridline,
          rangemode: 'tozero',
        },
        yaxis: {
          title: {
            text: `${escapeHtml(input.indicator)} (${escapeHtml(input.unit)})`,
            font: { size: 13 },
          },
          gridcolor: TEXT.gridline,
          rangemode: 'tozero',
        },
        annotations,
      },
      { legend: true, sourceOffset: 62 },
    ),
  };
}

function headline(
  input: FunnelPlotInput,
  focus: FunnelArea | undefined,
  high: number,
  low: number,
): string {
  const outliers = `${String(high)} above and ${String(low)} below the 99.8% limits`;
  if (focus === undefined) return `${input.indicator} across ${input.peerGroupName}: ${outliers}`;
  const where =
    focus.significance === 'Not significant'
      ? 'within the limits'
      : focus.significance.startsWith('High')
        ? `above the ${focus.significance.includes('0.001') ? '99.8%' : '95%'} limit`
        : focus.significance.startsWith('Low')
          ? `below the ${focus.significance.includes('0.001') ? '99.8%' : '95%'} limit`
          : 'not assessed (fewer than 10 events)';
  return `${input.indicator}: ${focus.name} is ${where}; ${outliers} among ${String(input.areas.length)} ${input.peerGroupName}`;
}
