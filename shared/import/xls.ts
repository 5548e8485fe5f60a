/**
 * Legacy Excel 97-2003 workbooks (.xls): BIFF8 records in the "Workbook" stream of an OLE
 * compound file. `cfb` opens the container; the records are read here, following [MS-XLS]
 * (section numbers in the comments are from the 2.4 "Records" chapter). Only what a data
 * table needs is read: sheet names, shared strings and cell values. Each sheet comes out as
 * the XLSX path produces it (xlsx.ts): rows from A1, text cells, numbers as JavaScript prints
 * them (shortest round-trip), date-formatted numbers as ISO dates, blank cells as ''.
 *
 * Compressed (8-bit) strings are decoded as Windows-1252, the CODEPAGE (2.4.52) that Excel
 * writes for UK workbooks, as decode.ts does for CSV exports; other strings are UTF-16.
 *
 * Everything is bounded by the stream's own length: records longer than BIFF8 allows, string
 * counts the bytes cannot hold, cells outside Excel's grid and offsets past the end are
 * refused as a damaged file rather than followed.
 */
import * as CFB from 'cfb';
import { decodeWindows1252 } from './decode';
import { ImportError } from './errors';
import type { Sheet } from './xlsx';

/** [MS-XLS] 2.1.4: a record's data is at most 8224 bytes. */
const MAX_RECORD = 8224;
/** BIFF8 grid: 65,536 rows x 256 columns. */
const MAX_ROWS = 65_536;
const MAX_COLS = 256;
/** Largest mostly-empty grid filled out (a full 65,536 x 256 sheet is only read from a file that size). */
const MAX_SPARSE_GRID = 4_000_000;

const R = {
  FORMULA: 0x0006, // 2.4.127
  EOF: 0x000a, // 2.4.103
  FILEPASS: 0x002f, // 2.4.117
  DATE1904: 0x0022, // 2.4.77
  CONTINUE: 0x003c, // 2.4.58
  BOUNDSHEET8: 0x0085, // 2.4.28
  MULRK: 0x00bd, // 2.4.175
  XF: 0x00e0, // 2.4.353
  SST: 0x00fc, // 2.4.265
  LABELSST: 0x00fd, // 2.4.149
  NUMBER: 0x0203, // 2.4.180
  LABEL: 0x0204, // 2.4.148
  BOOLERR: 0x0205, // 2.4.24
  STRING: 0x0207, // 2.4.268
  RK: 0x027e, // 2.4.220
  FORMAT: 0x041e, // 2.4.126
  BOF: 0x0809, // 2.4.21
} as const;

class Damaged extends Error {}
class Unsupported extends Error {}

/** One record with the data of any CONTINUE records that follow it, as separate segments. */
interface BiffRecord {
  readonly type: number;
  readonly segments: readonly Uint8Array[];
  /** Stream offset of the record header, for messages. */
  readonly at: number;
}

/**
 * Bytes of records read so far, across the globals and every sheet. Real substreams do not
 * overlap, so more than the stream's length means sheet offsets that point into one another
 * (a file built to make the reader go round the same bytes many times).
 */
interface Budget {
  left: number;
}

/** The records from `start`; the caller stops at its EOF (the stream's end is an error). */
function* records(stream: Uint8Array, start: number, budget: Budget): Generator<BiffRecord> {
  let pos = start;
  let pending: { type: number; segments: Uint8Array[]; at: number } | undefined;
  for (;;) {
    if (pos + 4 > stream.length) throw new Damaged(`the workbook stream ends at byte ${String(pos)} before the sheet's end-of-file record`);
    const type = stream[pos]! | (stream[pos + 1]! << 8);
    const length = stream[pos + 2]! | (stream[pos + 3]! << 8);
    if (length > MAX_RECORD) throw new Damaged(`a record at byte ${String(pos)} claims ${String(length)} bytes, more than BIFF8 allows`);
    if (pos + 4 + length > stream.length) throw new Damaged(`a record at byte ${String(pos)} runs past the end of the workbook stream`);
    budget.left -= 4 + length;
    if (budget.left < 0) throw new Damaged('its sheets overlap one another');
    const data = stream.subarray(pos + 4, pos + 4 + length);
    if (type === R.CONTINUE && pending !== undefined) {
      pending.segments.push(data);
    } else {
      if (pending !== undefined) yield pending;
      pending = { type, segments: [data], at: pos };
      // EOF has no continuation: hand it over now, as it may be the stream's last record.
      if (type === R.EOF) {
        yield pending;
        pending = undefined;
      }
    }
    pos += 4 + length;
  }
}

/** Reads across a record's CONTINUE segments. */
class Cursor {
  private seg = 0;
  private pos = 0;
  constructor(private readonly segments: readonly Uint8Array[]) {}

  private current(): Uint8Array {
    while (this.pos >= this.segments[this.seg]!.length) {
      if (this.seg + 1 >= this.segments.length) throw new Damaged('a record ends in the middle of a value');
      this.seg++;
      this.pos = 0;
    }
    return this.segments[this.seg]!;
  }

  u8(): number {
    return this.current()[this.pos++]!;
  }
  u16(): number {
    return this.u8() | (this.u8() << 8);
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  skip(n: number): void {
    for (let left = n; left > 0; ) {
      const s = this.current();
      const step = Math.min(left, s.length - this.pos);
      this.pos += step;
      left -= step;
    }
  }

  /**
   * [MS-XLS] 2.5.293 XLUnicodeRichExtendedString (and 2.5.294 XLUnicodeString when `rich` is
   * false): cch, option flags, optional run count and phonetic size, characters, then the
   * rich-text runs (4 bytes each) and phonetic data, which are skipped. When the characters
   * cross into a CONTINUE record, that record starts with a fresh option byte saying whether
   * the rest is compressed (1 byte per character) or UTF-16.
   */
  string(cch: number, rich: boolean): string {
    let flags = this.u8();
    const runs = rich && flags & 0x08 ? this.u16() : 0;
    const ext = rich && flags & 0x04 ? this.u32() : 0;
    let out = '';
    let left = cch;
    // Each pass reads what the current segment holds, then moves to the next one: bounded
    // by the number of segments.
    while (left > 0) {
      const s = this.segments[this.seg]!;
      const wide = (flags & 0x01) !== 0;
      const n = Math.min(left, Math.floor((s.length - this.pos) / (wide ? 2 : 1)));
      const bytes = s.subarray(this.pos, this.pos + n * (wide ? 2 : 1));
      out += wide ? utf16(bytes) : decodeWindows1252(bytes);
      this.pos += bytes.length;
      left -= n;
      if (left === 0) break;
      // The characters continue in the next CONTINUE record, which starts with a new option
      // byte (only bit 0, fHighByte, matters: compressed or UTF-16).
      const next = this.segments[this.seg + 1];
      if (next === undefined || next.length === 0) throw new Damaged('a string runs past the end of its record');
      this.seg++;
      flags = next[0]!;
      this.pos = 1;
    }
    this.skip(runs * 4 + ext);
    return out;
  }
}

function utf16(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) out += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return out;
}

/** [MS-XLS] 2.5.217 RkNumber: bit 0 = value x 100, bit 1 = 30-bit integer, else top 30 bits of a double. */
function rk(value: number): number {
  let n: number;
  if (value & 0x02) {
    n = value >> 2;
  } else {
    const buffer = new DataView(new ArrayBuffer(8));
    buffer.setUint32(4, value & 0xfffffffc, true);
    n = buffer.getFloat64(0, true);
  }
  return value & 0x01 ? n / 100 : n;
}

/** Built-in number formats that are dates or times ([MS-XLS] 2.4.126 FORMAT, ifmt 14-22, 45-47). */
const DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormat(code: string): boolean {
  // Strip quoted text, escapes and colours ("[Red]"), then look for date/time tokens.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

interface Globals {
  readonly sst: string[];
  readonly sheets: { name: string; offset: number }[];
  /** Per XF index: whether numbers in that style are dates. */
  readonly dateXf: boolean[];
  date1904: boolean;
}

function readGlobals(stream: Uint8Array, budget: Budget): Globals {
  const g: Globals = { sst: [], sheets: [], dateXf: [], date1904: false };
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  let first = true;
  for (const rec of records(stream, 0, budget)) {
    const c = new Cursor(rec.segments);
    if (first) {
      // [MS-XLS] 2.4.21 BOF: vers 0x0600 (BIFF8), dt 0x0005 (workbook globals).
      if (rec.type !== R.BOF) throw new Damaged('the workbook stream does not start with a BOF record');
      const vers = c.u16();
      const dt = c.u16();
      if (vers !== 0x0600 || dt !== 0x0005) throw new Unsupported(`it is in an older Excel format (BIFF version 0x${vers.toString(16)})`);
      first = false;
      continue;
    }
    if (rec.type === R.EOF) break;
    switch (rec.type) {
      case R.FILEPASS:
        throw new Unsupported('it is password-protected (encrypted)');
      case R.DATE1904:
        g.date1904 = c.u16() === 1;
        break;
      case R.FORMAT: {
        const ifmt = c.u16();
        formats.set(ifmt, c.string(c.u16(), false));
        break;
      }
      case R.XF:
        c.skip(2);
        xfFormats.push(c.u16());
        break;
      case R.BOUNDSHEET8: {
        const offset = c.u32();
        const hidden = c.u8() & 0x03;
        const dt = c.u8();
        const name = c.string(c.u8(), false);
        // Worksheets only (dt 0; not macro sheets, charts or VBA modules), and not hidden or
        // very hidden sheets: those hold lookups and workings the analyst never sees.
        if (dt === 0 && hidden === 0) g.sheets.push({ name, offset });
        break;
      }
      case R.SST: {
        c.skip(4); // cstTotal
        const unique = c.u32();
        // Each string takes at least 3 bytes, so the count is bounded by the bytes present.
        const bytes = rec.segments.reduce((n, s) => n + s.length, 0);
        if (unique > bytes / 3) throw new Damaged(`the shared-string table claims ${String(unique)} strings in ${String(bytes)} bytes`);
        for (let i = 0; i < unique; i++) g.sst.push(c.string(c.u16(), true));
        break;
      }
      default:
        break;
    }
  }
  if (first) throw new Damaged('the workbook stream is empty');
  for (const ifmt of xfFormats) g.dateXf.push(DATE_FORMATS.has(ifmt) || (formats.has(ifmt) && ifmt >= 164 && isDateFormat(formats.get(ifmt)!)));
  return g;
}

function readSheet(stream: Uint8Array, offset: number, g: Globals, budget: Budget): string[][] {
  if (offset >= stream.length) throw new Damaged(`a sheet starts at byte ${String(offset)}, past the end of the workbook stream`);
  const grid = new Map<number, Map<number, string>>();
  let maxRow = -1;
  let maxCol = -1;
  const put = (row: number, col: number, text: string): void => {
    if (row >= MAX_ROWS || col >= MAX_COLS) throw new Damaged(`a cell at row ${String(row + 1)}, column ${String(col + 1)} is outside the sheet`);
    if (text === '') return;
    let cells = grid.get(row);
    if (cells === undefined) grid.set(row, (cells = new Map()));
    cells.set(col, text);
    maxRow = Math.max(maxRow, row);
    maxCol = Math.max(maxCol, col);
  };
  const num = (xf: number, value: number): string => {
    if (g.dateXf[xf] === true && Number.isFinite(value)) {
      const ms = Math.round((value - (g.date1904 ? -1462 : 0) - 25569) * 86_400_000);
      const date = new Date(ms);
      if (!Number.isNaN(date.getTime())) return date.toISOString().slice(0, 10);
    }
    return String(value);
  };
  // Substream depth: an embedded chart is a BOF ... EOF substream inside the sheet's.
  let depth = 0;
  let formulaAt: [number, number] | undefined;
  for (const rec of records(stream, offset, budget)) {
    const c = new Cursor(rec.segments);
    if (depth === 0 && rec.type !== R.BOF) throw new Damaged(`the sheet at byte ${String(offset)} does not start with a BOF record`);
    if (rec.type === R.BOF) {
      if (++depth > 8) throw new Damaged('substreams are nested too deeply');
      continue;
    }
    if (rec.type === R.EOF) {
      if (--depth === 0) break;
      continue;
    }
    if (depth > 1) continue;
    const pendingFormula = formulaAt;
    formulaAt = undefined;
    switch (rec.type) {
      case R.LABELSST: {
        const [row, col] = [c.u16(), c.u16()];
        c.skip(2);
        const index = c.u32();
        if (index >= g.sst.length) throw new Damaged(`a cell refers to shared string ${String(index)} of ${String(g.sst.length)}`);
        put(row, col, g.sst[index]!);
        break;
      }
      case R.LABEL: {
        const [row, col] = [c.u16(), c.u16()];
        c.skip(2);
        put(row, col, c.string(c.u16(), false));
        break;
      }
      case R.NUMBER: {
        const [row, col, xf] = [c.u16(), c.u16(), c.u16()];
        const data = rec.segments[0]!;
        if (data.length < 14) throw new Damaged('a number cell is too short');
        put(row, col, num(xf, new DataView(data.buffer, data.byteOffset + 6, 8).getFloat64(0, true)));
        break;
      }
      case R.RK: {
        const [row, col, xf] = [c.u16(), c.u16(), c.u16()];
        put(row, col, num(xf, rk(c.u32())));
        break;
      }
      case R.MULRK: {
        // rw, colFirst, then (ixfe, RK) x n, then colLast.
        const length = rec.segments[0]!.length;
        const row = c.u16();
        const col = c.u16();
        const n = Math.floor((length - 6) / 6);
        if (n < 1) throw new Damaged('a MULRK record holds no cells');
        for (let i = 0; i < n; i++) {
          const xf = c.u16();
          put(row, col + i, num(xf, rk(c.u32())));
        }
        break;
      }
      case R.BOOLERR: {
        const [row, col] = [c.u16(), c.u16()];
        c.skip(2);
        const value = c.u8();
        put(row, col, c.u8() === 0 ? String(value !== 0) : errorText(value));
        break;
      }
      case R.FORMULA: {
        // [MS-XLS] 2.5.133 FormulaValue: a double, unless the last two bytes are 0xFFFF.
        const [row, col, xf] = [c.u16(), c.u16(), c.u16()];
        const data = rec.segments[0]!;
        if (data.length < 14) throw new Damaged('a formula cell is too short');
        if (data[12] === 0xff && data[13] === 0xff) {
          const kind = data[6];
          if (kind === 0) formulaAt = [row, col]; // text follows in a STRING record
          else if (kind === 1) put(row, col, String(data[8] !== 0));
          else if (kind === 2) put(row, col, errorText(data[8]!));
          else put(row, col, '');
        } else {
          put(row, col, num(xf, new DataView(data.buffer, data.byteOffset + 6, 8).getFloat64(0, true)));
        }
        break;
      }
      case R.STRING:
        // [MS-XLS] 2.4.268: the cached text of the formula just before.
        if (pendingFormula !== undefined) put(pendingFormula[0], pendingFormula[1], c.string(c.u16(), false));
        break;
      case 0x04bc: // SHRFMLA (2.4.260), ARRAY (2.4.4) and TABLE (2.4.319) may come between
      case 0x0221: // a FORMULA and its STRING.
      case 0x0236:
        formulaAt = pendingFormula;
        break;
      default:
        // BLANK, MULBLANK and formatting records carry no values.
        break;
    }
  }
  // The grid is filled out from A1 (as the XLSX path does). A few cells far apart would make
  // millions of empty ones: refuse a grid that is both huge and almost all empty.
  const cellCount = Array.from(grid.values()).reduce((n, cells) => n + cells.size, 0);
  const area = (maxRow + 1) * (maxCol + 1);
  if (area > MAX_SPARSE_GRID && area > 16 * cellCount) {
    throw new Damaged(`${String(cellCount)} cells are spread over ${String(maxRow + 1)} rows and ${String(maxCol + 1)} columns`);
  }
  const rows: string[][] = [];
  for (let r = 0; r <= maxRow; r++) {
    const cells = grid.get(r);
    const row = new Array<string>(maxCol + 1).fill('');
    if (cells !== undefined) for (const [col, text] of cells) row[col] = text;
    rows.push(row);
  }
  return rows;
}

/** [MS-XLS] 2.5.10 BErr. */
function errorText(code: number): string {
  return { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' }[code] ?? '#N/A';
}

/** Every visible worksheet of a BIFF8 .xls as text records. */
export function readXlsSheets(bytes: Uint8Array, file: string): Sheet[] {
  const damaged = (why: string, cause?: unknown): ImportError =>
    new ImportError('malformed-csv', file, `The Excel 97-2003 workbook (.xls) is damaged or truncated: ${why}.`, 'Download the file again, or open it in Excel and save the sheet you need as "CSV UTF-8" or .xlsx, then import that.', undefined, undefined, { cause });
  let stream: Uint8Array;
  try {
    const container = CFB.read(bytes, { type: 'array' });
    const entry = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
    if (entry === null) {
      throw new ImportError('legacy-xls', file, 'This Office file holds no Excel workbook (it may be a Word or PowerPoint document).', 'Choose the Excel file, or save the table as CSV and import that.');
    }
    if (entry.name !== 'Workbook') throw new Unsupported('it is in the Excel 5.0/95 format');
    stream = entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof Unsupported) throw unsupported(file, error.message);
    throw damaged(`the container cannot be opened (${error instanceof Error ? error.message : String(error)})`, error);
  }
  try {
    const budget = { left: stream.length };
    const globals = readGlobals(stream, budget);
    return globals.sheets.map((s) => ({ name: s.name, rows: readSheet(stream, s.offset, globals, budget) }));
  } catch (error) {
    if (error instanceof Unsupported) throw unsupported(file, error.message);
    if (error instanceof Damaged) throw damaged(error.message, error);
    throw error;
  }
}

function unsupported(file: string, why: string): ImportError {
  return new ImportError('legacy-xls', file, `This Excel workbook (.xls) cannot be read because ${why}.`, 'Open it in Excel and save it as an .xlsx workbook (removing any password), or save the sheet you need as "CSV UTF-8", then import that.');
}
