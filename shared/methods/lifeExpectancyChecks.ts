/**
 * Age-band schemes and the whole-group suppression rules of `lifeExpectancy`
 * (PHEindicatormethods 2.1.0 `phe_life_expectancy`, checked in the package's order).
 */
import { MethodInputError } from './errors';

/** 0, 1-4, 5-9, …, 85-89, 90+: the package's 20 bands (ONS local life tables). */
export const AGE_BANDS_90_PLUS: readonly number[] = [0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
/** 0, 1-4, 5-9, …, 80-84, 85+: 19 bands, for populations published only to 85+. */
export const AGE_BANDS_85_PLUS: readonly number[] = AGE_BANDS_90_PLUS.slice(0, 19);

/** Why a life expectancy value is null. */
export type Suppression =
  | 'negative-deaths'
  | 'non-positive-population'
  | 'age-bands'
  | 'deaths-exceed-population'
  | 'small-population'
  | 'wide-interval'
  | 'no-deaths-in-final-band';

/** Warning text per reason (the package's warnings, reworded to say what to do). */
export const SUPPRESSION_MESSAGES: Readonly<Record<Suppression, string>> = {
  'negative-deaths': 'an age band has negative deaths; life expectancy suppressed for this group',
  'non-positive-population': 'an age band has a population of zero or less; life expectancy suppressed for this group',
  'age-bands': 'the group does not have exactly one row for each age band; life expectancy cannot be calculated for it',
  'deaths-exceed-population': 'an age band has more deaths than population; life expectancy suppressed for this group',
  'small-population': 'the total population is 5,000 or less, too small for a reliable life expectancy; suppressed',
  'wide-interval': 'life expectancy suppressed where the 95% confidence interval is wider than 20 years',
  'no-deaths-in-final-band': 'no deaths in the final (open) age band, so life expectancy cannot be calculated; suppressed',
};

/** The first rule a group breaks, in the package's order, or undefined. Rows in ascending age. */
export function suppressionOf(
  ages: Float64Array,
  deaths: Float64Array,
  population: Float64Array,
  bands: readonly number[],
): Suppression | undefined {
  if (deaths.some((d) => d < 0)) return 'negative-deaths';
  if (population.some((p) => p <= 0)) return 'non-positive-population';
  // The package counts rows (20); we also require each band exactly once.
  if (ages.length !== bands.length || bands.some((b, j) => ages[j] !== b)) return 'age-bands';
  if (deaths.some((d, j) => d > population[j]!)) return 'deaths-exceed-population';
  let total = 0;
  for (const p of population) total += p;
  if (total <= 5000) return 'small-population';
  return undefined;
}

/** Checks an age-band scheme: starts at 0, ascending, and one of the two supported schemes. */
export function assertAgeBands(bands: readonly number[]): void {
  const fail = (message: string): never => {
    throw new MethodInputError(message, undefined, 'ageBands');
  };
  if (bands[0] !== 0) fail('the first age band must start at 0');
  const sorted = [...bands].sort((a, b) => a - b);
  const misplaced = bands.filter((b, i) => b !== sorted[i]);
  if (misplaced.length > 0) fail(`age bands must be in ascending order; out of position: ${misplaced.join(', ')}`);
  const same = (scheme: readonly number[]): boolean => scheme.length === bands.length && scheme.every((b, i) => b === bands[i]);
  if (!same(AGE_BANDS_90_PLUS) && !same(AGE_BANDS_85_PLUS)) {
    fail(`supported age bands are 0, 1, 5, 10, …, 85, 90 (90+, 20 bands) or 0, 1, 5, …, 80, 85 (85+, 19 bands); got ${bands.join(', ')}`);
  }
}
