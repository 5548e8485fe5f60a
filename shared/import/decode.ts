/**
 * From bytes to text. Analysts' files arrive as UTF-8 (with or without a BOM, from Fingertips
 * and most R/Python tools) or Windows-1252 (from Excel "Save as CSV" and some ONS downloads,
 * e.g. the subnational indicators file with 0x96 en dashes and 0xA3 pound signs). Binary
 * containers are recognised by their magic numbers so that they get a useful message rather
 * than a page of mojibake.
 */
import { ImportError } from './errors';

export type Container = 'text' | 'xlsx' | 'xls' | 'zip' | 'binary';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// OLE2 compound file: legacy .xls (BIFF), .doc and friends.
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** What kind of file this is, from its content. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, OLE_MAGIC)) return 'xls';
  if (startsWith(bytes, ZIP_MAGIC)) {
    // An xlsx is a zip whose entries include xl/workbook.xml; the name appears in the local
    // file headers as plain ASCII.
    const head = latin1(bytes.subarray(0, Math.min(bytes.length, 1 << 16)));
    return head.includes('xl/') || head.includes('[Content_Types].xml') ? 'xlsx' : 'zip';
  }
  // Text files do not contain NUL; a few stray control bytes may be a byte flip, but many
  // mean the file is not text at all.
  const probe = bytes.subarray(0, Math.min(bytes.length, 1 << 16));
  let control = 0;
  for (const b of probe) {
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > Math.max(8, probe.length / 100) ? 'binary' : 'text';
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

/** How to decode a file's bytes: the encoding and where the text starts (after a BOM). */
export interface TextEncoding {
  /** `utf-8`, `utf-8-bom` or `windows-1252`. */
  readonly encoding: string;
  readonly bodyStart: number;
}

const VALIDATE_CHUNK = 1 << 22;

/**
 * Decide the encoding without holding the decoded file in memory: UTF-8 is validated chunk by
 * chunk (a streaming fatal decoder; each chunk's text is dropped at once). The rules are
 * those of `decodeText`.
 */
export function detectEncoding(bytes: Uint8Array, file: string): TextEncoding {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const bodyStart = hasBom ? 3 : 0;
  const body = bytes.subarray(bodyStart);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (let i = 0; i < body.length; i += VALIDATE_CHUNK) {
      decoder.decode(body.subarray(i, i + VALIDATE_CHUNK), { stream: i + VALIDATE_CHUNK < body.length });
    }
    if (body.length === 0) decoder.decode(body);
    return { encoding: hasBom ? 'utf-8-bom' : 'utf-8', bodyStart };
  } catch {
    // Not UTF-8: Windows-1252 unless the file mixes encodings.
  }
  if (hasBom || countUtf8Sequences(body) > 0) throw mixedEncoding(body, file);
  return { encoding: 'windows-1252', bodyStart };
}

/** Decode bytes[start, end) in a detected encoding. Segments must start and end on a line break. */
export function decodeSlice(bytes: Uint8Array, start: number, end: number, encoding: string): string {
  const slice = bytes.subarray(start, end);
  return encoding === 'windows-1252' ? decodeWindows1252(slice) : new TextDecoder('utf-8', { ignoreBOM: true }).decode(slice);
}

function mixedEncoding(body: Uint8Array, file: string): ImportError {
  const line = lineOf(body, firstInvalidUtf8(body));
  return new ImportError(
    'encoding',
    file,
    `The file mixes UTF-8 text with bytes in another encoding (first at line ${String(line)}), so no single decoding reads every character correctly.`,
    'Open it in a spreadsheet or text editor and save it again as "CSV UTF-8", then import that copy.',
    line,
  );
}

export interface DecodedText {
  readonly text: string;
  /** `utf-8`, `utf-8-bom` or `windows-1252`. */
  readonly encoding: string;
}

/**
 * Decode text. Valid UTF-8 (BOM stripped) is taken as UTF-8. Otherwise the file is
 * Windows-1252, unless it also contains well-formed multi-byte UTF-8 sequences: then it mixes
 * two encodings (e.g. rows pasted from two sources) and no single decoding is right, so it is
 * refused with the line of the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // Not UTF-8: fall through to the Windows-1252 check.
  }
  if (hasBom || countUtf8Sequences(body) > 0) throw mixedEncoding(body, file);
  return { text: decodeWindows1252(body), encoding: 'windows-1252' };
}

/**
 * Windows-1252 differs from ISO-8859-1 only in 0x80-0x9F (en dash 0x96, euro 0x80, curly
 * quotes...). Node builds without full ICU decode the `windows-1252` label as ISO-8859-1,
 * giving U+0096 for an en dash (seen on this project's Node 20), so those 32 code points are
 * mapped here; in browsers the replacement finds nothing to do.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** Count well-formed 2-4 byte UTF-8 sequences (evidence that part of a file is UTF-8). */
function countUtf8Sequences(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) continue;
    let ok = i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      n++;
      i += len - 1;
    }
  }
  return n;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += len - 1;
  }
  return bytes.length;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
