import { describe, expect, it } from 'vitest';
import { decodeText, sniffContainer } from './decode';
import { ImportError } from './errors';

const bytes = (...b: number[]): Uint8Array => new Uint8Array(b);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('decodeText', () => {
  it('strips a UTF-8 BOM and keeps UTF-8', () => {
    expect(decodeText(bytes(0xef, 0xbb, 0xbf, ...ascii('a,b')), 'f')).toEqual({ text: 'a,b', encoding: 'utf-8-bom' });
    expect(decodeText(new TextEncoder().encode('16–64'), 'f')).toEqual({ text: '16–64', encoding: 'utf-8' });
  });

  it('reads Windows-1252, including 0x80-0x9F (en dash 0x96, pound 0xA3)', () => {
    expect(decodeText(bytes(...ascii('16'), 0x96, ...ascii('64 '), 0xa3, 0x80), 'f')).toEqual({ text: '16–64 £€', encoding: 'windows-1252' });
  });

  it('refuses a file that mixes UTF-8 and Windows-1252, naming the line', () => {
    const mixed = bytes(...ascii('a\n'), ...new TextEncoder().encode('é\n'), ...ascii('x'), 0x96, ...ascii('y\n'));
    expect(() => decodeText(mixed, 'f.csv')).toThrow(ImportError);
    try {
      decodeText(mixed, 'f.csv');
    } catch (error) {
      expect(error).toMatchObject({ kind: 'encoding', row: 3 });
    }
  });
});

describe('sniffContainer', () => {
  it('recognises text, xls, xlsx, zip and binary by magic numbers', () => {
    expect(sniffContainer(new TextEncoder().encode('a,b\n1,2\n'))).toBe('text');
    expect(sniffContainer(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe('xls');
    expect(sniffContainer(bytes(0x50, 0x4b, 0x03, 0x04, ...ascii('xl/workbook.xml')))).toBe('xlsx');
    expect(sniffContainer(bytes(0x50, 0x4b, 0x03, 0x04, ...ascii('data.csv')))).toBe('zip');
    expect(sniffContainer(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0))).toBe('binary');
  });
});
