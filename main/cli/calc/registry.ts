/**
 * The methods `calc` knows, with their usage lines. Each adapter module is loaded only when its
 * method is run. A method whose shared implementation has not landed yet has no `load` and is
 * reported as not available in this build.
 */
import type { MethodAdapter } from './adapter';

export interface MethodEntry {
  readonly name: string;
  /** The method's own options, as one usage line (the common options are listed once). */
  readonly synopsis: string;
  readonly summary: string;
  readonly load?: () => Promise<MethodAdapter>;
}

export const METHODS: readonly MethodEntry[] = [
  {
    name: 'proportion',
    synopsis: '--numerator COL --denominator COL',
    summary:
      'proportion with Wilson score limits (phe_proportion; multiplier 100 gives a percentage)',
    load: async () => (await import('./proportion')).adapter,
  },
  {
    name: 'rate',
    synopsis: '--count COL --population COL',
    summary:
      "crude rate, exact Poisson limits below 10 events and Byar's from 10 (phe_rate; per 100,000)",
    load: async () => (await import('./rate')).adapter,
  },
  {
    name: 'mean',
    synopsis: '--value COL',
    summary: "mean with Student's t limits (phe_mean)",
    load: async () => (await import('./mean')).adapter,
  },
  {
    name: 'dsr',
    synopsis:
      '--count COL --population COL --age-band COL [--standard-population esp2013|COL] [--event-frequency COL]',
    summary:
      'directly standardised rate, Dobson limits (calculate_dsr; ESP2013 by default; per 100,000)',
    load: async () => (await import('./dsr')).adapter,
  },
  {
    name: 'isr',
    synopsis: '--count COL --population COL --age-band COL --reference FILE',
    summary:
      'indirectly standardised rate (calculate_ISRate); FILE has columns age_band,count,population',
    load: async () => (await import('./isr')).rateAdapter,
  },
  {
    name: 'isratio',
    synopsis: '--count COL --population COL --age-band COL --reference FILE',
    summary:
      'indirectly standardised ratio, observed/expected x multiplier (calculate_ISRatio; 100 for an SMR)',
    load: async () => (await import('./isr')).ratioAdapter,
  },
  {
    name: 'life-expectancy',
    synopsis:
      '--start-age COL --population COL --deaths COL [--age-bands 90plus|85plus] [--le-age N,...]',
    summary:
      'life expectancy at every start age, Chiang II (phe_life_expectancy; 20 bands 0,1,5,...,90)',
    load: async () => (await import('./lifeExpectancy')).adapter,
  },
  {
    name: 'quantile',
    synopsis:
      '--value COL --quantiles N [--invert | --invert-column COL] [--too-few error|missing]',
    summary:
      'assign each row to one of N quantiles (phe_quantile); output is the input plus a quantile column',
    load: async () => (await import('./quantile')).adapter,
  },
  {
    name: 'sii',
    synopsis:
      '--quantile COL --population COL --value COL (--se COL | --lower COL --upper COL) --value-type rate|proportion|other [--transform] [--rii] [--repetitions N] [--seed N] [--threads N]',
    summary:
      'slope index of inequality (value) and, with --rii, the relative index, with simulated limits (phe_sii)',
    load: async () => (await import('./sii')).adapter,
  },
  {
    name: 'heat',
    synopsis:
      '--subgroup COL --value COL --population COL --se COL [--ordered [--order COL]] [--favourable] [--reference-subgroup NAME]; --multiplier is the indicator scale',
    summary: 'WHO HEAT summary measures of inequality across subgroups',
    load: async () => (await import('./heat')).adapter,
  },
  {
    name: 'funnel-limits',
    synopsis:
      '--statistic proportion|ratio|rate --numerator COL [--denominator COL] [--rate COL] [--ratio-type count|isr] [--rate-type dsr|crude] [--years-of-data N]',
    summary: 'funnel plot control limits (calculate_funnel_limits)',
    load: async () => (await import('./funnel')).limitsAdapter,
  },
  {
    name: 'funnel-significance',
    synopsis:
      '--statistic proportion|ratio|rate --numerator COL [--denominator COL] [--rate COL] [--rate-type dsr|crude] [--years-of-data N (adds rate_chart, denominator_derived)]',
    summary: 'funnel plot significance of each record (assign_funnel_significance)',
    load: async () => (await import('./funnel')).significanceAdapter,
  },
];

export function findMethod(name: string): MethodEntry | undefined {
  return METHODS.find((m) => m.name === name);
}
