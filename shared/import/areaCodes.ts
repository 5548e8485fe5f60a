/**
 * Area-code checks that need no lookup file: the GSS code shape, and codes retired by the
 * local-government reorganisations since 2019. A retired code in new data usually means an
 * extract built on old boundaries; joining it to current codes silently drops the area, so
 * the analyst is told which code replaced it.
 *
 * Sources: ONS "Code History Database" change notices; Buckinghamshire (SI 2019/957),
 * Northamptonshire (SI 2020/156), Cumbria, North Yorkshire and Somerset (SIs 2022/331,
 * 2022/328, 2022/329), Dorset/BCP and Suffolk/Somerset West (2019), Hertfordshire districts
 * and Gateshead/Northumberland recoding (2013-2018).
 */

export interface RetiredCode {
  readonly name: string;
  /** First year (1 April) the code no longer applied. */
  readonly retired: number;
  readonly replacedBy: readonly string[];
}

const r = (name: string, retired: number, ...replacedBy: string[]): RetiredCode => ({
  name,
  retired,
  replacedBy,
});

export const RETIRED_CODES: ReadonlyMap<string, RetiredCode> = new Map([
  // 2013-2018 recodings (same area, new code)
  ['E08000020', r('Gateshead', 2013, 'E08000037')],
  ['E06000048', r('Northumberland', 2013, 'E06000057')],
  ['E07000097', r('East Hertfordshire', 2018, 'E07000242')],
  ['E07000100', r('St Albans', 2018, 'E07000240')],
  ['E07000101', r('Stevenage', 2018, 'E07000243')],
  ['E07000104', r('Welwyn Hatfield', 2018, 'E07000241')],
  // 2019: Dorset, BCP, Suffolk, Somerset West and Taunton
  ['E10000009', r('Dorset (county)', 2019, 'E06000059')],
  ['E06000028', r('Bournemouth', 2019, 'E06000058')],
  ['E06000029', r('Poole', 2019, 'E06000058')],
  ['E07000048', r('Christchurch', 2019, 'E06000058')],
  ['E07000049', r('East Dorset', 2019, 'E06000059')],
  ['E07000050', r('North Dorset', 2019, 'E06000059')],
  ['E07000051', r('Purbeck', 2019, 'E06000059')],
  ['E07000052', r('West Dorset', 2019, 'E06000059')],
  ['E07000053', r('Weymouth and Portland', 2019, 'E06000059')],
  ['E07000201', r('Forest Heath', 2019, 'E07000245')],
  ['E07000204', r('St Edmundsbury', 2019, 'E07000245')],
  ['E07000205', r('Suffolk Coastal', 2019, 'E07000244')],
  ['E07000206', r('Waveney', 2019, 'E07000244')],
  ['E07000190', r('Taunton Deane', 2019, 'E07000246')],
  ['E07000191', r('West Somerset', 2019, 'E07000246')],
  // 2020: Buckinghamshire
  ['E10000002', r('Buckinghamshire (county)', 2020, 'E06000060')],
  ['E07000004', r('Aylesbury Vale', 2020, 'E06000060')],
  ['E07000005', r('Chiltern', 2020, 'E06000060')],
  ['E07000006', r('South Bucks', 2020, 'E06000060')],
  ['E07000007', r('Wycombe', 2020, 'E06000060')],
  // 2021: Northamptonshire
  ['E10000021', r('Northamptonshire (county)', 2021, 'E06000061', 'E06000062')],
  ['E07000150', r('Corby', 2021, 'E06000061')],
  ['E07000152', r('East Northamptonshire', 2021, 'E06000061')],
  ['E07000153', r('Kettering', 2021, 'E06000061')],
  ['E07000156', r('Wellingborough', 2021, 'E06000061')],
  ['E07000151', r('Daventry', 2021, 'E06000062')],
  ['E07000154', r('Northampton', 2021, 'E06000062')],
  ['E07000155', r('South Northamptonshire', 2021, 'E06000062')],
  // 2023: Cumbria, North Yorkshire, Somerset
  ['E10000006', r('Cumbria (county)', 2023, 'E06000063', 'E06000064')],
  ['E07000026', r('Allerdale', 2023, 'E06000063')],
  ['E07000028', r('Carlisle', 2023, 'E06000063')],
  ['E07000029', r('Copeland', 2023, 'E06000063')],
  ['E07000027', r('Barrow-in-Furness', 2023, 'E06000064')],
  ['E07000030', r('Eden', 2023, 'E06000064')],
  ['E07000031', r('South Lakeland', 2023, 'E06000064')],
  ['E10000023', r('North Yorkshire (county)', 2023, 'E06000065')],
  ['E07000163', r('Craven', 2023, 'E06000065')],
  ['E07000164', r('Hambleton', 2023, 'E06000065')],
  ['E07000165', r('Harrogate', 2023, 'E06000065')],
  ['E07000166', r('Richmondshire', 2023, 'E06000065')],
  ['E07000167', r('Ryedale', 2023, 'E06000065')],
  ['E07000168', r('Scarborough', 2023, 'E06000065')],
  ['E07000169', r('Selby', 2023, 'E06000065')],
  ['E10000027', r('Somerset (county)', 2023, 'E06000066')],
  ['E07000187', r('Mendip', 2023, 'E06000066')],
  ['E07000188', r('Sedgemoor', 2023, 'E06000066')],
  ['E07000189', r('South Somerset', 2023, 'E06000066')],
  ['E07000246', r('Somerset West and Taunton', 2023, 'E06000066')],
]);

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
