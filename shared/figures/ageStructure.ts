/**
 * Age structure without a sex split: % of each area's population in each age band, one line
 * per area (e.g. Census 2021 TS007, which has no sex breakdown). Areas differ by dash and
 * marker shape as well as colour, and the legend names them.
 */
import { type AgeBand, type AgeBandRows, bandValues, round3, shareWhere } from './ageBands';
import { fixed, listJoin } from './format';
import { escapeHtml, houseLayout } from './layout';
import { CATEGORICAL, TEXT } from './palette';
import type { AreaRef, FigureSpec } from './spec';

export interface AgeStructureInput {
  readonly id: string;
  /** e.g. "Census 2021". */
  readonly period: string;
  /** e.g. "Usual residents (Census 2021, TS007 Age by single year)". */
  readonly measure: string;
  readonly source: string;
  readonly focus: AreaRef;
  readonly comparators: readonly AreaRef[];
  readonly bands: readonly AgeBand[];
  readonly rows: AgeBandRows;
}

const STYLES = [
  { color: CATEGORICAL.darkBlue, dash: 'solid', symbol: 'circle', width: 3 },
  { color: CATEGORICAL.turquoise, dash: 'dash', symbol: 'diamond', width: 2 },
  { color: CATEGORICAL.darkPink, dash: 'dot', symbol: 'square', width: 2 },
  { color: CATEGORICAL.orange, dash: 'dashdot', symbol: 'triangle-up', width: 2 },
] as const;

export function buildAgeStructure(input: AgeStructureInput): FigureSpec {
  const areas = [input.focus, ...input.comparators];
  const labels = input.bands.map((b) => b.label);
  const under20 = areas.map((a) => shareWhere(input.rows, input.bands, a.code, (min) => min < 20));
  const over65 = areas.map((a) => shareWhere(input.rows, input.bands, a.code, (min) => min >= 65));
  const others = areas.slice(1).map((a, i) => `${fixed(under20[i + 1]!, 1)}% in ${a.name}`);
  const title =
    `${input.period}: ${fixed(under20[0]!, 1)}% of ${input.focus.name} residents were aged under 20, ` +
    `compared with ${listJoin(others)}`;
  const subtitle = `${input.measure}: % of each area's population in each 5-year age band (the last band is open-ended). No sex split in this table.`;

  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText:
      `Line chart of the age structure of ${listJoin(areas.map((a) => a.name))}, ${input.period}, as % of each area's population by 5-year age band. ` +
      `Aged under 20: ${areas.map((a, i) => `${a.name} ${fixed(under20[i]!, 1)}%`).join(', ')}. ` +
      `Aged 65 and over: ${areas.map((a, i) => `${a.name} ${fixed(over65[i]!, 1)}%`).join(', ')}. ` +
      input.source,
    table: {
      columns: ['Area code', 'Area', 'Age band', '% of area population'],
      rows: areas.flatMap((area) => {
        const values = bandValues(input.rows, input.bands, area.code);
        return labels.map((band, i) => [area.code, area.name, band, round3(values[i]!)]);
      }),
    },
    data: areas.map((area, i) => {
      const style = STYLES[i % STYLES.length]!;
      return {
        type: 'scatter',
        mode: 'lines+markers',
        name: escapeHtml(area.name),
        x: labels,
        y: bandValues(input.rows, input.bands, area.code).map(round3),
        line: { color: style.color, dash: style.dash, width: style.width },
        marker: { color: style.color, symbol: style.symbol, size: 7 },
        hovertemplate: `${escapeHtml(area.name)}, aged %{x}: %{y:.1f}%<extra></extra>`,
      };
    }),
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        xaxis: {
          type: 'category',
          title: { text: 'Age band (years)', font: { size: 13 } },
          tickangle: 0,
          tickfont: { size: 12 },
        },
        yaxis: {
          title: { text: '% of population', font: { size: 13 } },
          rangemode: 'tozero',
          ticksuffix: '%',
          gridcolor: TEXT.gridline,
        },
      },
      { legend: true, sourceOffset: 58 },
    ),
  };
}
