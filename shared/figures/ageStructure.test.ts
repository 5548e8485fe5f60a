import { describe, expect, it } from 'vitest';
import { buildAgeStructure, type AgeStructureInput } from './ageStructure';
import { normalisedJson } from './testing/normalise';

// Hand-made shares (percent of each area's population) in three bands, summing to 100.
const input: AgeStructureInput = {
  id: 'census-age-structure',
  period: 'Census 2021',
  measure: 'Usual residents, Census 2021 table TS007',
  source: 'Source: test data.',
  focus: { code: 'A', name: 'Borough' },
  comparators: [{ code: 'N', name: 'Nation' }],
  bands: [
    { label: '0-19', min: 0 },
    { label: '20-64', min: 20 },
    { label: '65+', min: 65 },
  ],
  rows: {
    areaCode: ['A', 'A', 'A', 'N', 'N', 'N'],
    band: ['65+', '0-19', '20-64', '0-19', '20-64', '65+'],
    percent: Float64Array.from([9.25, 30.5, 60.25, 23, 58, 19]),
  },
};

describe('buildAgeStructure', () => {
  it('matches the snapshot', async () => {
    await expect(normalisedJson(buildAgeStructure(input))).toMatchFileSnapshot(
      '__snapshots__/census-age-structure.json',
    );
  });

  it('orders values by band, not by row order', () => {
    const spec = buildAgeStructure(input);
    expect(spec.data[0]!['y']).toEqual([30.5, 60.25, 9.25]);
    expect(spec.title).toBe(
      'Census 2021: 30.5% of Borough residents were aged under 20, compared with 23.0% in Nation',
    );
  });
});
