import { describe, expect, it } from 'vitest';
import { buildIndicatorBySex, type IndicatorBySexInput } from './indicatorBySex';
import { normalisedJson } from './testing/normalise';

// Values as published in fixtures/data/ons_subnational/subnational_indicators_machine_readable.csv
// (ONS Subnational indicators explorer, Male/Female Healthy Life Expectancy (HLE), 201820).
const input: IndicatorBySexInput = {
  id: 'hle-by-sex',
  measure: 'Healthy life expectancy at birth',
  unit: 'years',
  period: '2018-20',
  source: 'Source: ONS, Subnational indicators explorer (August 2022).',
  note: 'The source gives no confidence intervals, so differences are not tested for significance.',
  focus: { code: 'E09000002', name: 'Barking and Dagenham' },
  comparators: [
    { code: 'E12000007', name: 'London' },
    { code: 'E92000001', name: 'England' },
  ],
  decimals: 1,
  rows: {
    areaCode: ['E09000002', 'E12000007', 'E92000001', 'E09000002', 'E12000007', 'E92000001'],
    sex: ['Female', 'Female', 'Female', 'Male', 'Male', 'Male'],
    value: Float64Array.from([60.14, 64.97, 63.87, 58.12, 63.76, 63.14]),
  },
};

describe('buildIndicatorBySex', () => {
  it('matches the snapshot for B&D, London and England HLE 2018-20', async () => {
    await expect(normalisedJson(buildIndicatorBySex(input))).toMatchFileSnapshot(
      '__snapshots__/hle-by-sex.json',
    );
  });

  it('shows values as published to 1 decimal, males first, and labels every bar', () => {
    const spec = buildIndicatorBySex(input);
    const trace = spec.data[0]!;
    // STRATEGIES.md life-course table: 58.1/60.1, 63.8/65.0, 63.1/63.9 (rounded from the fixture's 2 dp).
    expect(trace['y']).toEqual([58.1, 63.8, 63.1, 60.1, 65.0, 63.9]);
    expect(trace['text']).toEqual(['58.1', '63.8', '63.1', '60.1', '65.0', '63.9']);
    expect((trace['x'] as string[][])[0]).toEqual([
      'Males',
      'Males',
      'Males',
      'Females',
      'Females',
      'Females',
    ]);
  });

  it('states the gap to the benchmark from the shown values, and never claims significance', () => {
    const spec = buildIndicatorBySex(input);
    // 63.1 - 58.1 = 5.0 and 63.9 - 60.1 = 3.8 (hand calculation from the shown values).
    expect(spec.title).toBe(
      'Healthy life expectancy at birth in Barking and Dagenham is 5.0 years below England for males and 3.8 years below for females',
    );
    expect(`${spec.title} ${spec.subtitle}`).not.toMatch(/significantly/);
    expect(spec.subtitle).toContain('not tested for significance');
    expect(spec.altText).toContain('Males: Barking and Dagenham 58.1, London 63.8, England 63.1.');
    expect(spec.altText).toContain(
      'Females: Barking and Dagenham 60.1, London 65.0, England 63.9.',
    );
  });

  it('draws a missing value as an empty bar labelled "no data"', () => {
    const spec = buildIndicatorBySex({
      ...input,
      rows: {
        ...input.rows,
        value: Float64Array.from([60.14, 64.97, 63.87, Number.NaN, 63.76, 63.14]),
      },
    });
    expect(spec.data[0]!['y']).toEqual([null, 63.8, 63.1, 60.1, 65.0, 63.9]);
    expect(spec.data[0]!['text']).toContain('no data');
    expect(spec.title).toBe(
      'Healthy life expectancy at birth in Barking and Dagenham is 3.8 years below England for females',
    );
  });
});
