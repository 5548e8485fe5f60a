/**
 * Reading one cell. Published tables mark missing values with a zoo of symbols (ONS
 * "Symbols used in tables"; Fingertips exports; Local Health `N/A`) and write large numbers
 * with thousands separators ("29,199" in IoD2019 File 1). Each symbol becomes a null with a
 * recorded reason, so an analysis can say "suppressed" rather than treat it as zero.
 */
import type { NullReason } from '../model/schema';

/** Marker -> reason. Compared after trimming, case-insensitively. */
const MARKERS: ReadonlyMap<string, NullReason> = new Map([
  ['*', 'suppressed'],
  ['c', 'suppressed'], // ONS: confidential
  ['x', 'suppressed'], // ONS: not available for disclosure reasons (older tables)
  ['[c]', 'suppressed'],
  ['[x]', 'not_available'],
  ['..', 'not_available'],
  [':', 'not_available'],
  ['-', 'not_available'],
  ['–', 'not_available'],
  ['n/a', 'not_available'],
  ['na', 'not_available'],
  ['#n/a', 'not_available'],
  ['null', 'not_available'],
  ['z', 'not_applicable'], // ONS: not applicable
  ['[z]', 'not_applicable'],
]);

export type NumberCell =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: NullReason; readonly marker: string };

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
// Thousands separators in groups of three: "29,199", "1,234,567.5".
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Read a numeric cell. Unreadable text gives reason `invalid` (the caller reports it). */
export function readNumber(raw: string | undefined): NumberCell {
  const text = raw === undefined ? '' : raw.trim();
  if (text === '') return { value: null, reason: 'blank', marker: '' };
  if (PLAIN_NUMBER.test(text)) return { value: Number(text), reason: null };
  if (GROUPED_NUMBER.test(text)) return { value: Number(text.replaceAll(',', '')), reason: null };
  const reason = MARKERS.get(text.toLowerCase());
  if (reason !== undefined) return { value: null, reason, marker: text };
  // Values with a trailing ONS footnote/flag, e.g. "12.3 [u]" or "45*": keep the number.
  const flagged = /^([+-]?[\d,]*\.?\d+)\s*(\[[a-z]+\]|\*)$/i.exec(text);
  if (flagged !== null) {
    const inner = readNumber(flagged[1]);
    if (inner.reason === null) return inner;
  }
  return { value: null, reason: 'invalid', marker: text };
}

/** Text cell: trimmed, empty -> null. */
export function readText(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  return text === '' ? null : text;
}

/**
 * Text that a spreadsheet would run as a formula when the data is exported again
 * (CSV injection: `=HYPERLINK(...)`, `+cmd`, `@SUM`). Stored as text and flagged here;
 * shared/export neutralises it on the way out. A leading `-` or `+` followed by a number is
 * an ordinary signed value, not a formula.
 */
export function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  // = + - @ TAB CR
  if (first !== 61 && first !== 43 && first !== 45 && first !== 64 && first !== 9 && first !== 13) {
    return false;
  }
  return !PLAIN_NUMBER.test(text.trim()) && text.trim() !== '-';
}

/** Human text for a null reason, for problem messages. */
export function describeReason(reason: NullReason): string {
  switch (reason) {
    case 'suppressed':
      return 'suppressed (disclosure control)';
    case 'not_available':
      return 'not available';
    case 'not_applicable':
      return 'not applicable';
    case 'blank':
      return 'blank';
    case 'invalid':
      return 'not a number';
  }
}
