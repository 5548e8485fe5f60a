import { describe, expect, it } from 'vitest';
import { levelSuffix } from './confidence';

describe('levelSuffix', () => {
  // Naming rule from issue #3: decimal point dropped.
  it.each([
    [0.95, '95'],
    [0.998, '998'],
    [0.9, '90'],
    [0.99, '99'],
  ])('%s -> %s', (level, suffix) => {
    expect(levelSuffix(level)).toBe(suffix);
  });
  it('rejects levels outside [0.9, 1)', () => {
    expect(() => levelSuffix(1.5)).toThrow(/confidence level 1.5/);
  });
});
