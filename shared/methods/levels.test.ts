import { describe, expect, it } from 'vitest';
import { confidenceLabel, normalZ, resolveLevels } from './levels';

describe('resolveLevels', () => {
  it('defaults to 95% and 99.8%', () =>
    expect(resolveLevels(undefined).map((l) => l.suffix)).toEqual(['95', '998']));
  it('null means no limits', () => expect(resolveLevels(null)).toEqual([]));
  it('one level', () => expect(resolveLevels(0.9).map((l) => l.suffix)).toEqual(['90']));
  it('rejects repeats and out-of-range levels', () => {
    expect(() => resolveLevels([0.95, 0.95])).toThrow(/requested twice/);
    expect(() => resolveLevels([95])).toThrow(/confidence level 95/);
  });
  it('z is qnorm(0.975) = 1.959963984540054 for 95% (R 4.2.2)', () => {
    expect(Math.abs(normalZ(0.95) - 1.959963984540054)).toBeLessThanOrEqual(4e-16);
  });
  it('labels like the package confidence column', () =>
    expect(confidenceLabel(resolveLevels(undefined))).toBe('95%, 99.8%'));
});
