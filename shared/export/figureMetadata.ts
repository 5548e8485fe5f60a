/**
 * Accessible, traceable figure files. An exported SVG gets `role="img"`, a `<title>` (the
 * headline) and a `<desc>` (the alt text) as its first children, which screen readers and Word
 * read (W3C SVG accessibility API mappings). A PNG gets iTXt chunks with the same text plus
 * the source line and the producing software (PNG spec, 11.3.3.4 "Title", "Description",
 * "Source", "Software" keywords), so the words travel with the picture.
 */

export interface FigureText {
  readonly title: string;
  readonly altText: string;
  readonly source: string;
  /** e.g. "JSNA Workbench 0.1.0". */
  readonly software: string;
}

/** Insert role, `<title>` and `<desc>` into the root `<svg>` element of `svg`. */
export function annotateSvg(svg: string, text: FigureText): string {
  const open = /<svg\b[^>]*>/.exec(svg);
  if (open === null) throw new Error('The exported figure is not an SVG document.');
  const tag = open[0].includes(' role=') ? open[0] : open[0].replace(/^<svg\b/, '<svg role="img"');
  const inserted =
    `<title>${escapeXml(text.title)}</title>` +
    `<desc>${escapeXml(`${text.altText} ${text.source} Made with ${text.software}.`)}</desc>`;
  return svg.slice(0, open.index) + tag + inserted + svg.slice(open.index + open[0].length);
}

/** Return a copy of `png` with iTXt chunks (UTF-8 text) inserted after its IHDR chunk. */
export function annotatePng(png: Uint8Array, text: FigureText): Uint8Array {
  const ihdrEnd = 8 + 4 + 4 + 13 + 4; // signature, length, type, IHDR data, CRC
  if (png.length < ihdrEnd || String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') {
    throw new Error('The exported figure is not a PNG image.');
  }
  const chunks = [
    itxt('Title', text.title),
    itxt('Description', text.altText),
    itxt('Source', text.source),
    itxt('Software', text.software),
  ];
  const size = png.length + chunks.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(size);
  out.set(png.subarray(0, ihdrEnd), 0);
  let at = ihdrEnd;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  out.set(png.subarray(ihdrEnd), at);
  return out;
}

/** iTXt: keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated keyword NUL, UTF-8 text. */
function itxt(keyword: string, value: string): Uint8Array {
  const encoder = new TextEncoder();
  const data = concat([
    encoder.encode(keyword),
    Uint8Array.of(0, 0, 0, 0, 0),
    encoder.encode(value),
  ]);
  const type = encoder.encode('iTXt');
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(type, 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
  return chunk;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 as PNG defines it (ISO 3309, polynomial 0xEDB88320; PNG spec annex D). */
export function crc32(bytes: Uint8Array): number {
  table ??= Uint32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of bytes) crc = table[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
