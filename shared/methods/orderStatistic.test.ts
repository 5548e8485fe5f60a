import { describe, expect, it } from 'vitest';
import { orderStatistics } from './orderStatistic';
import { RRandom } from './random';

// Expected values: a full sort of the same data (R's sort(x)[k] semantics), compared exactly.
describe('orderStatistics', () => {
  const random = new RRandom(7);
  it.each([1, 2, 17, 100, 1000, 100_000])('matches a full sort for n = %s, positions in any order', (n) => {
    const values = Float64Array.from({ length: n }, () => random.normal());
    const sorted = Float64Array.from(values).sort();
    const positions = [n, 1, Math.ceil(n / 2), Math.max(1, Math.round(n * 0.025)), Math.round(n * 0.975) || 1];
    const got = orderStatistics(Float64Array.from(values), positions);
    positions.forEach((p, i) => expect(got[i]).toBe(sorted[p - 1]));
  });
  it('handles many ties and already sorted or reversed input', () => {
    for (const make of [(i: number) => i % 3, (i: number) => i, (i: number) => -i, () => 4]) {
      const values = Float64Array.from({ length: 5000 }, (_, i) => make(i));
      const sorted = Float64Array.from(values).sort();
      const got = orderStatistics(Float64Array.from(values), [125, 4875, 2500]);
      expect([...got]).toEqual([sorted[124], sorted[4874], sorted[2499]]);
    }
  });
  it('rejects positions outside 1..n', () => {
    expect(() => orderStatistics(new Float64Array(10), [0])).toThrow(/outside 1..10/);
    expect(() => orderStatistics(new Float64Array(10), [11])).toThrow(RangeError);
  });
});
