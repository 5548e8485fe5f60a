/**
 * Area-code vintage checks for the importer and the UI: is a code one of today's areas, an older
 * vintage (with its successor where one exists), or unknown to the shipped lookups?
 *
 * "Current" means the April 2023 local-authority geography (unchanged in the May 2024 LAD file)
 * and the 2021 LSOAs. 2011 LSOAs whose code was not reused in 2021 and all 2011 MSOAs are an older
 * vintage: the ONS LSOA11 -> LSOA21 and MSOA21 lookups are not among the files we ship, so their
 * successors are not known here, but their local authority is.
 */
import {
  AREA_TYPES,
  type AreaType,
  changeAbolishing,
  currentSuccessors,
  lookupAreas,
  type LookupArea,
} from './lookups';

/** ONS/GSS code shape: a letter for the country and eight digits (entity code + instance). */
const GSS_CODE = /^[EWSNK]\d{8}$/;

export type AreaCodeClass =
  | {
      readonly status: 'current';
      readonly code: string;
      readonly name: string;
      readonly type: AreaType;
      readonly vintage: string;
    }
  | {
      readonly status: 'older-vintage';
      readonly code: string;
      readonly name: string;
      readonly type: AreaType;
      readonly vintage: string;
      /** Today's code(s) for the same area; empty when the shipped lookups cannot say. */
      readonly successors: readonly string[];
      /** Date the code was abolished (ISO), when it was. */
      readonly abolished: string | null;
      /** Plain-words explanation, for import warnings. */
      readonly note: string;
    }
  | {
      readonly status: 'unknown';
      readonly code: string;
      readonly reason: 'malformed' | 'not-in-lookups';
    };

/** Codes above the countries that appear in ONS files but have no parent in England's tree. */
const ABOVE_COUNTRY: Readonly<Record<string, string>> = {
  K02000001: 'United Kingdom',
  K03000001: 'Great Britain',
  K04000001: 'England and Wales',
};

let index: Map<string, LookupArea> | undefined;
let lsoa21: Set<string> | undefined;

function areaIndex(): Map<string, LookupArea> {
  if (index) return index;
  index = new Map();
  lsoa21 = new Set();
  for (const area of lookupAreas()) {
    // An LSOA code reused in 2021 is listed twice (2011 and 2021); the 2021 row wins.
    if (area.source === 'lookup:lsoa21') lsoa21.add(area.code);
    if (!index.has(area.code) || area.source === 'lookup:lsoa21') index.set(area.code, area);
  }
  return index;
}

/** Classify one area code (exact; callers trim whitespace first). */
export function classifyAreaCode(code: string): AreaCodeClass {
  if (!GSS_CODE.test(code)) return { status: 'unknown', code, reason: 'malformed' };
  const above = ABOVE_COUNTRY[code];
  if (above !== undefined)
    return { status: 'current', code, name: above, type: AREA_TYPES.country, vintage: '2023' };
  const area = areaIndex().get(code);
  if (area === undefined) return { status: 'unknown', code, reason: 'not-in-lookups' };
  const { name, type, vintage } = area;

  const change = changeAbolishing(code);
  if (change !== undefined) {
    const successors = currentSuccessors(code);
    return {
      status: 'older-vintage',
      code,
      name,
      type,
      vintage,
      successors,
      abolished: change.effective,
      note: `${code} (${name}) was abolished on ${change.effective} (${change.reason}); use ${successors.join(' or ')}.`,
    };
  }
  if (type === AREA_TYPES.msoa || (type === AREA_TYPES.lsoa && !lsoa21!.has(code))) {
    return {
      status: 'older-vintage',
      code,
      name,
      type,
      vintage,
      successors: [],
      abolished: null,
      note: `${code} (${name}) is a ${vintage} ${type} code; it cannot be matched to 2021 ${type}s without the ONS ${type} 2011-2021 lookup.`,
    };
  }
  return { status: 'current', code, name, type, vintage };
}

/** Every code the shipped lookups know (current and older), e.g. for `ImportOptions.knownAreaCodes`. */
export function knownAreaCodes(): ReadonlySet<string> {
  return new Set([...areaIndex().keys(), ...Object.keys(ABOVE_COUNTRY)]);
}
