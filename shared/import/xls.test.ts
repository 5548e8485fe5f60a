/**
 * Legacy .xls (BIFF8): the real ONS mid-2020 workbook loads like its CSV exports (SOURCES.md
 * section 4), a hand-built workbook exercises the record details (strings split across
 * CONTINUE records, RK forms, formulas), and damaged files give a typed error and change nothing.
 */
import { readFileSync } from 'node:fs';
import * as CFB from 'cfb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { numberColumn, scalarNumber } from '../engine/columns';
import { freshTestEngine } from '../../main/engine/testEngine';
import { ImportError, importFile } from './index';
import { databaseSnapshot } from './testing/snapshot';
import { readXlsSheets } from './xls';

const XLS = readFileSync('fixtures/data/population/ukpopestimatesmid2020on2021geography.xls');
const csvPath = (sex: string): string => `fixtures/data/population/ons_mye2_mid2020_${sex}_by_single_year_age_2021geog.csv`;

/** The CSV exports: plain comma-separated, with a few quoted names ("Kingston upon Hull, City of"). */
function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => Array.from(line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g), (m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replace(/""/g, '"')));
}

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('the ONS mid-2020 workbook (.xls)', () => {
  it('each MYE2 sheet equals its CSV export cell by cell, below the title lines', () => {
    const sheets = readXlsSheets(XLS, 'mye.xls');
    // Hidden and non-worksheet sheets are skipped; the visible ones are in workbook order.
    expect(sheets.map((s) => s.name)).toContain('MYE2 - Persons');
    for (const sex of ['Persons', 'Males', 'Females']) {
      const sheet = sheets.find((s) => s.name === `MYE2 - ${sex}`)!;
      expect(sheet.rows[0]![0]).toBe(`MYE2: ${sex} by single year of age and sex for local authorities in the UK, mid-2020`);
      const header = sheet.rows.findIndex((r) => r[0] === 'Code');
      expect(sheet.rows.slice(header)).toEqual(readCsv(csvPath(sex.toLowerCase())));
    }
  });

  it('imports through importFile: three sexes x 420 areas x 91 ages; totals as published', async () => {
    const report = await importFile(engine, { name: 'ukpopestimatesmid2020on2021geography.xls', bytes: XLS });
    expect(report.status).toBe('imported');
    if (report.status !== 'imported') return;
    expect(report.format).toBe('ons-mye-single-year');
    expect(report.rowsWritten.population).toBe(3 * 420 * 91);
    expect(report.problems.some((p) => p.code === 'implausible-value')).toBe(false);
    const total = async (code: string, sex: string): Promise<number> =>
      scalarNumber(await engine.query('SELECT sum(count) FROM population WHERE source_file_id = ? AND area_code = ? AND sex = ?', [report.sourceFileId, code, sex]));
    // SOURCES.md "Loading notes": England 56,550,138; London 9,002,488; Barking and Dagenham 214,107.
    expect(await total('E92000001', 'Persons')).toBe(56550138);
    expect(await total('E12000007', 'Persons')).toBe(9002488);
    expect(await total('E09000002', 'Persons')).toBe(214107);
    expect(await total('E92000001', 'Male')).toBe(27982818);
    expect(await total('E92000001', 'Female')).toBe(28567320);
    // A handful of cells against the CSV exports.
    for (const [sex, file] of [['Persons', 'persons'], ['Male', 'males'], ['Female', 'females']] as const) {
      const csv = readCsv(csvPath(file));
      const header = csv[0]!;
      for (const [code, age] of [['E09000002', '0'], ['E09000030', '34'], ['E10000012', '90+'], ['W92000004', '65']] as const) {
        const row = csv.find((r) => r[0] === code)!;
        const t = await engine.query('SELECT count, year FROM population WHERE source_file_id = ? AND area_code = ? AND sex = ? AND age_band = ?', [report.sourceFileId, code, sex, age]);
        expect(numberColumn(t, 'count')[0]).toBe(Number(row[header.indexOf(age)]));
        expect(numberColumn(t, 'year')[0]).toBe(2020);
      }
    }
  });

  async function rejects(name: string, bytes: Uint8Array): Promise<ImportError> {
    const before = await databaseSnapshot(engine);
    let caught: unknown;
    try {
      await importFile(engine, { name, bytes });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ImportError);
    const error = caught as ImportError;
    expect(error.file).toBe(name);
    expect(error.action).toMatch(/CSV|xlsx|again/);
    expect(await databaseSnapshot(engine)).toEqual(before);
    return error;
  }

  it('a truncated .xls gives a typed error and changes nothing', async () => {
    for (const length of [XLS.length - 4096, Math.floor(XLS.length / 2), 600]) {
      const error = await rejects('cut.xls', XLS.subarray(0, length));
      expect(['malformed-csv', 'legacy-xls']).toContain(error.kind);
    }
  });

  it('a flipped byte in a record length gives a typed error and changes nothing', async () => {
    // The globals BOF record: type 0x0809, 16 bytes, BIFF8 (0x0600), workbook globals (0x0005).
    const bof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00]);
    const at = XLS.indexOf(bof);
    expect(at).toBeGreaterThan(0);
    const damaged = new Uint8Array(XLS);
    damaged[at + 3] = 0xff; // the record now claims 65,296 bytes
    const error = await rejects('flip.xls', damaged);
    expect(error.kind).toBe('malformed-csv');
    expect(error.problem).toMatch(/damaged/);
  });
});

// ---- A hand-built BIFF8 workbook --------------------------------------------------------

function record(type: number, ...parts: (number[] | Uint8Array)[]): number[] {
  const data = parts.flatMap((p) => Array.from(p));
  return [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
}
const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
const u32 = (n: number): number[] => [...u16(n & 0xffff), ...u16(n >>> 16)];
const f64 = (n: number): number[] => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, n, true);
  return Array.from(b);
};
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const wide = (s: string): number[] => Array.from(s).flatMap((c) => u16(c.charCodeAt(0)));

function workbook(sheetCells: number[][], sst: { body: number[]; continues: number[][]; count: number }, extraSheets: { name: string; hidden: number; dt: number }[] = []): Uint8Array {
  const bof = (dt: number): number[] => record(0x0809, u16(0x0600), u16(dt), new Array<number>(12).fill(0));
  const eof = record(0x000a);
  const boundsheet = (offset: number, name: string, hidden = 0, dt = 0): number[] => record(0x0085, u32(offset), [hidden, dt, name.length, 0], ascii(name));
  // Offsets depend on the globals' length, which does not depend on the offsets' values.
  const build = (offsets: number[]): number[] => [
    ...bof(0x0005),
    ...record(0x00e0, new Array<number>(20).fill(0)), // XF 0: General
    ...record(0x00e0, u16(0), u16(14), new Array<number>(16).fill(0)), // XF 1: a date format
    ...boundsheet(offsets[0]!, 'Data'),
    ...extraSheets.flatMap((s, i) => boundsheet(offsets[i + 1]!, s.name, s.hidden, s.dt)),
    ...record(0x00fc, u32(sst.count), u32(sst.count), sst.body),
    ...sst.continues.flatMap((c) => record(0x003c, c)),
    ...eof,
  ];
  const sheet = [...bof(0x0010), ...sheetCells.flat(), ...eof];
  const other = [...bof(0x0010), ...record(0x0203, u16(0), u16(0), u16(0), f64(99)), ...eof];
  const globalsLength = build(new Array<number>(1 + extraSheets.length).fill(0)).length;
  const offsets = [globalsLength, ...extraSheets.map((_, i) => globalsLength + sheet.length + i * other.length)];
  const stream = [...build(offsets), ...sheet, ...extraSheets.flatMap(() => other)];
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, 'Workbook', Uint8Array.from(stream));
  return Uint8Array.from(CFB.write(container, { type: 'array' }) as number[]);
}

describe('BIFF8 records', () => {
  // SST: "Caf" + 0x96 (en dash in Windows-1252) compressed; "Tower Hamlets" split across a
  // CONTINUE that switches to UTF-16; a rich string with 1 run and 3 bytes of phonetic data.
  const sst = {
    count: 3,
    body: [...u16(4), 0x00, ...ascii('Caf'), 0x96, ...u16(13), 0x00, ...ascii('Tower')],
    continues: [[0x01, ...wide(' Hamlets'), ...u16(2), 0x0c, ...u16(1), ...u32(3), ...ascii('OK'), ...u32(0x00010000), 1, 2, 3]],
  };
  const cell = (type: number, row: number, col: number, xf: number, ...rest: number[][]): number[] => record(type, u16(row), u16(col), u16(xf), ...rest);
  const cells = [
    cell(0x00fd, 0, 0, 0, u32(0)), // LABELSST
    cell(0x00fd, 0, 1, 0, u32(1)),
    cell(0x00fd, 0, 2, 0, u32(2)),
    cell(0x0204, 1, 0, 0, u16(5), [0], ascii('Label')), // LABEL
    cell(0x0203, 1, 1, 0, f64(0.1 + 0.2)), // NUMBER
    cell(0x027e, 1, 2, 0, u32((214107 << 2) | 0x02)), // RK integer
    cell(0x027e, 1, 3, 0, u32((1234 << 2) | 0x03)), // RK integer / 100
    cell(0x027e, 1, 4, 0, u32(0x3ff00000)), // RK double 1.0
    record(0x00bd, u16(2), u16(0), u16(0), u32((7 << 2) | 2), u16(0), u32((8 << 2) | 2), u16(1), u32((44377 << 2) | 2), u16(2)), // MULRK
    cell(0x0205, 3, 0, 0, [1, 0]), // BOOLERR true
    cell(0x0205, 3, 1, 0, [0x2a, 1]), // BOOLERR #N/A
    cell(0x0006, 3, 2, 0, f64(42.5), u16(0), u32(0), u16(0)), // FORMULA, number
    cell(0x0006, 3, 3, 0, [0, 0, 0, 0, 0, 0, 0xff, 0xff], u16(0), u32(0), u16(0)), // FORMULA, string...
    record(0x0207, u16(3), [0], ascii('abc')), // ...in the STRING record
    record(0x0201, u16(5), u16(5), u16(0)), // BLANK: ignored
  ];

  it('reads strings across CONTINUE records, every cell record and skips hidden or chart sheets', () => {
    const bytes = workbook(cells, sst, [
      { name: 'Hidden', hidden: 1, dt: 0 },
      { name: 'Chart', hidden: 0, dt: 2 },
      { name: 'Second', hidden: 0, dt: 0 },
    ]);
    const sheets = readXlsSheets(bytes, 'built.xls');
    expect(sheets.map((s) => s.name)).toEqual(['Data', 'Second']);
    expect(sheets[0]!.rows).toEqual([
      ['Caf–', 'Tower Hamlets', 'OK', '', ''],
      ['Label', '0.30000000000000004', '214107', '12.34', '1'],
      ['7', '8', '2021-06-30', '', ''],
      ['true', '#N/A', '42.5', 'abc', ''],
    ]);
    expect(sheets[1]!.rows).toEqual([['99']]);
  });

  it('refuses damaged records with a typed error naming the file', () => {
    const cases: [string, Uint8Array][] = [
      // The SST claims more strings than its bytes can hold.
      ['count.xls', workbook(cells, { ...sst, count: 1_000_000 })],
      // A string runs past its last CONTINUE record.
      ['string.xls', workbook(cells, { ...sst, continues: [[0x01, ...wide(' Ham')]] })],
      // A cell refers to a shared string that does not exist.
      ['index.xls', workbook([cell(0x00fd, 0, 0, 0, u32(9))], sst)],
      // A cell outside the BIFF8 grid (column 300).
      ['column.xls', workbook([cell(0x0203, 0, 300, 0, f64(1))], sst)],
      // Two cells at opposite corners of the grid: 16 million empty cells between them.
      ['sparse.xls', workbook([cell(0x0203, 0, 0, 0, f64(1)), cell(0x0203, 65535, 255, 0, f64(2))], sst)],
      // No sheet EOF: the stream ends inside the sheet.
      ['eof.xls', workbook([record(0x0809, u16(0x0600), u16(0x10), new Array<number>(12).fill(0))], sst)],
    ];
    for (const [name, bytes] of cases) {
      let caught: unknown;
      try {
        readXlsSheets(bytes, name);
      } catch (error) {
        caught = error;
      }
      expect(caught, name).toBeInstanceOf(ImportError);
      expect((caught as ImportError).kind).toBe('malformed-csv');
      expect((caught as ImportError).file).toBe(name);
    }
  });

  it('refuses encrypted and pre-BIFF8 workbooks as legacy-xls', () => {
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, 'Workbook', Uint8Array.from([...record(0x0809, u16(0x0500), u16(5), new Array<number>(4).fill(0)), ...record(0x000a)]));
    const old = Uint8Array.from(CFB.write(container, { type: 'array' }) as number[]);
    expect(() => readXlsSheets(old, 'old.xls')).toThrow(expect.objectContaining({ kind: 'legacy-xls' }) as Error);
  });
});
