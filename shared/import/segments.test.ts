import { describe, expect, it } from 'vitest';
import { segmentBoundaries } from './segments';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('segmentBoundaries', () => {
  it('cuts only at line feeds outside quotes and covers every byte once', () => {
    // Like the Fingertips export: CRLF records with a bare LF inside a quoted field.
    const text = 'id,name\r\n1,"a\nb"\r\n2,"c ""q""\nd"\r\n3,e\r\n';
    const bytes = enc(text);
    const parts = [...segmentBoundaries(bytes, 0, 4)].map(([s, e]) => new TextDecoder().decode(bytes.subarray(s, e)));
    expect(parts.join('')).toBe(text);
    expect(parts).toEqual(['id,name\r\n', '1,"a\nb"\r\n', '2,"c ""q""\nd"\r\n', '3,e\r\n']);
  });

  it('keeps multi-byte UTF-8 intact and gives an unbalanced quote one final segment', () => {
    const text = 'a,–\n"open,x\ny\nz\n';
    const bytes = enc(text);
    const parts = [...segmentBoundaries(bytes, 0, 2)];
    expect(parts).toEqual([[0, 6], [6, bytes.length]]);
  });
});
