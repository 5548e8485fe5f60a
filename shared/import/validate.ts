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
import { TABLE_COLUMNS, type SinkValue } from './sink';
import type { ProblemCode } from './types';

/** Positions of the checked columns in an observation's values (TABLE_COLUMNS order). */
const col = (name: string): number => TABLE_COLUMNS.observation.findIndex(([n]) => n === name);
const I = {
  indicator: col('indicator_id'),
  area: col('area_code'),
  period: col('period'),
  sex: col('sex'),
  age: col('age'),
  categoryType: col('category_type'),
  category: col('category'),
  value: col('value'),
  lower95: col('lower95'),
  upper95: col('upper95'),
  lower998: col('lower998'),
  upper998: col('upper998'),
  count: col('count'),
  denominator: col('denominator'),
};

const lowOk = (l: number | null, v: number): boolean => l === null || l <= v + CI_TOLERANCE * Math.max(1, Math.abs(v));
const highOk = (u: number | null, v: number): boolean => u === null || u >= v - CI_TOLERANCE * Math.max(1, Math.abs(v));

const numAt = (values: readonly SinkValue[], i: number): number | null => {
  const x = values[i];
  return typeof x === 'number' ? x : null;
};

// CI limits are published rounded in some extracts; a value just outside its own limit by
// rounding is not an error.
const CI_TOLERANCE = 1e-6;

export class ObservationValidator {
  /**
   * Keys seen, as 52-bit hashes: a million string keys cost ~150 MB, numbers ~30 MB. The chance
   * of a false "duplicate" among a million distinct keys is about 1 in 10,000; the problem
   * message names the row, so a rare false flag is checkable.
   */
  private readonly keys = new Set<number>();
  private readonly codes = new Map<string, ProblemCode | null>();

  constructor(
    private readonly problems: ProblemList,
    private readonly known?: ReadonlySet<string>,
  ) {}

  /**
   * Check an observation given as values in TABLE_COLUMNS order; `percent` says the value is a
   * percentage by the source's unit. Returns the problem codes that flag it (empty if clean).
   */
  check(values: readonly SinkValue[], rowNumber: number, percent: boolean): ProblemCode[] {
    const flags: ProblemCode[] = [];
    const areaCode = String(values[I.area]);
    const code = this.areaCode(areaCode, rowNumber);
    if (code !== null) flags.push(code);
    const row = {
      indicator_id: String(values[I.indicator]),
      area_code: areaCode,
      period: String(values[I.period]),
      sex: values[I.sex],
      age: values[I.age],
      category: values[I.category],
      value: numAt(values, I.value),
      lower95: numAt(values, I.lower95),
      upper95: numAt(values, I.upper95),
      lower998: numAt(values, I.lower998),
      upper998: numAt(values, I.upper998),
      count: numAt(values, I.count),
      denominator: numAt(values, I.denominator),
    };
    // join() builds one flat string. A template literal builds a tree of cons-strings that keeps
    // every part alive: ~450 bytes per retained key instead of ~120 (measured on 1M rows).
    const key = [row.indicator_id, areaCode, row.period, String(row.sex), String(row.age), String(values[I.categoryType]), String(row.category)].join('\u0001');
    const hashed = hashKey(key);
    if (this.keys.has(hashed)) {
      flags.push('duplicate-key');
      this.problems.add(
        'duplicate-key',
        'warning',
        `A second row for indicator ${row.indicator_id}, area ${row.area_code}, period ${row.period}${row.sex === null ? '' : `, ${String(row.sex)}`}${row.age === null ? '' : `, ${String(row.age)}`}${row.category === null ? '' : `, ${String(row.category)}`}.`,
        'Remove the repeated row from the file, or drop flagged rows at import; otherwise sums and ranks count it twice.',
        { row: rowNumber },
      );
    } else {
      this.keys.add(hashed);
    }

    const v = row.value;
    if (v !== null) {
      if (percent && (v < 0 || v > 100)) {
        flags.push('implausible-value');
        this.problems.add('implausible-value', 'warning', `${String(v)} is not a possible percentage.`, 'Check the value in the source; a percentage must lie between 0 and 100.', { row: rowNumber, column: 'value' });
      }
      if (!lowOk(row.lower95, v) || !highOk(row.upper95, v) || !lowOk(row.lower998, v) || !highOk(row.upper998, v)) {
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

/** Two 32-bit FNV-1a passes with different seeds, combined into 52 bits (exact in a double). */
function hashKey(text: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
