import { describe, expect, it } from 'vitest';
import { comparePeriods, sliceWords } from './slices';

describe('comparePeriods', () => {
  it('orders Fingertips period labels in time order', () => {
    // Labels as Fingertips writes them (fixtures/data/fingertips and the trafford_dashboard series).
    const labels = ['2016/17', '2015', '2014 - 16', '2019/20 Q3', '2019/20 Q1', '2011', '2016'];
    expect([...labels].sort(comparePeriods)).toEqual([
      '2011',
      '2014 - 16',
      '2015',
      '2016',
      '2016/17',
      '2019/20 Q1',
      '2019/20 Q3',
    ]);
  });
});

describe('sliceWords', () => {
  it('names the slice without empty parts', () => {
    const key = {
      indicatorId: '1',
      sex: 'Persons',
      age: 'All ages',
      categoryType: '',
      category: '',
    };
    expect(sliceWords(key)).toBe('Persons, All ages');
    expect(
      sliceWords({ ...key, categoryType: 'Deprivation', category: 'Most deprived decile' }),
    ).toBe('Persons, All ages, Most deprived decile');
  });
});
