/**
 * The geography lookups that ship with the app (lookups/*.json, built from real published files
 * by scripts/build-lookups.ts; lookups/README.md names each source). Parsed lazily, once: the
 * LSOA files are ~0.5 MB each and most sessions never need them.
 */
import authoritiesJson from './lookups/authorities.json';
import lsoa11Json from './lookups/lsoa11.json';
import lsoa21Json from './lookups/lsoa21.json';
import msoa11Json from './lookups/msoa11.json';

/** Area types written to `area.type`. Local authority types use ONS's own words (the MYE's). */
export const AREA_TYPES = {
  country: 'Country',
  region: 'Region',
  county: 'County',
  unitary: 'Unitary Authority',
  metropolitanDistrict: 'Metropolitan District',
  londonBorough: 'London Borough',
  district: 'Non-metropolitan District',
  metropolitanCounty: 'Metropolitan County',
  scottishCouncil: 'Council Area',
  northernIrelandDistrict: 'Local Government District',
  msoa: 'MSOA',
  lsoa: 'LSOA',
  ward: 'Ward',
  locality: 'user locality',
} as const;
export type AreaType = (typeof AREA_TYPES)[keyof typeof AREA_TYPES];

/** Lower-tier authorities (Fingertips "District & UA"). */
export const LOWER_TIER_TYPES: readonly AreaType[] = [
  AREA_TYPES.unitary,
  AREA_TYPES.metropolitanDistrict,
  AREA_TYPES.londonBorough,
  AREA_TYPES.district,
];
/** Upper-tier authorities (Fingertips "County & UA"). */
export const UPPER_TIER_TYPES: readonly AreaType[] = [
  AREA_TYPES.unitary,
  AREA_TYPES.metropolitanDistrict,
  AREA_TYPES.londonBorough,
  AREA_TYPES.county,
];

/** One row of the shipped area list; `parent_code` is the parent in the same vintage. */
export interface LookupArea {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  readonly parent_code: string | null;
  /** Geography year: `2023` for current authorities, `2011`/`2021` for LSOAs and MSOAs, the
   * last year a superseded authority existed otherwise. */
  readonly vintage: string;
  /** Which shipped lookup file the row came from, e.g. `lookup:lsoa21`. */
  readonly source: string;
}

// The JSON files are written by scripts/build-lookups.ts, which checks their shape; TypeScript
// infers tuples in them as plain arrays, hence the `as unknown as` casts below.
let cached: readonly LookupArea[] | undefined;

/**
 * Every area the shipped lookups know, in the lookup's own vintage (LSOA11 -> MSOA11 -> LAD19,
 * LSOA21 -> LAD21); `currentParent` maps those parents to today's authorities.
 */
export function lookupAreas(): readonly LookupArea[] {
  if (cached) return cached;
  const out: LookupArea[] = [];
  for (const [code, name, type, parent, vintage] of authoritiesJson.rows as unknown as [
    string,
    string,
    AreaType,
    string | null,
    string,
  ][])
    out.push({ code, name, type, parent_code: parent, vintage, source: 'lookup:authorities' });

  const msoaName = new Map<string, string>();
  for (const [lad, msoas] of Object.entries(
    msoa11Json.groups as unknown as Record<string, [string, string, string][]>,
  ))
    for (const [code, name] of msoas) {
      msoaName.set(code, name);
      out.push({
        code,
        name,
        type: AREA_TYPES.msoa,
        parent_code: lad,
        vintage: '2011',
        source: 'lookup:msoa11',
      });
    }
  for (const [msoa, packed] of Object.entries(
    lsoa11Json.groups as unknown as Record<string, string>,
  ))
    for (const token of packed.split('|'))
      out.push({
        code: token.slice(0, 9),
        name: `${msoaName.get(msoa) ?? msoa}${token.slice(9)}`,
        type: AREA_TYPES.lsoa,
        parent_code: msoa,
        vintage: '2011',
        source: 'lookup:lsoa11',
      });
  for (const [lad, group] of Object.entries(
    lsoa21Json.groups as unknown as Record<string, { prefix: string; lsoas: string }>,
  ))
    for (const token of group.lsoas.split('|'))
      out.push({
        code: token.slice(0, 9),
        name: `${group.prefix} ${token.slice(9)}`,
        type: AREA_TYPES.lsoa,
        parent_code: lad,
        vintage: '2021',
        source: 'lookup:lsoa21',
      });
  cached = out;
  return out;
}

export {
  SUCCESSOR_CHANGES,
  changeAbolishing,
  currentSuccessors,
  type SuccessorChange,
} from './successors';
