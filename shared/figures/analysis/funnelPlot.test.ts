import { describe, expect, it } from 'vitest';
import { funnelLimits } from '../../methods/funnel';
import { funnelSignificance } from '../../methods/funnelSignificance';
import { normalisedJson } from '../testing/normalise';
import { buildFunnelPlot, type FunnelArea } from './funnelPlot';

// Counts, denominators and values as published in
// fixtures/data/fingertips/indicators-CountyUA.data.csv (indicator 93356, Campylobacter
// incidence rate/100,000, 2016, Persons, All ages) for ten London boroughs.
const boroughs: readonly [string, string, number, number, number][] = [
  ['E09000002', 'Barking and Dagenham', 51, 206460, 24.702121476315],
  ['E09000003', 'Barnet', 250, 386083, 64.7529158237996],
  ['E09000004', 'Bexley', 200, 244760, 81.712698153293],
  ['E09000005', 'Brent', 118, 328254, 35.947772152053],
  ['E09000006', 'Bromley', 312, 326889, 95.4452428806108],
  ['E09000007', 'Camden', 286, 246181, 116.174684480118],
  ['E09000008', 'Croydon', 231, 382304, 60.4231187745878],
  ['E09000009', 'Ealing', 180, 343196, 52.448163731512],
  ['E09000025', 'Newham', 95, 340978, 27.8610350227874],
  ['E09000029', 'Sutton', 241, 202220, 119.177133814657],
];
const rate = {
  statistic: 'rate' as const,
  numerator: boroughs.map((b) => b[2]),
  rate: boroughs.map((b) => b[4]),
  denominator: boroughs.map((b) => b[3]),
  rateType: 'crude' as const,
  multiplier: 100000,
};
const limits = funnelLimits({ ...rate, yearsOfData: 1 });
const significance = funnelSignificance(rate);
const areas: FunnelArea[] = boroughs.map((b, i) => ({
  code: b[0],
  name: b[1],
  x: b[2],
  value: b[4],
  significance: significance[i]!,
}));
const input = {
  id: 'funnel-93356',
  indicator: 'Campylobacter incidence rate',
  unit: 'per 100,000',
  slice: '2016, Persons, All ages',
  source: 'Source: OHID Fingertips, indicator 93356.',
  focusCode: 'E09000002',
  peerGroupName: 'London boroughs',
  limits,
  areas,
  decimals: 1,
};

describe('buildFunnelPlot', () => {
  it('matches the snapshot', async () => {
    await expect(normalisedJson(buildFunnelPlot(input))).toMatchFileSnapshot(
      '../__snapshots__/funnel-plot.json',
    );
  });

  it('draws the four control limits from shared/methods and the group average', () => {
    const spec = buildFunnelPlot(input);
    const names = spec.data.map((t) => t['name']);
    expect(names.filter((n) => n === '99.8% limits (3σ)')).toHaveLength(2);
    expect(names.filter((n) => n === '95% limits (2σ)')).toHaveLength(2);
    // Group average = sum of counts / sum of denominators x 100,000 (hand check:
    // 1964 / 3,007,325 x 100,000 = 65.31).
    expect(limits.baseline).toBeCloseTo((1964 / 3007325) * 100000, 8);
    expect(names).toContain('Average 65.3');
  });

  it('names the outliers and places the focus in words', () => {
    const spec = buildFunnelPlot(input);
    const high = areas.filter((a) => a.significance === 'High (0.001)').map((a) => a.name);
    const low = areas.filter((a) => a.significance === 'Low (0.001)').map((a) => a.name);
    // Barking and Dagenham's 51 cases against the group's average of 65.3 per 100,000 on
    // 206,460 residents (135 expected) is far below the 3σ limit.
    expect(low).toContain('Barking and Dagenham');
    expect(high).toEqual(expect.arrayContaining(['Camden', 'Sutton']));
    expect(spec.title).toBe(
      `Campylobacter incidence rate: Barking and Dagenham is below the 99.8% limit; ${String(high.length)} above and ${String(low.length)} below the 99.8% limits among 10 London boroughs`,
    );
    const labelled = (spec.layout['annotations'] as { text: string }[]).map((a) => a.text);
    for (const name of [...high, ...low].filter((n) => n !== 'Barking and Dagenham'))
      expect(labelled).toContain(name);
    expect(spec.altText).toContain('Above the upper 99.8% limit: ');
  });
});
