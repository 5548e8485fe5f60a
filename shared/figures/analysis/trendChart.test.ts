import { describe, expect, it } from 'vitest';
import { normalisedJson } from '../testing/normalise';
import { buildTrendChart, type TrendChartInput } from './trendChart';

// Values as published in ../shared/data/fingertips/derived/trafford_dashboard/smoking_adults.csv
// (Fingertips, Smoking Prevalence in adults - current smokers (APS), Persons, 2011-2018): the
// file gives no confidence intervals.
const periods = ['2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018'];
const series = (code: string, name: string, role: 'focus' | 'comparator', values: number[]) => ({
  code,
  name,
  role,
  points: values.map((value, i) => ({ period: periods[i]!, value, lower95: null, upper95: null })),
});
const input: TrendChartInput = {
  id: 'trend-smoking',
  indicator: 'Smoking prevalence in adults',
  unit: '%',
  slice: 'Persons, 18+ yrs',
  source: 'Source: OHID Fingertips, Smoking Prevalence in adults - current smokers (APS).',
  periods,
  series: [
    series(
      'E09000002',
      'Barking and Dagenham',
      'focus',
      [23.7, 22.8, 22.7, 23.1, 18.4, 18.8, 18.7, 22.4],
    ),
    series('E92000001', 'England', 'comparator', [19.8, 19.3, 18.4, 17.8, 16.9, 15.5, 14.9, 14.4]),
  ],
  recentTrend: 'Cannot be calculated',
  gapVerdicts: ['The gap to England cannot be tested: the source gives no confidence intervals'],
  decimals: 1,
};

describe('buildTrendChart', () => {
  it('matches the snapshot', async () => {
    await expect(normalisedJson(buildTrendChart(input))).toMatchFileSnapshot(
      '../__snapshots__/trend-chart.json',
    );
  });

  it('draws one line per area with its own marker and dash, focus first and thicker', () => {
    const spec = buildTrendChart(input);
    expect(spec.data.map((t) => t['name'])).toEqual(['Barking and Dagenham', 'England']);
    const [focus, england] = spec.data as {
      marker: { symbol: string };
      line: { width: number; dash: string };
    }[];
    expect(focus!.marker.symbol).not.toBe(england!.marker.symbol);
    expect(focus!.line.dash).not.toBe(england!.line.dash);
    expect(focus!.line.width).toBeGreaterThan(england!.line.width);
    // Without published limits there are no error bars, not zero-width ones.
    expect((spec.data[0]!['error_y'] as { array: unknown[] }).array.every((v) => v === null)).toBe(
      true,
    );
  });

  it('labels each line at its last value and states the latest value and trend', () => {
    const spec = buildTrendChart(input);
    const labels = (spec.layout['annotations'] as { text: string; x: string; y: number }[]).filter(
      (a) => a.x === '2018',
    );
    expect(labels.map((a) => [a.text, a.y])).toEqual([
      ['Barking and Dagenham', 22.4],
      ['England', 14.4],
    ]);
    expect(spec.title).toBe(
      'Smoking prevalence in adults in Barking and Dagenham: 22.4 % in 2018; recent trend: cannot be calculated',
    );
    expect(spec.subtitle).toContain('cannot be tested');
    expect(spec.altText).toContain('England: 2011 19.8, 2012 19.3');
    expect(spec.table.rows).toHaveLength(16);
  });

  it('leaves a gap where a period has no value', () => {
    const gappy = {
      ...input,
      series: [
        { ...input.series[0]!, points: input.series[0]!.points.filter((p) => p.period !== '2013') },
      ],
    };
    const y = buildTrendChart(gappy).data[0]!['y'] as (number | null)[];
    expect(y[2]).toBeNull();
    expect(y).toHaveLength(8);
  });
});
