import { describe, expect, it } from 'vitest';
import { groupRows, readValue, rowCount, rowGroups } from './columns';
import { MethodInputError } from './errors';

describe('groupRows', () => {
  it('numbers groups in first-seen order and labels them key=value', () => {
    const g = groupRows({ Area: ['b', 'a', 'b', null] }, 4);
    expect(g.count).toBe(3);
    expect(Array.from(g.index)).toEqual([0, 1, 0, 2]);
    expect(g.labels).toEqual(['Area=b', 'Area=a', 'Area=null']);
    expect(g.keys[1]).toEqual({ Area: 'a' });
  });
  it('combines several columns without confusing 1,"2" with "1,2"', () => {
    const g = groupRows({ A: ['1', '1,2', 1], B: ['2,3', '3', '2,3'] }, 3);
    expect(g.count).toBe(3);
  });
  it('two high-cardinality columns (code space past the dense table) group the same way', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${String(i)}`);
    const b = Array.from({ length: 3000 }, (_, i) => `b${String(i % 1500)}`);
    const g = groupRows({ A: [...a, ...a], B: [...b, ...b] }, 6000);
    expect(g.count).toBe(3000);
    expect(Array.from(g.index.subarray(3000))).toEqual(Array.from(g.index.subarray(0, 3000)));
  });
  it('ungrouped: one group, no label', () => {
    const g = groupRows(undefined, 3);
    expect(g.count).toBe(1);
    expect(g.labels).toEqual([undefined]);
  });
  it('rowGroups labels rows from 1', () => expect(rowGroups(2).labels).toEqual(['row=1', 'row=2']));
  it('rejects a group column of the wrong length', () =>
    expect(() => groupRows({ A: ['x'] }, 2)).toThrow(MethodInputError));
});

describe('readValue / rowCount', () => {
  it('null is missing; NaN and Infinity are errors naming group and field', () => {
    expect(readValue([null], 0, 'x', 'g=1')).toBeNull();
    expect(() => readValue([Number.NaN], 0, 'x', 'g=1')).toThrow(
      /^g=1, x: value NaN at row 1 is not a finite number/,
    );
    expect(() => readValue(Float64Array.of(Infinity), 0, 'x', undefined)).toThrow(
      /^x: value Infinity/,
    );
  });
  it('rowCount checks that columns agree', () => {
    expect(rowCount({ a: [1, 2], b: undefined })).toBe(2);
    expect(() => rowCount({ a: [1, 2], b: [1] })).toThrow(/^b: has 1 rows but a has 2/);
  });
});
