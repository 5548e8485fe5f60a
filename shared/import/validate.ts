/**
 * Row checks for observations. Each check returns a problem code that is recorded once in the
 * problem list (capped per code) and on the row itself (`observation.flags`), so an analyst can
 * keep flagged rows and filter them later, or drop them at import (`flaggedRows: 'drop'`).
 *
 * Area codes are checked once per distinct code, not once per row: a file on old boundaries
 * would otherwise bury every other message.
 */
import { checkAreaCode } from './areaCodes';
import type { ProblemList } from './problems';
import type { ProblemCode } from './types';

export interface ObservationCheck {
  readonly indicator_id: string;
  readonly area_code: string;
  readonly period: string;
  readonly sex: string | null;
  readonly age: string | null;
  readonly category_type: string | null;
  readonly category: string | null;
  readonly value: number | null;
  readonly lower95: number | null;
  readonly upper95: number | null;
  readonly lower998: number | null;
  readonly upper998: number | null;
  readonly count: number | null;
  readonly denominator: number | null;
  /** The value is a percentage (0-100) by the source's own unit. */
  readonly percent: boolean;
}

// CI limits are published rounded in some extracts; a value just outside its own limit by
// rounding is not an error.
const CI_TOLERANCE = 1e-6;

export class ObservationValidator {
  private readonly keys = new Set<string>();
  private readonly codes = new Map<string, ProblemCode | null>();

  constructor(
    private readonly problems: ProblemList,
    private readonly known?: ReadonlySet<string>,
  ) {}

  /** Check a row; returns the problem codes that flag it (empty when clean). */
  check(row: ObservationCheck, rowNumber: number): ProblemCode[] {
    const flags: ProblemCode[] = [];
    const code = this.areaCode(row.area_code, rowNumber);
    if (code !== null) flags.push(code);

    const key = [row.indicator_id, row.area_code, row.period, row.sex, row.age, row.category_type, row.category].join('\u0001');
    if (this.keys.has(key)) {
      flags.push('duplicate-key');
      this.problems.add(
        'duplicate-key',
        'warning',
        `A second row for indicator ${row.indicator_id}, area ${row.area_code}, period ${row.period}${row.sex === null ? '' : `, ${row.sex}`}${row.age === null ? '' : `, ${row.age}`}${row.category === null ? '' : `, ${row.category}`}.`,
        'Remove the repeated row from the file, or drop flagged rows at import; otherwise sums and ranks count it twice.',
        { row: rowNumber },
      );
    } else {
      this.keys.add(key);
    }

    const v = row.value;
    if (v !== null) {
      if (row.percent && (v < 0 || v > 100)) {
        flags.push('implausible-value');
        this.problems.add('implausible-value', 'warning', `${String(v)} is not a possible percentage.`, 'Check the value in the source; a percentage must lie between 0 and 100.', { row: rowNumber, column: 'value' });
      }
      const lowOk = (l: number | null): boolean => l === null || l <= v + CI_TOLERANCE * Math.max(1, Math.abs(v));
      const highOk = (u: number | null): boolean => u === null || u >= v - CI_TOLERANCE * Math.max(1, Math.abs(v));
      if (!lowOk(row.lower95) || !highOk(row.upper95) || !lowOk(row.lower998) || !highOk(row.upper998)) {
        flags.push('ci-excludes-value');
        this.problems.add('ci-excludes-value', 'warning', `The confidence interval does not contain the value ${String(v)}.`, 'Check the limit columns are not swapped or shifted; significance tests on this row would be wrong.', { row: rowNumber });
      }
    }
    for (const [column, n] of [['count', row.count], ['denominator', row.denominator]] as const) {
      if (n !== null && n < 0) {
        flags.push('implausible-value');
        this.problems.add('implausible-value', 'warning', `A negative ${column} (${String(n)}).`, `Check the ${column} in the source; counts cannot be negative.`, { row: rowNumber, column });
      }
    }
    return flags;
  }

  /** Area code check, reported once per code. Returns the flag for the row, if any. */
  areaCode(code: string, rowNumber: number): ProblemCode | null {
    const cached = this.codes.get(code);
    if (cached !== undefined) return cached;
    const result = checkAreaCode(code, this.known);
    let flag: ProblemCode | null = null;
    if (result.kind === 'retired') {
      flag = 'old-area-code';
      this.problems.add(
        'old-area-code',
        'warning',
        `${code} (${result.info.name}) was replaced in ${String(result.info.retired)} by ${result.info.replacedBy.join(' and ')}.`,
        'The data are on older boundaries: it will not join to current areas. Use a newer extract, or map the code with a boundary lookup.',
        { row: rowNumber, column: 'area code' },
      );
    } else if (result.kind === 'unknown') {
      flag = 'unknown-area-code';
      this.problems.add('unknown-area-code', 'warning', `${code} is not a known area code.`, 'Check the code; if it is a local area (e.g. a locality), add it to the workspace areas first.', { row: rowNumber, column: 'area code' });
    } else if (result.kind === 'malformed') {
      flag = 'malformed-area-code';
      this.problems.add('malformed-area-code', 'warning', `"${code}" is not a 9-character ONS (GSS) area code.`, 'Check that the area code column is mapped correctly.', { row: rowNumber, column: 'area code' });
    }
    this.codes.set(code, flag);
    return flag;
  }
}
