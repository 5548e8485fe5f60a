/**
 * Comparison bar chart of one indicator by sex for an area and its comparators (e.g. healthy
 * life expectancy in Barking and Dagenham vs London vs England). Bars are grouped by sex and
 * labelled on the axis with the area's name and above with the value, so the focus colour is
 * an emphasis, not the only way to tell bars apart.
 */
import { fixed, listJoin } from './format';
import { escapeHtml, houseLayout } from './layout';
import { wrapLabel, normaliseSex, sexPlural } from './labels';
import { FOCUS, TEXT } from './palette';
import type { AreaRef, FigureSpec } from './spec';

export interface IndicatorBySexInput {
  readonly id: string;
  /** Indicator name for running text, sentence case, e.g. "Healthy life expectancy at birth". */
  readonly measure: string;
  /** Unit for the axis and alt text, e.g. "years". */
  readonly unit: string;
  /** Period as published, e.g. "2018-20". */
  readonly period: string;
  readonly source: string;
  /** Statistical note for the subtitle, e.g. that no confidence intervals were available. */
  readonly note: string;
  readonly focus: AreaRef;
  /** Comparators; the last is the benchmark the headline measures the gap against. */
  readonly comparators: readonly AreaRef[];
  readonly decimals: number;
  /** Result columns: one row per area and sex. */
  readonly rows: {
    readonly areaCode: readonly (string | null)[];
    readonly sex: readonly (string | null)[];
    readonly value: Float64Array;
  };
}

export function buildIndicatorBySex(input: IndicatorBySexInput): FigureSpec {
  const areas = [input.focus, ...input.comparators];
  const sexes = orderedSexes(input.rows.sex);
  // Values as displayed (rounded): the headline's gaps are computed from what the reader sees.
  const shown = (code: string, sex: string): number => {
    for (let i = 0; i < input.rows.value.length; i++) {
      if (input.rows.areaCode[i] === code && normaliseSex(input.rows.sex[i] ?? null) === sex) {
        return Number(fixed(input.rows.value[i]!, input.decimals));
      }
    }
    return Number.NaN;
  };

  const x0: string[] = [];
  const x1: string[] = [];
  const y: (number | null)[] = [];
  const text: string[] = [];
  const colours: string[] = [];
  for (const sex of sexes) {
    for (const area of areas) {
      const v = shown(area.code, sex);
      x0.push(sex === 'Persons' ? 'Persons' : `${sex}s`);
      x1.push(wrapLabel(escapeHtml(area.name)));
      y.push(Number.isFinite(v) ? v : null);
      text.push(Number.isFinite(v) ? fixed(v, input.decimals) : 'no data');
      colours.push(area.code === input.focus.code ? FOCUS.focus : FOCUS.other);
    }
  }

  const benchmark = input.comparators[input.comparators.length - 1];
  const title = headline(input, sexes, shown, benchmark);
  const subtitle = `${input.measure} (${input.unit}), ${input.period}, by sex. ${input.note}`;
  const finite = y.filter((v): v is number => v !== null);
  const top = finite.length === 0 ? 1 : Math.max(...finite) * 1.15;

  return {
    id: input.id,
    title,
    subtitle,
    source: input.source,
    altText: altText(input, areas, sexes, shown),
    table: {
      columns: ['Area code', 'Area', 'Sex', 'Period', `${input.measure} (${input.unit})`],
      rows: sexes.flatMap((sex) =>
        areas.map((area) => [
          area.code,
          area.name,
          sex,
          input.period,
          rawValue(input, area.code, sex),
        ]),
      ),
    },
    data: [
      {
        type: 'bar',
        x: [x0, x1],
        y,
        text,
        textposition: 'outside',
        cliponaxis: false,
        textfont: { size: 14, color: TEXT.body },
        marker: { color: colours, line: { color: TEXT.body, width: 0 } },
        hovertemplate: `%{x}: %{y:.${String(input.decimals)}f} ${input.unit}<extra></extra>`,
        showlegend: false,
      },
    ],
    layout: houseLayout(
      { title, subtitle, source: input.source },
      {
        xaxis: { type: 'multicategory', tickfont: { size: 13 }, showdividers: true },
        yaxis: {
          title: {
            text: `${escapeHtml(input.measure)} (${escapeHtml(input.unit)})`,
            font: { size: 13 },
          },
          range: [0, top],
          gridcolor: TEXT.gridline,
          zeroline: true,
          zerolinecolor: TEXT.secondary,
        },
        bargap: 0.25,
      },
      { legend: false, sourceOffset: 62 },
    ),
  };
}

function rawValue(input: IndicatorBySexInput, code: string, sex: string): number | null {
  for (let i = 0; i < input.rows.value.length; i++) {
    if (input.rows.areaCode[i] === code && normaliseSex(input.rows.sex[i] ?? null) === sex) {
      const v = input.rows.value[i]!;
      return Number.isFinite(v) ? v : null;
    }
  }
  return null;
}

function orderedSexes(column: readonly (string | null)[]): string[] {
  const found = new Set(column.map((s) => normaliseSex(s)));
  const order = ['Male', 'Female', 'Persons'];
  return [...order.filter((s) => found.has(s)), ...[...found].filter((s) => !order.includes(s))];
}

function headline(
  input: IndicatorBySexInput,
  sexes: readonly string[],
  shown: (code: string, sex: string) => number,
  benchmark: AreaRef | undefined,
): string {
  if (benchmark === undefined) return `${input.measure} in ${input.focus.name}, ${input.period}`;
  const parts: string[] = [];
  for (const sex of sexes) {
    const gap = shown(input.focus.code, sex) - shown(benchmark.code, sex);
    if (!Number.isFinite(gap)) continue;
    const direction = gap < 0 ? 'below' : gap > 0 ? 'above' : 'the same as';
    const amount = gap === 0 ? '' : `${fixed(Math.abs(gap), input.decimals)} ${input.unit} `;
    // Name the benchmark once: "5.0 years below England for males and 3.8 years below for females".
    const against = parts.length === 0 ? ` ${benchmark.name}` : '';
    parts.push(`${amount}${direction}${against} for ${sexPlural(sex)}`);
  }
  if (parts.length === 0) return `${input.measure} in ${input.focus.name}, ${input.period}`;
  return `${input.measure} in ${input.focus.name} is ${listJoin(parts)}`;
}

function altText(
  input: IndicatorBySexInput,
  areas: readonly AreaRef[],
  sexes: readonly string[],
  shown: (code: string, sex: string) => number,
): string {
  const groups = sexes.map((sex) => {
    const values = areas.map((a) => {
      const v = shown(a.code, sex);
      return `${a.name} ${Number.isFinite(v) ? fixed(v, input.decimals) : 'no data'}`;
    });
    return `${sex === 'Persons' ? 'Persons' : `${sex}s`}: ${values.join(', ')}.`;
  });
  return [
    `Bar chart of ${input.measure.toLowerCase()} in ${input.unit}, ${input.period}, comparing ${listJoin(areas.map((a) => a.name))} by sex.`,
    ...groups,
    input.note,
    input.source,
  ].join(' ');
}
