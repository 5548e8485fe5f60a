import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import type { QuantileOptions } from './quantile';
import { quantile, quantileOfRank } from './quantile';
import type { Row } from './testing/referenceCsv';
import { numbers, parseReferenceCsv, str } from './testing/referenceCsv';

// Source: fixtures/reference/pheindicatormethods/data/quantile_cases.csv (manifest cases
// q_region_deciles_polarity_field, q_region_deciles_invert_false, q_indsex_septiles_polarity_field,
// q_none_quartiles_invert_true). Tolerance: exact match of every quantile (README "Tolerances").
const FILE = new URL(
  '../../fixtures/reference/pheindicatormethods/data/quantile_cases.csv',
  import.meta.url,
);
const all = parseReferenceCsv(readFileSync(FILE, 'utf8'));

const CASES: { id: string; groupBy: string[]; nQuantiles: number; invert: 'field' | boolean }[] = [
  {
    id: 'q_region_deciles_polarity_field',
    groupBy: ['IndSexRef', 'ParentCode'],
    nQuantiles: 10,
    invert: 'field',
  },
  {
    id: 'q_region_deciles_invert_false',
    groupBy: ['IndSexRef', 'ParentCode'],
    nQuantiles: 10,
    invert: false,
  },
  {
    id: 'q_indsex_septiles_polarity_field',
    groupBy: ['IndSexRef'],
    nQuantiles: 7,
    invert: 'field',
  },
  { id: 'q_none_quartiles_invert_true', groupBy: [], nQuantiles: 4, invert: true },
];

describe.each(CASES)('$id (quantile_cases.csv)', ({ id, groupBy, nQuantiles, invert }) => {
  const rows: Row[] = all.filter((r) => r.case_id === id);
  const options: QuantileOptions = {
    values: numbers(rows, 'Value'),
    groupBy: Object.fromEntries(groupBy.map((g) => [g, rows.map((r) => str(r, g))])),
    nQuantiles,
    invert: invert === 'field' ? rows.map((r) => r.invert === true) : invert,
    tooFewValues: 'missing',
  };
  const result = quantile(options);
  it('matches pkg_quantile and exp_quantile exactly on every row', () => {
    expect(result.quantile).toEqual(rows.map((r) => r.pkg_quantile));
    expect(result.quantile).toEqual(rows.map((r) => r.exp_quantile));
    expect(rows.length).toBeGreaterThan(100);
  });
  it('groups with too few values are reported, as the package warns', () => {
    const unassigned = result.groups.filter((g) => !g.assigned);
    expect(result.warnings.map((w) => w.group)).toEqual(unassigned.map((g) => g.label));
  });
  if (result.groups.some((g) => !g.assigned)) {
    it("by default (tooFewValues: 'error') a small group throws MethodInputError naming the group", () => {
      const first = result.groups.find((g) => !g.assigned)!;
      expect(() => quantile({ ...options, tooFewValues: 'error' })).toThrow(MethodInputError);
      expect(() => quantile({ ...options, tooFewValues: 'error' })).toThrow(
        `${first.label!}, values:`,
      );
    });
  }
});

describe('quantile: hand calculations', () => {
  it('ten distinct values in deciles, highest first when inverted', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantile({ values }).quantile).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(quantile({ values, invert: false }).quantile).toEqual(values);
  });
  it('ties share the minimum rank', () => {
    // Ranks (inverted) 1,2,2,4 with N=4, q=2: ceil((5-r)/2) = 2,2,2,1 -> quantiles 1,1,1,2.
    expect(quantile({ values: [9, 5, 5, 1], nQuantiles: 2 }).quantile).toEqual([1, 1, 1, 2]);
    expect(quantileOfRank(1, 4, 2)).toBe(1);
  });
  it('missing values get null and do not count', () => {
    expect(quantile({ values: [null, 1, 2], nQuantiles: 2 }).quantile).toEqual([null, 2, 1]);
  });
});

describe('quantile errors (errors_and_warnings.csv, testQuantiles.R)', () => {
  it('invert varying within a group', () => {
    expect(() => quantile({ values: [1, 2], invert: [true, false], nQuantiles: 2 })).toThrow(
      /invert must take the same value/,
    );
  });
  it('NaN values', () =>
    expect(() => quantile({ values: [1, Number.NaN], nQuantiles: 2 })).toThrow(
      /not a finite number/,
    ));
  it('nQuantiles not an integer >= 2', () =>
    expect(() => quantile({ values: [1, 2], nQuantiles: 1.5 })).toThrow(/nQuantiles/));
  it('fewer values than quantiles', () => {
    expect(() =>
      quantile({ values: [1, 2, 3], groupBy: { r: ['a', 'a', 'a'] }, nQuantiles: 4 }),
    ).toThrow(/^r=a, values: 3 values with data is too few for 4 quantiles/);
  });
});
