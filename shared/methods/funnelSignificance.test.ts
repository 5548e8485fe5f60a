import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import type { SignificanceInput } from './funnelSignificance';
import { funnelPoints, funnelSignificance } from './funnelSignificance';
import type { Row } from './testing/referenceCsv';
import { maxRelErr, numbers, parseReferenceCsv } from './testing/referenceCsv';

// Sources: fixtures/reference/pheindicatormethods/data/funnel_significance.csv (funnel_sig_prop,
// funnel_sig_ratio, funnel_sig_rate_*: exact label match) and funnel_points.csv
// (funnel_points_*: 1.5e-8 relative vs exp_* as the manifest says; 1e-12 vs pkg_*, since these
// are one division each).
const DATA = new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, DATA), 'utf8'));
const sig = load('funnel_significance.csv');
const points = load('funnel_points.csv');

const rateCase = (id: string, rateType: 'dsr' | 'crude', multiplier: number) => ({
  id,
  rateType,
  multiplier,
});
const RATE_CASES = [
  rateCase('funnel_sig_rate_dsr_x1e5_with0', 'dsr', 1e5),
  rateCase('funnel_sig_rate_dsr_x1e5_without0', 'dsr', 1e5),
  rateCase('funnel_sig_rate_dsr_x100_without0', 'dsr', 100),
  rateCase('funnel_sig_rate_crude_x1e5_with0', 'crude', 1e5),
  rateCase('funnel_sig_rate_crude_x100_with0', 'crude', 100),
  rateCase('funnel_sig_rate_crude_x1e5_without0', 'crude', 1e5),
  rateCase('funnel_sig_rate_crude_x100_without0', 'crude', 100),
];

function input(id: string): { rows: Row[]; input: SignificanceInput } {
  const rows = sig.filter((r) => r.case_id === id);
  const base = { numerator: numbers(rows, 'numerator'), denominator: numbers(rows, 'denominator') };
  if (id === 'funnel_sig_prop') return { rows, input: { statistic: 'proportion', ...base } };
  if (id === 'funnel_sig_ratio') return { rows, input: { statistic: 'ratio', ...base } };
  const c = RATE_CASES.find((x) => x.id === id)!;
  return {
    rows,
    input: {
      statistic: 'rate',
      ...base,
      rate: numbers(rows, 'rate'),
      rateType: c.rateType,
      multiplier: c.multiplier,
    },
  };
}

describe.each(['funnel_sig_prop', 'funnel_sig_ratio', ...RATE_CASES.map((c) => c.id)])(
  '%s (funnel_significance.csv)',
  (id) => {
    const { rows, input: options } = input(id);
    it('labels match pkg_significance and exp_significance on every record', () => {
      const labels = funnelSignificance(options);
      expect(labels).toEqual(rows.map((r) => r.pkg_significance));
      expect(labels).toEqual(rows.map((r) => r.exp_significance));
      expect(new Set(labels).size).toBeGreaterThan(1);
    });
  },
);

describe.each([
  { id: 'funnel_points_dsr_lt10', rateType: 'dsr', years: 3, withDenominator: false },
  { id: 'funnel_points_crude', rateType: 'crude', years: 3, withDenominator: false },
  {
    id: 'funnel_points_crude_zero_with_denominator',
    rateType: 'crude',
    years: 5,
    withDenominator: true,
  },
] as const)('$id (funnel_points.csv)', ({ id, rateType, years, withDenominator }) => {
  const rows = points.filter((r) => r.case_id === id);
  const out = funnelPoints({
    numerator: numbers(rows, 'numerator'),
    rate: numbers(rows, 'rate'),
    ...(withDenominator ? { denominator: numbers(rows, 'pop') } : {}),
    rateType,
    multiplier: 1e5,
    yearsOfData: years,
  });
  it('rate_chart', () => {
    expect(maxRelErr(out.rateChart, numbers(rows, 'pkg_rate_chart'))).toBe(0);
    expect(maxRelErr(out.rateChart, numbers(rows, 'exp_rate_chart'))).toBe(0);
  });
  it('denominator_derived', () => {
    expect(
      maxRelErr(out.denominatorDerived, numbers(rows, 'pkg_denominator_derived')),
    ).toBeLessThanOrEqual(1e-12);
    expect(
      maxRelErr(out.denominatorDerived, numbers(rows, 'exp_denominator_derived')),
    ).toBeLessThanOrEqual(1.5e-8);
  });
});

describe('funnel significance input errors (errors_and_warnings.csv, testFunnels.R)', () => {
  it('denominator <= 0', () =>
    expect(() =>
      funnelSignificance({ statistic: 'ratio', numerator: [1], denominator: [0] }),
    ).toThrow(/denominator must be > 0/));
  it('numerator < 0', () =>
    expect(() =>
      funnelSignificance({ statistic: 'proportion', numerator: [-1], denominator: [10] }),
    ).toThrow(MethodInputError));
  it('numerator > denominator for a proportion', () => {
    expect(() =>
      funnelSignificance({ statistic: 'proportion', numerator: [11], denominator: [10] }),
    ).toThrow(/numerator 11 is greater than denominator 10/);
  });
  it('missing values', () =>
    expect(() =>
      funnelSignificance({ statistic: 'proportion', numerator: [null], denominator: [10] }),
    ).toThrow(/must be given for every record/));
  it('crude rate with 0 events and no denominator', () => {
    expect(() =>
      funnelSignificance({
        statistic: 'rate',
        numerator: [0, 12],
        rate: [0, 5],
        rateType: 'crude',
        multiplier: 1e5,
      }),
    ).toThrow(/0 events needs its denominator/);
    expect(() =>
      funnelPoints({
        numerator: [0],
        rate: [0],
        rateType: 'crude',
        multiplier: 1e5,
        yearsOfData: 1,
      }),
    ).toThrow(MethodInputError);
  });
});
