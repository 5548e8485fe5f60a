/**
 * Choropleth map of one indicator across a set of areas (e.g. male healthy life expectancy by
 * London borough), drawn offline: each band of values is one filled scatter trace on hidden
 * cartesian axes (shared/figures/mapGeometry.ts), never a Plotly geo or mapbox trace.
 *
 * Areas are coloured by equal-count bands (quintiles when there are 5 or more areas) in one
 * sequential hue, and colour is never the only carrier of a value: the legend gives each
 * band's range, every area has hover text with its name and value, the focus area is outlined
 * and labelled, and the data table lists every value.
 */
import { fixed, listJoin } from './format';
import { escapeHtml, houseLayout, wrapText } from './layout';
import { areaPath, type AreaPath } from './mapGeometry';
import { NO_DATA, SEQUENTIAL, TEXT } from './palette';
import type { AreaRef, FigureSpec, Json, PlotlyObject } from './spec';

export interface ChoroplethMapInput {
  readonly id: string;
  /** Indicator name for running text, sentence case, e.g. "Male healthy life expectancy at birth". */
  readonly measure: string;
  readonly unit: string;
  readonly period: string;
  readonly source: string;
  /** Statistical note for the subtitle (e.g. no confidence intervals, so no significance). */
  readonly note: string;
  /** The areas mapped, plural, for text: "London boroughs". */
  readonly areaLabel: string;
  readonly focus: AreaRef;
  readonly decimals: number;
  /** Result columns: one row per area, with its boundary and value (NaN when it has none). */
  readonly rows: {
    readonly areaCode: readonly (string | null)[];
    readonly areaName: readonly (string | null)[];
    readonly geometryJson: readonly (string | null)[];
    readonly value: Float64Array;
  };
}

interface MapArea {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly path: AreaPath;
  band: number;
}

const BANDS = 5;

export function buildChoroplethMap(input: ChoroplethMapInput): FigureSpec {
  const areas = mapAreas(input);
  const valued = areas.filter((a) => a.value !== null);
  const bandCount = Math.min(BANDS, valued.length);
  assignBands(valued, bandCount);
  // Highest first, so rank 1 is the highest value (ties share the better rank).
  const ranked = [...valued].sort((a, b) => b.value! - a.value!);
  const rankOf = (area: MapArea): number => ranked.findIndex((r) => r.value === area.value) + 1;
  const focus = areas.find((a) => a.code === input.focus.code);
  const colours = bandCount <= 0 ? [] : SEQUENTIAL.slice(BANDS - bandCount);
  const bands = Array.from({ length: bandCount }, (_, band) =>
    valued.filter((a) => a.band === band),
  ).filter((members) => members.length > 0);
  const labels = bandLabels(bands, input.decimals);
  // Legend top to bottom: highest band first, as the darkest colour reads as "most".
  const data: PlotlyObject[] = bands.map((members, i) =>
    fillTrace(labels[i]!, members, colours[members[0]!.band]!, bands.length - i),
  );
  const missing = areas.filter((a) => a.value === null);
  if (missing.length > 0) data.push(fillTrace('No data', missing, NO_DATA, BANDS + 1));
  if (focus !== undefined) data.push(outlineTrace(focus));
  data.push(hoverTrace(areas, input));

  const focusRank = focus === undefined || focus.value === null ? 0 : rankOf(focus);
  const title = headline(input, focus, focusRank, ranked.length, areas.length);
  const subtitle = `${input.measure} (${input.unit}), ${input.period}, by ${singular(input.areaLabel)}, in ${String(bandCount)} bands with equal numbers of areas (darker is higher). ${input.note}`;
  const meanLat = mean(areas.map((a) => a.path.label[1]));

  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText: altText(input, areas, ranked, focus, focusRank, bandCount),
    table: {
      columns: [
        'Area code',
        'Area',
        'Period',
        `${input.measure} (${input.unit})`,
        'Rank (1 = highest)',
      ],
      rows: [...ranked, ...missing].map((a) => [
        a.code,
        a.name,
        input.period,
        a.value,
        a.value === null ? null : rankOf(a),
      ]),
    },
    data,
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        // The map keeps to the right of a vertical legend; scaleanchor shrinks it to fit.
        xaxis: { visible: false, fixedrange: true, domain: [0.2, 1] },
        // Equirectangular: a degree of latitude is 1 / cos(latitude) times a degree of longitude.
        yaxis: {
          visible: false,
          fixedrange: true,
          scaleanchor: 'x',
          scaleratio: 1 / Math.cos((meanLat * Math.PI) / 180),
        },
        showlegend: true,
        legend: {
          title: {
            text: wrapText(`${escapeHtml(input.measure)} (${escapeHtml(input.unit)})`, 24).join(
              '<br>',
            ),
            side: 'top',
          },
          orientation: 'v',
          x: 0,
          xanchor: 'left',
          y: 1,
          yanchor: 'top',
          font: { size: 13 },
        },
        hovermode: 'closest',
        annotations: focus === undefined ? [] : [focusLabel(focus)],
      },
      // No legend row above the plot: the legend stands beside the map, leaving it the height.
      { legend: false, sourceOffset: 10 },
    ),
  };
}

function mapAreas(input: ChoroplethMapInput): MapArea[] {
  const areas: MapArea[] = [];
  const { areaCode, areaName, geometryJson, value } = input.rows;
  for (let i = 0; i < areaCode.length; i++) {
    const code = areaCode[i];
    const geometry = geometryJson[i];
    if (code === null || code === undefined || geometry === null || geometry === undefined)
      continue;
    const v = value[i]!;
    areas.push({
      code,
      name: areaName[i] ?? code,
      value: Number.isFinite(v) ? v : null,
      path: areaPath(code, geometry),
      band: -1,
    });
  }
  return areas;
}

/**
 * Equal-count bands: the area at (0-based) ascending rank r of n goes in band floor(r * k / n),
 * where tied values all take the rank of the first of them, so ties never straddle bands.
 */
function assignBands(valued: readonly MapArea[], bandCount: number): void {
  const sorted = valued.map((a) => a.value!).sort((a, b) => a - b);
  for (const area of valued) {
    const r = sorted.indexOf(area.value!);
    area.band = Math.floor((r * bandCount) / sorted.length);
  }
}

/**
 * "58.1 to 61.4" for each band, from the values as shown. When rounding makes one band's top
 * equal the next band's bottom ("63.2 to 63.2"), all labels get one more decimal, so the
 * legend never puts a value in two bands.
 */
function bandLabels(bands: readonly (readonly MapArea[])[], decimals: number): string[] {
  for (let d = decimals; ; d++) {
    const ranges = bands.map((members) => {
      const values = members.map((a) => a.value!);
      return [fixed(Math.min(...values), d), fixed(Math.max(...values), d)] as const;
    });
    const clash = ranges.some((r, i) => i > 0 && r[0] === ranges[i - 1]![1]);
    if (!clash || d >= decimals + 2) return ranges.map(([lo, hi]) => `${lo} to ${hi}`);
  }
}

/** All areas of one band as one filled trace: paths joined by null separators. */
function fillTrace(
  name: string,
  areas: readonly MapArea[],
  colour: string,
  legendrank: number,
): PlotlyObject {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  for (const area of areas) {
    if (x.length > 0) {
      x.push(null);
      y.push(null);
    }
    x.push(...area.path.x);
    y.push(...area.path.y);
  }
  return {
    type: 'scatter',
    mode: 'lines',
    name,
    x,
    y,
    fill: 'toself',
    fillcolor: colour,
    line: { color: '#FFFFFF', width: 1 },
    hoverinfo: 'skip',
    showlegend: true,
    legendrank,
  };
}

function outlineTrace(focus: MapArea): PlotlyObject {
  return {
    type: 'scatter',
    mode: 'lines',
    name: focus.name,
    x: focus.path.x,
    y: focus.path.y,
    line: { color: TEXT.body, width: 3 },
    hoverinfo: 'skip',
    showlegend: false,
  };
}

/** One point per area at its label point, carrying the hover text and the area's data. */
function hoverTrace(areas: readonly MapArea[], input: ChoroplethMapInput): PlotlyObject {
  return {
    type: 'scatter',
    mode: 'markers',
    name: 'Areas',
    x: areas.map((a) => a.path.label[0]),
    y: areas.map((a) => a.path.label[1]),
    text: areas.map(
      (a) =>
        `${escapeHtml(a.name)}: ${a.value === null ? 'no data' : `${fixed(a.value, input.decimals)} ${input.unit}`}`,
    ),
    customdata: areas.map((a): Json => [a.code, a.value]),
    // Invisible hover targets (Plotly still hovers on transparent markers): dots would read
    // as data on a map.
    marker: { size: 14, color: 'rgba(0,0,0,0)' },
    hovertemplate: '%{text}<extra></extra>',
    showlegend: false,
  };
}

function focusLabel(focus: MapArea): Json {
  return {
    text: `<b>${escapeHtml(focus.name)}</b>`,
    x: focus.path.label[0],
    y: focus.path.label[1],
    xref: 'x',
    yref: 'y',
    showarrow: true,
    arrowhead: 0,
    arrowcolor: TEXT.body,
    ax: 60,
    ay: -70,
    bgcolor: '#FFFFFF',
    bordercolor: TEXT.body,
    borderpad: 3,
    font: { size: 13, color: TEXT.body },
  };
}

function headline(
  input: ChoroplethMapInput,
  focus: MapArea | undefined,
  rank: number,
  n: number,
  total: number,
): string {
  const measure = input.measure.charAt(0).toLowerCase() + input.measure.slice(1);
  if (focus === undefined || focus.value === null) {
    return `${input.measure} by ${singular(input.areaLabel)}, ${input.period}`;
  }
  const position =
    rank === n ? 'the lowest' : rank === 1 ? 'the highest' : `the ${ordinal(rank)} highest`;
  return `${focus.name} has ${position} ${measure} of the ${String(n)} ${input.areaLabel}${n < total ? ' with data' : ''}, ${input.period}`;
}

function altText(
  input: ChoroplethMapInput,
  areas: readonly MapArea[],
  ranked: readonly MapArea[],
  focus: MapArea | undefined,
  rank: number,
  bandCount: number,
): string {
  const show = (a: MapArea): string => `${fixed(a.value!, input.decimals)} (${a.name})`;
  const parts = [
    `Map of ${input.areaLabel} shaded by ${input.measure.toLowerCase()} (${input.unit}), ${input.period}, in ${String(bandCount)} bands with equal numbers of areas.`,
  ];
  const low = ranked[ranked.length - 1];
  const high = ranked[0];
  if (low !== undefined && high !== undefined) {
    parts.push(`Values range from ${show(low)} to ${show(high)}.`);
  }
  if (focus !== undefined) {
    const n = ranked.length;
    const position =
      focus.value === null
        ? 'no data'
        : `${fixed(focus.value, input.decimals)}, ${rank === n ? `lowest of ${String(n)}` : rank === 1 ? `highest of ${String(n)}` : `ranked ${String(rank)} of ${String(n)} (1 = highest)`}`;
    parts.push(`${focus.name} (outlined): ${position}.`);
  }
  const missing = areas.filter((a) => a.value === null).map((a) => a.name);
  if (missing.length > 0) parts.push(`No data for ${listJoin(missing)}.`);
  return [...parts, input.note, input.source].join(' ');
}

function singular(label: string): string {
  return label.replace(/ies$/, 'y').replace(/s$/, '');
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${String(n)}${s}`;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
