import { describe, expect, it } from 'vitest';
import { normalisedJson } from '../testing/normalise';
import { buildCompareAreas, ordinal, type CompareAreasInput } from './compareAreas';

// Values, 95% limits and the England comparison as published in
// fixtures/data/fingertips/indicators-CountyUA.data.csv (Fingertips indicator 93356,
// Campylobacter incidence rate/100,000, 2016, Persons, All ages), for six London boroughs.
const input: CompareAreasInput = {
  id: 'compare-93356',
  indicator: 'Campylobacter incidence rate',
  unit: 'per 100,000',
  slice: '2016, Persons, All ages',
  source: 'Source: OHID Fingertips, indicator 93356 (fixtures/data/fingertips).',
  focusCode: 'E09000002',
  benchmarkName: 'England',
  peerGroupName: 'London boroughs',
  decimals: 1,
  areas: [
    {
      code: 'E09000002',
      name: 'Barking and Dagenham',
      value: 24.702121476315,
      lower95: 18.392351739968,
      upper95: 32.4787247745267,
      comparison: 'Better',
    },
    {
      code: 'E09000007',
      name: 'Camden',
      value: 116.174684480118,
      lower95: 103.099376800221,
      upper95: 130.449001652466,
      comparison: 'Worse',
    },
    {
      code: 'E09000006',
      name: 'Bromley',
      value: 95.4452428806108,
      lower95: 85.1471896596761,
      upper95: 106.645541541495,
      comparison: 'Similar',
    },
    {
      code: 'E09000029',
      name: 'Sutton',
      value: 119.177133814657,
      lower95: 104.604447849764,
      upper95: 135.212003129186,
      comparison: 'Worse',
    },
    {
      code: 'E09000025',
      name: 'Newham',
      value: 27.8610350227874,
      lower95: 22.5412403974603,
      upper95: 34.0586713942041,
      comparison: 'Better',
    },
    {
      code: 'E09000001',
      name: 'City of London',
      value: null,
      lower95: null,
      upper95: null,
      comparison: 'Not compared',
    },
  ],
  lines: [
    { name: 'England', value: 89.1292253807248 },
    { name: 'London region', value: 59.1040490711538 },
  ],
};

describe('buildCompareAreas', () => {
  it('matches the snapshot', async () => {
    await expect(normalisedJson(buildCompareAreas(input))).toMatchFileSnapshot(
      '../__snapshots__/compare-areas.json',
    );
  });

  it('orders bars high to low (top of the chart first), missing last, focus in bold', () => {
    const spec = buildCompareAreas(input);
    const bars = spec.data[0]!;
    // Plotly draws the first category at the bottom, so the list is reversed.
    const top = [...(bars['y'] as string[])].reverse();
    expect(top).toEqual([
      'Sutton',
      'Camden',
      'Bromley',
      'Newham',
      '<b>Barking and Dagenham</b>',
      'City of London',
    ]);
  });

  it('labels every bar with its value and the outcome in words', () => {
    const text = [...(buildCompareAreas(input).data[0]!['text'] as string[])].reverse();
    expect(text[0]).toBe('119.2 ▼ Worse');
    expect(text[2]).toBe('95.4 ● Similar');
    expect(text[4]).toBe('24.7 ▲ Better');
    expect(text[5]).toBe('no data');
  });

  it('states the finding: value, place among peers with data, significance', () => {
    const spec = buildCompareAreas(input);
    // 4 of the 5 boroughs with data have higher values, so Barking and Dagenham is 5th highest.
    expect(spec.title).toBe(
      'Campylobacter incidence rate in Barking and Dagenham is 24.7 per 100,000, the 5th highest of 5 London boroughs: significantly better than England',
    );
    expect(spec.altText).toContain('Barking and Dagenham: 24.7, better than England.');
    expect(spec.altText).toContain('Comparator lines: England 89.1, London region 59.1.');
    expect(spec.table.rows).toHaveLength(8);
  });

  it('says "not tested" when the focus has no interval', () => {
    const spec = buildCompareAreas({
      ...input,
      areas: input.areas.map((a) =>
        a.code === 'E09000002'
          ? { ...a, lower95: null, upper95: null, comparison: 'Not compared' as const }
          : a,
      ),
    });
    expect(spec.title).toMatch(/: not tested against England$/);
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 33, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '33rd',
      '101st',
      '111th',
    ]);
  });
});
