/**
 * The output layout shared by every method: the group-by columns, then `value`, then the limits
 * named by level (`lower95,upper95,lower998,upper998`), then the method's own columns.
 */
import type { GroupKey } from '../../../shared/methods/columns';
import type { MethodWarning } from '../../../shared/methods/errors';
import type { ConfidenceOption } from '../../../shared/methods/levels';
import { resolveLevels } from '../../../shared/methods/levels';
import type { OutCell, OutTable } from './csvTable';

/** An extra output column: its header and how to read it from a record. */
export type Extra<R> = readonly [header: string, read: (record: R) => OutCell];

/** Any method record: its group key, value and `lower<suffix>`/`upper<suffix>` limits. */
export interface ResultRecord {
  readonly group: GroupKey;
  readonly value: number | null;
}

/** `lower95`, `upper95`, ... for the requested levels, in order. */
export function limitColumns(confidence: ConfidenceOption): string[] {
  return resolveLevels(confidence).flatMap((level) => [
    `lower${level.suffix}`,
    `upper${level.suffix}`,
  ]);
}

/** The standard table for a list of records. */
export function recordTable<R extends ResultRecord>(
  records: readonly R[],
  groupNames: readonly string[],
  confidence: ConfidenceOption,
  extras: readonly Extra<R>[],
): OutTable {
  const limits = limitColumns(confidence);
  const header = [...groupNames, 'value', ...limits, ...extras.map(([name]) => name)];
  const rows = records.map((record) => {
    const fields = record as unknown as Readonly<Record<string, OutCell>>;
    return [
      ...groupNames.map((name) => record.group[name]),
      record.value,
      ...limits.map((name) => fields[name]),
      ...extras.map(([, read]) => read(record)),
    ];
  });
  return { header, rows };
}

/** Method warnings as lines for standard error, each with its group. */
export function warningLines(warnings: readonly MethodWarning[]): string[] {
  return warnings.map((w) => (w.group === undefined ? w.message : `${w.group}: ${w.message}`));
}
