/**
 * The 2013 European Standard Population (ESP2013), 19 five-year bands to 90+, and the
 * age-band label rules used to join any standard population to data by band.
 *
 * Source: Eurostat (2013) "Revision of the European Standard Population: report of Eurostat's
 * task force", table 3; identical to PHEindicatormethods 2.1.0's `esp2013` dataset
 * (fixtures/reference/pheindicatormethods/data/esp2013.csv). Weights sum to 100,000.
 */
import { MethodInputError } from './errors';

/** A standard population: weight by age-band label, in band order. */
export interface StandardPopulation {
  readonly name: string;
  /** Band labels in canonical form (see `normaliseAgeBand`), youngest first. */
  readonly bands: readonly string[];
  readonly weights: readonly number[];
}

/** ESP2013 weights for 0-4, 5-9, ..., 85-89, 90+. */
export const ESP2013: StandardPopulation = {
  name: 'ESP2013',
  bands: [
    '0-4',
    '5-9',
    '10-14',
    '15-19',
    '20-24',
    '25-29',
    '30-34',
    '35-39',
    '40-44',
    '45-49',
    '50-54',
    '55-59',
    '60-64',
    '65-69',
    '70-74',
    '75-79',
    '80-84',
    '85-89',
    '90+',
  ],
  weights: [
    5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000,
    2500, 1500, 1000,
  ],
};

/**
 * Canonical form of an age-band label, so that common spellings join:
 * `0-4`, `00-04`, `0 - 4`, `0–4` (en dash), `0 to 4`, `Aged 0 to 4`, `0-4 years`, `age 0-4` → `0-4`;
 * `90+`, `90 +`, `90 and over`, `90 & over`, `90plus`, `90 or older`, `Aged 90 years and over` → `90+`.
 * A label matching none of these patterns is returned trimmed and lower-cased, so custom
 * standards with their own labels still join with themselves.
 */
export function normaliseAgeBand(label: string | number): string {
  const text = String(label)
    .toLowerCase()
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/\b(aged?|years?|yrs?|y)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const range = /^(\d+)\s*(?:-|to)\s*(\d+)$/.exec(text);
  if (range) return `${String(Number(range[1]))}-${String(Number(range[2]))}`;
  const open = /^(\d+)\s*(?:\+|plus|(?:and|&|or) (?:over|older|above))$/.exec(text);
  if (open) return `${String(Number(open[1]))}+`;
  return text;
}

/** Builds a standard population from labels and weights; labels are normalised and must be unique. */
export function standardPopulation(
  name: string,
  bands: readonly (string | number)[],
  weights: readonly number[],
): StandardPopulation {
  if (bands.length !== weights.length) {
    throw new MethodInputError(
      `has ${String(bands.length)} bands but ${String(weights.length)} weights`,
      undefined,
      'standardPopulation',
    );
  }
  const canonical = bands.map(normaliseAgeBand);
  const seen = new Set<string>();
  canonical.forEach((band, i) => {
    if (seen.has(band))
      throw new MethodInputError(`age band ${band} appears twice`, undefined, 'standardPopulation');
    seen.add(band);
    const w = weights[i]!;
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new MethodInputError(
        `weight for age band ${band} must be a finite number >= 0, got ${String(w)}`,
        undefined,
        'standardPopulation',
      );
    }
  });
  return { name, bands: canonical, weights: [...weights] };
}

/** Index of each canonical band in the standard, for joining. */
export function bandIndex(standard: StandardPopulation): ReadonlyMap<string, number> {
  return new Map(standard.bands.map((band, i) => [band, i]));
}
