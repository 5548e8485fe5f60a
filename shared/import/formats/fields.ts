/**
 * Reading typed values out of a record, reporting what cannot be read. Shared by every format
 * so that a suppression marker or a stray word in a number column is handled the same way
 * everywhere.
 */
import type { NullReason } from '../../model/schema';
import { readNumber, readText } from '../cells';
import type { Fields, LoadContext } from './format';

/** An untrimmed plain decimal: always read exactly as `Number(raw)` would. */
const SIMPLE_NUMBER = /^-?\d+(\.\d+)?$/;

export class FieldReader {
  constructor(
    private readonly ctx: LoadContext,
    private readonly header: Fields,
  ) {}

  text(fields: Fields, index: number): string | null {
    return index < 0 ? null : readText(fields[index]);
  }

  /**
   * A number, or null. Markers give their null reason; unreadable text is reported once per
   * cell as `unreadable-number` and read as null with reason `invalid`.
   */
  number(fields: Fields, index: number, rowNumber: number): { value: number | null; reason: NullReason | null } {
    if (index < 0) return { value: null, reason: null };
    const cell = readNumber(fields[index]);
    if (cell.reason === 'invalid') {
      this.ctx.unreadable(rowNumber);
      this.ctx.problems.add(
        'unreadable-number',
        'warning',
        `"${cell.marker.slice(0, 40)}" is not a number or a known suppression marker; it was read as missing.`,
        'Correct the cell in the source, or leave it if the value is genuinely unknown.',
        { row: rowNumber, column: this.header[index] ?? `column ${String(index + 1)}` },
      );
    }
    return cell.reason === null ? { value: cell.value, reason: null } : { value: null, reason: cell.reason };
  }

  /** Just the number (null when missing for any reason). */
  value(fields: Fields, index: number, rowNumber: number): number | null {
    if (index < 0) return null;
    // Fast path for the common case, without the result object (hot on million-row files).
    const raw = fields[index];
    if (raw !== undefined && raw.length > 0 && SIMPLE_NUMBER.test(raw)) return Number(raw);
    return this.number(fields, index, rowNumber).value;
  }
}

/** Sex labels: one rule for every layer (shared/model/vocabulary.ts). */
export { normaliseSex } from '../../model/vocabulary';

/** Does a unit or name say the value is a percentage? */
export function isPercentUnit(text: string | null): boolean {
  return text !== null && /(^|[^a-z])(%|percent|percentage|proportion)/i.test(text);
}
