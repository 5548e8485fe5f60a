import { describe, expect, it } from 'vitest';
import { normalisedJson } from '../testing/normalise';
import { buildSpineChart, spinePosition, spineRange, type SpineRow } from './spineChart';

// Campylobacter incidence rate/100,000 (Fingertips 93356), 2016, Persons, from
// fixtures/data/fingertips/indicators-CountyUA.data.csv: Barking and Dagenham, London region and
// England as published; the range over the 150 County & UA values with a value, percentiles
// checked with Python's statistics.quantiles(method='inclusive'), which is R's type 7.
const rows: SpineRow[] = [
  {
    indicator: 'Campylobacter incidence rate, all ages',
    period: '2016',
    unit: 'per 100,000',
    polarity: 'low-is-good',
    england: 89.1292253807248,
    min: 24.702121476315,
    q25: 62.9014416196988,
    q75: 108.6265386151085,
    max: 146.193642705576,
    focus: 24.702121476315,
    focusComparison: 'Better',
    region: 59.1040490711538,
    decimals: 1,
  },
  {
    indicator: 'Campylobacter incidence rate, 0-9 yrs',
    period: '2016',
    unit: 'per 100,000',
    polarity: 'low-is-good',
    england: 229.521421804929,
    min: 2.40726029705592,
    q25: 159.0636375645115,
    q75: 285.29647124142724,
    max: 612.293224180508,
    focus: 2.55017468696606,
    focusComparison: 'Better',
    region: null,
    decimals: 1,
  },
];
const input = {
  id: 'spine',
  focusName: 'Barking and Dagenham',
  regionName: 'London region',
  areaTypeName: 'upper-tier local authorities',
  source: 'Source: OHID Fingertips, indicator 93356.',
  rows,
};

describe('spineRange', () => {
  it('gives R type 7 percentiles', () => {
    // R: quantile(1:10, c(0.25, 0.75)) is 3.25 and 7.75.
    expect(spineRange([10, 1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({
      min: 1,
      q25: 3.25,
      q75: 7.75,
      max: 10,
    });
    expect(spineRange([5])).toEqual({ min: 5, q25: 5, q75: 5, max: 5 });
    expect(spineRange([Number.NaN])).toBeNull();
  });
});

describe('buildSpineChart', () => {
  it('matches the snapshot', async () => {
    await expect(normalisedJson(buildSpineChart(input))).toMatchFileSnapshot(
      '../__snapshots__/spine-chart.json',
    );
  });

  it('puts England at the centre, worst on the left, and mirrors low-is-good', () => {
    const row = rows[0]!;
    expect(spinePosition(row, row.england)).toBe(0);
    // Low is good, so the lowest rate is best (right). The half-width is the larger distance
    // from England: |24.70 - 89.13| = 64.43 beats |146.19 - 89.13| = 57.06, so the lowest
    // sits at +1 and the highest at -57.06 / 64.43 = -0.886.
    expect(spinePosition(row, row.min)).toBe(1);
    expect(spinePosition(row, row.max)).toBeCloseTo(
      -(146.193642705576 - 89.1292253807248) / (89.1292253807248 - 24.702121476315),
      12,
    );
    expect(spinePosition({ ...row, polarity: 'high-is-good' }, row.min)).toBe(-1);
  });

  it('writes each outcome beside the row and counts them in the title', () => {
    const spec = buildSpineChart(input);
    const texts = (spec.layout['annotations'] as { text: string }[]).map((a) => a.text);
    expect(texts).toContain('24.7 ▲ Better');
    expect(texts).toContain('2.6 ▲ Better');
    expect(spec.title).toBe(
      'Area profile for Barking and Dagenham: significantly worse than England on 0 and better on 2 of 2 indicators',
    );
    // The region marker is drawn only where the region has a value.
    const region = spec.data.find((t) => t['name'] === 'London region')!;
    expect(region['x']).toHaveLength(1);
    expect(spec.table.rows[0]).toEqual([
      'Campylobacter incidence rate, all ages',
      '2016',
      'per 100,000',
      24.702121476315,
      'Better',
      59.1040490711538,
      89.1292253807248,
      24.702121476315,
      62.9014416196988,
      108.6265386151085,
      146.193642705576,
    ]);
  });
});
