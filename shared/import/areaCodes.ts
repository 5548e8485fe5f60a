/**
 * Area-code checks that need no lookup file: the GSS code shape, and codes retired by the
 * local-government reorganisations since 2019. A retired code in new data usually means an
 * extract built on old boundaries; joining it to current codes silently drops the area, so
 * the analyst is told which code replaced it.
 *
 * Sources (kept with the data in shared/geography/lookups/successors.json): ONS "Code History Database" change notices; Buckinghamshire (SI 2019/957),
 * Northamptonshire (SI 2020/156), Cumbria, North Yorkshire and Somerset (SIs 2022/331,
 * 2022/328, 2022/329), Dorset/BCP and Suffolk/Somerset West (2019), Hertfordshire districts
 * and Gateshead/Northumberland recoding (2013-2018).
 */
import { SUCCESSOR_CHANGES } from '../geography/successors';

export interface RetiredCode {
  readonly name: string;
  /** First year (1 April) the code no longer applied. */
  readonly retired: number;
  readonly replacedBy: readonly string[];
}

/**
 * Built from shared/geography/lookups/successors.json, the one list of retired codes that the
 * geography (classifyAreaCode, the area table) and the importer share.
 */
export const RETIRED_CODES: ReadonlyMap<string, RetiredCode> = new Map(
  SUCCESSOR_CHANGES.flatMap((change) =>
    change.from.map(([code, name]): [string, RetiredCode] => [
      code,
      { name: code.startsWith('E10') ? `${name} (county)` : name, retired: Number(change.effective.slice(0, 4)), replacedBy: change.to },
    ]),
  ),
);

/** A GSS code: one letter and eight digits (E09000002, W01001320, K02000001). */
export const GSS_CODE = /^[A-Z]\d{8}$/;
/** ITL (formerly NUTS) codes, used by ONS economic tables: TLC, TLI3, TLI31. */
export const ITL_CODE = /^TL[A-N][0-9A-Z]{0,3}$/;

export type AreaCodeCheck =
  | { readonly kind: 'ok' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'retired'; readonly info: RetiredCode };

/** Check one code. `known`, when given, is the set of codes the workspace recognises. */
export function checkAreaCode(code: string, known?: ReadonlySet<string>): AreaCodeCheck {
  const info = RETIRED_CODES.get(code);
  if (info !== undefined) return { kind: 'retired', info };
  if (known !== undefined) return known.has(code) ? { kind: 'ok' } : { kind: 'unknown' };
  return GSS_CODE.test(code) || ITL_CODE.test(code) ? { kind: 'ok' } : { kind: 'malformed' };
}
