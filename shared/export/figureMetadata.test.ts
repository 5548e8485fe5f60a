import { describe, expect, it } from 'vitest';
import { annotatePng, annotateSvg, crc32 } from './figureMetadata';

const text = {
  title: 'HLE in B&D is 5.0 years below England',
  altText: 'Bar chart <of> HLE.',
  source: 'Source: ONS.',
  software: 'JSNA Workbench 0.1.0',
};

// A real 1x1 PNG (IHDR, IDAT, IEND), as written by common encoders.
const PNG_1x1 = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

describe('annotateSvg', () => {
  it('adds role, title and desc as the first children, escaped', () => {
    const out = annotateSvg('<svg class="main-svg" width="10"><rect/></svg>', text);
    expect(out).toBe(
      '<svg role="img" class="main-svg" width="10"><title>HLE in B&amp;D is 5.0 years below England</title>' +
        '<desc>Bar chart &lt;of&gt; HLE. Source: ONS. Made with JSNA Workbench 0.1.0.</desc><rect/></svg>',
    );
  });

  it('refuses a document that is not SVG', () => {
    expect(() => annotateSvg('<html></html>', text)).toThrow(/not an SVG/);
  });
});

describe('annotatePng', () => {
  it('computes the PNG CRC-32 (check value for "123456789" is 0xCBF43926, PNG spec annex D)', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('inserts iTXt chunks after IHDR with valid CRCs and keeps every original chunk', () => {
    const out = annotatePng(PNG_1x1, text);
    const chunks: { type: string; data: Uint8Array }[] = [];
    const view = new DataView(out.buffer);
    for (let at = 8; at < out.length;) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...out.subarray(at + 4, at + 8));
      const data = out.subarray(at + 8, at + 8 + length);
      expect(view.getUint32(at + 8 + length), `CRC of ${type}`).toBe(
        crc32(out.subarray(at + 4, at + 8 + length)),
      );
      chunks.push({ type, data });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual([
      'IHDR',
      'iTXt',
      'iTXt',
      'iTXt',
      'iTXt',
      'IDAT',
      'IEND',
    ]);
    const description = new TextDecoder().decode(chunks[2]!.data);
    expect(description).toBe('Description\0\0\0\0\0Bar chart <of> HLE.');
  });
});
