import { describe, expect, it } from 'vitest';
import { parseCompactPeriod, parsePeriod, parseSchoolYearCode } from './periods';

describe('periods', () => {
  it('reads Fingertips labels', () => {
    expect(parsePeriod('2015')).toEqual({ label: '2015', start: '2015-01-01', end: '2015-12-31' });
    expect(parsePeriod('2015 - 17')).toEqual({ label: '2015 - 17', start: '2015-01-01', end: '2017-12-31' });
    expect(parsePeriod('2019/20')).toEqual({ label: '2019/20', start: '2019-04-01', end: '2020-03-31' });
    expect(parsePeriod('2018/19 - 20/21')).toEqual({ label: '2018/19 - 20/21', start: '2018-04-01', end: '2021-03-31' });
    expect(parsePeriod('2019 Q3')).toEqual({ label: '2019 Q3', start: '2019-07-01', end: '2019-09-30' });
    expect(parsePeriod('Feb 2020')).toEqual({ label: 'Feb 2020', start: '2020-02-01', end: '2020-02-29' });
    expect(parsePeriod('1998 - 00').end).toBe('2000-12-31');
    expect(parsePeriod('not stated')).toEqual({ label: 'not stated', start: null, end: null });
  });

  it('reads ONS subnational compact codes (SOURCES.md: 201820 -> 2018-20, 201920 -> 2019/20)', () => {
    expect(parseCompactPeriod('201820')).toEqual({ label: '2018-20', start: '2018-01-01', end: '2020-12-31' });
    expect(parseCompactPeriod('201920')).toEqual({ label: '2019/20', start: '2019-04-01', end: '2020-03-31' });
    expect(parseCompactPeriod('2021').label).toBe('2021');
  });

  it('reads NCMP school-year codes (607 -> 2006/07, 1718 -> 2017/18)', () => {
    expect(parseSchoolYearCode('607').label).toBe('2006/07');
    expect(parseSchoolYearCode('1718')).toEqual({ label: '2017/18', start: '2017-04-01', end: '2018-03-31' });
  });
});
