/**
 * The 2013 European Standard Population, built in so that directly standardised rates work
 * without importing it. 19 five-year bands, 0-4 to 85-89 and 90+, total 100,000.
 *
 * Source: Eurostat (2013) "Revision of the European Standard Population", Table 1; the same
 * values as PHEindicatormethods::esp2013 and fixtures/data/esp2013 (tested against it).
 * Bands are joined to data by age_min/age_max, never by position (DESIGN.md "Methods").
 */
import type { StandardPopulationRow } from './schema';

const COUNTS = [5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000];

export const ESP2013: readonly StandardPopulationRow[] = COUNTS.map((count, i) => {
  const min = i * 5;
  const last = i === COUNTS.length - 1;
  return {
    name: 'ESP2013',
    age_band: last ? '90+' : `${String(min)}-${String(min + 4)}`,
    age_min: min,
    age_max: last ? null : min + 4,
    count,
    source_file_id: null,
  };
});

/** Parse an age-band label: `0-4 years`, `90plus years`, `90+`, `85 and over`, `Under 1`, `7`. */
export function parseAgeBand(label: string): { min: number; max: number | null } | null {
  const t = label.trim().toLowerCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)\s*(?:-|–|to)\s*(\d+)(\s*(yrs|years?))?$/.exec(t))) return { min: Number(m[1]), max: Number(m[2]) };
  if ((m = /^(\d+)\s*(\+|plus|and over|or over|and above)(\s*(yrs|years?))?$/.exec(t))) return { min: Number(m[1]), max: null };
  if ((m = /^(\d+)(\s*(yrs|years?))?$/.exec(t))) return { min: Number(m[1]), max: Number(m[1]) };
  if (/^under\s*1(\s*years?)?$/.test(t)) return { min: 0, max: 0 };
  return null;
}
