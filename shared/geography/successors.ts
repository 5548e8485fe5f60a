/**
 * Local-authority codes abolished or recoded since 2013 and what replaced them
 * (lookups/successors.json, hand-kept from the ONS Code History Database; checked against the
 * boundary files by scripts/build-lookups.ts). Its own module, apart from the large LSOA/MSOA
 * lookups, so that the importer's code checks can use it without loading those.
 */
import successorsJson from './lookups/successors.json';

/** A reorganisation: `from` codes abolished on `effective`, replaced by `to`. */
export interface SuccessorChange {
  readonly effective: string;
  readonly reason: string;
  readonly from: readonly (readonly [code: string, name: string])[];
  readonly to: readonly string[];
}

// TypeScript infers the JSON's [code, name] pairs as string[]; the build script checks the shape.
export const SUCCESSOR_CHANGES: readonly SuccessorChange[] =
  successorsJson.changes as unknown as readonly SuccessorChange[];

const successorIndex = new Map<string, SuccessorChange>();
for (const change of SUCCESSOR_CHANGES)
  for (const [code] of change.from) successorIndex.set(code, change);

/** The change that abolished `code`, if any. */
export function changeAbolishing(code: string): SuccessorChange | undefined {
  return successorIndex.get(code);
}

/** Today's code(s) for an abolished code, following chains (E07000190 -> E07000246 -> E06000066). */
export function currentSuccessors(code: string): readonly string[] {
  const change = successorIndex.get(code);
  if (change === undefined) return [code];
  return [...new Set(change.to.flatMap((c) => currentSuccessors(c)))];
}
