import { describe, expect, it } from 'vitest';
import { looksLikeFormula, readNumber } from './cells';

describe('readNumber', () => {
  it('reads plain, signed, exponent and thousands-separated numbers', () => {
    expect(readNumber('42')).toEqual({ value: 42, reason: null });
    expect(readNumber(' -1.5 ')).toEqual({ value: -1.5, reason: null });
    expect(readNumber('1e3')).toEqual({ value: 1000, reason: null });
    // IoD2019 File 1 writes ranks as "29,199" (SOURCES.md).
    expect(readNumber('29,199')).toEqual({ value: 29199, reason: null });
    expect(readNumber('1,234,567.25')).toEqual({ value: 1234567.25, reason: null });
  });

  it('turns ONS/Fingertips/Local Health markers into nulls with a reason', () => {
    const reasons = ['*', '..', ':', 'x', 'c', '-', 'z', 'N/A', '', '[c]', 'NA'].map((m) => readNumber(m).reason);
    expect(reasons).toEqual(['suppressed', 'not_available', 'not_available', 'suppressed', 'suppressed', 'not_available', 'not_applicable', 'not_available', 'blank', 'suppressed', 'not_available']);
  });

  it('does not accept malformed groupings or words as numbers', () => {
    expect(readNumber('29,19').reason).toBe('invalid');
    expect(readNumber('1,2345').reason).toBe('invalid');
    expect(readNumber('twelve').reason).toBe('invalid');
    expect(readNumber('0x10').reason).toBe('invalid');
    expect(readNumber('Infinity').reason).toBe('invalid');
  });

  it('keeps a number with a trailing footnote flag', () => {
    expect(readNumber('12.3 [u]')).toEqual({ value: 12.3, reason: null });
  });
});

describe('looksLikeFormula', () => {
  it('flags spreadsheet formula starters but not signed numbers or a lone dash', () => {
    expect(looksLikeFormula('=HYPERLINK("http://x","click")')).toBe(true);
    expect(looksLikeFormula('+cmd|calc')).toBe(true);
    expect(looksLikeFormula('@SUM(A1)')).toBe(true);
    expect(looksLikeFormula('-2.5')).toBe(false);
    expect(looksLikeFormula('-')).toBe(false);
    expect(looksLikeFormula('Barking and Dagenham')).toBe(false);
  });
});
