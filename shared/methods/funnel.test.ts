import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FunnelInput } from './funnel';
import { funnelLimits } from './funnel';
import type { Row } from './testing/referenceCsv';
import { maxRelErr, numbers, parseReferenceCsv } from './testing/referenceCsv';

// Sources: fixtures/reference/pheindicatormethods/data/funnel_limits_inputs.csv and
// funnel_limits_expected.csv (funnel_prop, funnel_prop_axis_variation, funnel_ratio_count,
// funnel_ratio_isr, funnel_rate_dsr, funnel_rate_crude_lt10, funnel_rate_crude_zero_with_denominator).
// Tolerances (manifest "tolerance" for these cases): x axis exact; pkg_* 1e-9 relative (we copy
// the package's Poisson bisection, so ratios and rates are held to 1e-9 too); exp_* 1e-6 relative
// (the fixture CSVs hold about 7 significant digits).
const DATA = new URL('../../fixtures/reference/pheindicatormethods/data/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, DATA), 'utf8'));
const inputs = load('funnel_limits_inputs.csv');
const expected = load('funnel_limits_expected.csv');

const on = (id: string) => inputs.filter((r) => r.case_id === id);
const CASES: { id: string; input: FunnelInput; axis: string }[] = [
  {
    id: 'funnel_prop',
    axis: 'Population',
    input: {
      statistic: 'proportion',
      numerator: numbers(on('funnel_prop'), 'numerator'),
      denominator: numbers(on('funnel_prop'), 'denominator'),
      multiplier: 100,
    },
  },
  {
    id: 'funnel_prop_axis_variation',
    axis: 'Population',
    input: {
      statistic: 'proportion',
      numerator: numbers(on('funnel_prop_axis_variation'), 'numerator'),
      denominator: numbers(on('funnel_prop_axis_variation'), 'denominator'),
      multiplier: 100,
    },
  },
  {
    id: 'funnel_ratio_count',
    axis: 'Observed_events',
    input: {
      statistic: 'ratio',
      numerator: numbers(on('funnel_ratio'), 'numerator'),
      denominator: numbers(on('funnel_ratio'), 'denominator'),
      ratioType: 'count',
    },
  },
  {
    id: 'funnel_ratio_isr',
    axis: 'Observed_events',
    input: {
      statistic: 'ratio',
      numerator: numbers(on('funnel_ratio'), 'numerator'),
      denominator: numbers(on('funnel_ratio'), 'denominator'),
      ratioType: 'isr',
    },
  },
  {
    id: 'funnel_rate_dsr',
    axis: 'Events',
    input: {
      statistic: 'rate',
      numerator: numbers(on('funnel_rate_dsr'), 'numerator'),
      rate: numbers(on('funnel_rate_dsr'), 'rate'),
      rateType: 'dsr',
      multiplier: 100000,
      yearsOfData: 3,
    },
  },
  {
    id: 'funnel_rate_crude_lt10',
    axis: 'Events',
    input: {
      statistic: 'rate',
      numerator: numbers(on('funnel_rate_crude_lt10'), 'numerator'),
      rate: numbers(on('funnel_rate_crude_lt10'), 'rate'),
      rateType: 'crude',
      multiplier: 100000,
      yearsOfData: 3,
    },
  },
  {
    id: 'funnel_rate_crude_zero_with_denominator',
    axis: 'Events',
    input: {
      statistic: 'rate',
      numerator: numbers(on('funnel_rate_crude_zero_with_denominator'), 'numerator'),
      rate: numbers(on('funnel_rate_crude_zero_with_denominator'), 'rate'),
      denominator: numbers(on('funnel_rate_crude_zero_with_denominator'), 'pop'),
      rateType: 'crude',
      multiplier: 100000,
      yearsOfData: 3,
    },
  },
];

const COLUMNS = [
  ['lower95', 'lower_2s_limit'],
  ['upper95', 'upper_2s_limit'],
  ['lower998', 'lower_3s_limit'],
  ['upper998', 'upper_3s_limit'],
  ['lower95Denominator', 'lower_2s_exp_events', 'lower_2s_population_1_year'],
  ['upper95Denominator', 'upper_2s_exp_events', 'upper_2s_population_1_year'],
  ['lower998Denominator', 'lower_3s_exp_events', 'lower_3s_population_1_year'],
  ['upper998Denominator', 'upper_3s_exp_events', 'upper_3s_population_1_year'],
] as const;

describe.each(CASES)('$id (funnel_limits_*.csv)', ({ id, input, axis }) => {
  const exp = expected.filter((e) => e.case_id === id);
  const out = funnelLimits(input);
  const column = (name: string) => exp.map((e) => e[name] as number | null);
  it('100 points on the same x axis (exact)', () => {
    expect(out.axis).toBe(axis);
    expect(out.points.map((p) => p.x)).toEqual(column('pkg_x'));
    expect(out.points.map((p) => p.x)).toEqual(column('exp_x'));
  });
  it.each(COLUMNS.map((c) => [c[0], c] as const))('%s', (_name, [ours, ...theirs]) => {
    const name = theirs.find((t) => column(`pkg_${t}`).some((v) => v !== null));
    const values = out.points.map((p) => p[ours] ?? null);
    if (name === undefined) {
      expect(values.every((v) => v === null)).toBe(true);
      return;
    }
    expect(maxRelErr(values, column(`pkg_${name}`))).toBeLessThanOrEqual(1e-9);
    expect(maxRelErr(values, column(`exp_${name}`))).toBeLessThanOrEqual(1e-6);
  });
  it('baseline', () => {
    expect(
      maxRelErr(
        out.points.map(() => out.baseline),
        column('pkg_baseline'),
      ),
    ).toBeLessThanOrEqual(1e-9);
  });
});

describe('funnel limits: labels and input errors (errors_and_warnings.csv, testFunnels.R)', () => {
  it('rate statistic label formats the multiplier with commas', () => {
    expect(funnelLimits(CASES[4]!.input).statistic).toBe('rate (dsr per 100,000)');
  });
  it('proportions need every numerator and denominator', () => {
    expect(() =>
      funnelLimits({ statistic: 'proportion', numerator: [1, null], denominator: [10, 10] }),
    ).toThrow(/numerators and denominators must be given for every record/);
  });
  it('crude rates with 0 events need a denominator', () => {
    expect(() =>
      funnelLimits({
        statistic: 'rate',
        numerator: [0, 5],
        rate: [0, 10],
        rateType: 'crude',
        multiplier: 1e5,
        yearsOfData: 1,
      }),
    ).toThrow(/0 events needs its denominator/);
  });
  it('rates need every numerator', () => {
    expect(() =>
      funnelLimits({
        statistic: 'rate',
        numerator: [null, 5],
        rate: [1, 10],
        rateType: 'dsr',
        multiplier: 1e5,
        yearsOfData: 1,
      }),
    ).toThrow(/numerators must be given for every record/);
  });
  it('rates need a rate where there are events', () => {
    expect(() =>
      funnelLimits({
        statistic: 'rate',
        numerator: [3, 5],
        rate: [null, 10],
        rateType: 'dsr',
        multiplier: 1e5,
        yearsOfData: 1,
      }),
    ).toThrow(/rate must be given/);
  });
});
