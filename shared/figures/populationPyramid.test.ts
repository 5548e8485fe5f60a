import { describe, expect, it } from 'vitest';
import { buildPopulationPyramid, type PopulationPyramidInput } from './populationPyramid';
import { normalisedJson } from './testing/normalise';

// A hand-made 3-band population (percentages of each area's total, summing to 100 per area),
// small enough for the snapshot to be read in review.
const bands = [
  { label: '0-19', min: 0 },
  { label: '20-64', min: 20 },
  { label: '65+', min: 65 },
];
const input: PopulationPyramidInput = {
  id: 'population-pyramid',
  period: 'mid-2020',
  measure: 'ONS mid-year population estimates',
  source: 'Source: test data.',
  focus: { code: 'A', name: 'Borough' },
  comparators: [
    { code: 'R', name: 'Region' },
    { code: 'N', name: 'Nation' },
  ],
  bands,
  rows: {
    areaCode: [
      'A',
      'A',
      'A',
      'A',
      'A',
      'A',
      'R',
      'R',
      'R',
      'R',
      'R',
      'R',
      'N',
      'N',
      'N',
      'N',
      'N',
      'N',
    ],
    band: [
      '0-19',
      '20-64',
      '65+',
      '0-19',
      '20-64',
      '65+',
      '0-19',
      '20-64',
      '65+',
      '0-19',
      '20-64',
      '65+',
      '0-19',
      '20-64',
      '65+',
      '0-19',
      '20-64',
      '65+',
    ],
    sex: [
      'Male',
      'Male',
      'Male',
      'Female',
      'Female',
      'Female',
      'Male',
      'Male',
      'Male',
      'Female',
      'Female',
      'Female',
      'Male',
      'Male',
      'Male',
      'Female',
      'Female',
      'Female',
    ],
    percent: Float64Array.from([
      16, 28, 5, 15, 29, 7, 12, 32, 6, 11.5, 31, 7.5, 11.5, 29, 9, 11, 29.5, 10,
    ]),
  },
};

describe('buildPopulationPyramid', () => {
  it('matches the snapshot', async () => {
    await expect(normalisedJson(buildPopulationPyramid(input))).toMatchFileSnapshot(
      '__snapshots__/population-pyramid.json',
    );
  });

  it('puts males on the left (negative) and keeps the unsigned share for hover and tests', () => {
    const spec = buildPopulationPyramid(input);
    expect(spec.data[0]!['x']).toEqual([-16, -28, -5]);
    expect(spec.data[0]!['customdata']).toEqual([16, 28, 5]);
    expect(spec.data[1]!['x']).toEqual([15, 29, 7]);
  });

  it('says in words which population is younger, from the under-20 shares', () => {
    const spec = buildPopulationPyramid(input);
    // Under 20: Borough 16 + 15 = 31; Region 12 + 11.5 = 23.5; Nation 11.5 + 11 = 22.5.
    expect(spec.title).toBe(
      'Borough has a younger population than Region and Nation: 31.0% are aged under 20, compared with 23.5% in Region and 22.5% in Nation',
    );
    expect(spec.altText).toContain('Aged 65 and over: Borough 12.0%, Region 13.5%, Nation 19.0%.');
  });

  it('tells comparators apart by dash and marker as well as colour', () => {
    const spec = buildPopulationPyramid(input);
    const lines = spec.data.filter((t) => t['type'] === 'scatter' && t['showlegend'] === true);
    const styles = lines.map((t) =>
      JSON.stringify([
        (t['line'] as { dash: string }).dash,
        (t['marker'] as { symbol: string }).symbol,
      ]),
    );
    expect(new Set(styles).size).toBe(2);
  });
});
