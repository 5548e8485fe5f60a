/**
 * Hostile inputs: each gives a typed ImportError naming the file (and row/column where there
 * is one) with an action, and leaves the database exactly as it was (DESIGN.md "Bad input
 * gets a clear error and loses nothing").
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { stringColumn } from '../engine/columns';
import { freshTestEngine } from '../../main/engine/testEngine';
import { ImportError, importFile } from './index';
import { databaseSnapshot } from './testing/snapshot';

let engine: Engine;
let before: Record<string, string>;
const FINGERTIPS = readFileSync('fixtures/data/fingertips/indicators-CountyUA.data.csv');
const text = FINGERTIPS.toString('utf8');
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

beforeAll(async () => {
  engine = await freshTestEngine();
  // Some state to protect: a real file already loaded.
  await importFile(engine, { name: 'esp.csv', bytes: readFileSync('fixtures/data/esp2013/european_standard_population.csv') });
  await importFile(engine, { name: 'suicide.csv', bytes: readFileSync('fixtures/data/fingertips/nonstandard_headers/suicide_indicators_CountyUA_london_2019extract.csv') });
  before = await databaseSnapshot(engine);
});
afterAll(async () => {
  await engine.close();
});

async function rejects(name: string, bytes: Uint8Array): Promise<ImportError> {
  let caught: unknown;
  try {
    await importFile(engine, { name, bytes });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ImportError);
  const error = caught as ImportError;
  expect(error.file).toBe(name);
  expect(error.action.length).toBeGreaterThan(10);
  expect(await databaseSnapshot(engine)).toEqual(before);
  return error;
}

describe('hostile inputs', () => {
  it('a 0-byte file', async () => {
    expect((await rejects('empty.csv', new Uint8Array())).kind).toBe('empty-file');
  });

  it('a header with no data rows', async () => {
    expect((await rejects('header.csv', enc(text.slice(0, text.indexOf('\r\n') + 2)))).kind).toBe('header-only');
  });

  it('a file truncated inside a quoted field', async () => {
    // Cut inside the quoted Indicator Name of record 400.
    let at = 0;
    for (let i = 0; i < 400; i++) at = text.indexOf('"Campylobacter', at + 1);
    const error = await rejects('cut-quote.csv', enc(text.slice(0, at + 10)));
    expect(error.kind).toBe('malformed-csv');
    expect(error.row).toBeGreaterThan(390);
  });

  it('a file truncated mid-row', async () => {
    const at = text.indexOf('E09000002');
    const error = await rejects('cut-row.csv', enc(text.slice(0, at + 20)));
    expect(error.kind).toBe('malformed-csv');
    expect(error.message).toMatch(/row \d+/);
  });

  it('a flipped byte that merges two fields (comma -> letter)', async () => {
    const at = text.indexOf(',E09000030,');
    const damaged = text.slice(0, at) + 'X' + text.slice(at + 1);
    expect((await rejects('flip.csv', enc(damaged))).kind).toBe('malformed-csv');
  });

  it('a binary file (PNG header and NULs)', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect((await rejects('picture.csv', png)).kind).toBe('binary-file');
  });

  it('a delimiter the importer cannot split on', async () => {
    const tildes = 'Area~Value\nE09000002~1\nE09000030~2\n';
    expect((await rejects('tilde.csv', enc(tildes))).kind).toBe('unsupported-format');
  });

  it('mixed encodings (UTF-8 rows and a Windows-1252 en dash)', async () => {
    const mixed = new Uint8Array([...enc('Area,Name\nE09000002,Barking – Dagenham\nE09000030,Tower Hamlets '), 0x96, ...enc(' x\n')]);
    const error = await rejects('mixed.csv', mixed);
    expect(error.kind).toBe('encoding');
    expect(error.row).toBe(3);
  });

  it('a single line of several megabytes', async () => {
    expect((await rejects('long.csv', enc('a'.repeat(3 * 1024 * 1024)))).kind).toBe('too-large');
  });

  it('a record with more columns than a spreadsheet', async () => {
    expect((await rejects('wide.csv', enc(`${'x,'.repeat(20000)}x\n`))).kind).toBe('too-large');
  });

  it('a legacy .xls cut in half (xls.test.ts has more damaged workbooks)', async () => {
    const xls = readFileSync('fixtures/data/population/ukpopestimatesmid2020on2021geography.xls');
    expect((await rejects('old.xls', xls.subarray(0, xls.length >> 1))).kind).toBe('malformed-csv');
  });

  it('an xlsx zip bomb (50 MB of zeros in a few kB) is refused before inflating', async () => {
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook/>'),
      'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024),
    });
    expect(bomb.length).toBeLessThan(200_000);
    expect((await rejects('bomb.xlsx', bomb)).kind).toBe('zip-bomb');
  });

  it('a damaged xlsx', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<not-a-workbook') });
    expect((await rejects('damaged.xlsx', zip)).kind).toBe('malformed-csv');
  });

  it('truncated JSON metadata', async () => {
    const json = readFileSync('fixtures/data/fingertips/metadata/lifecourse_walkthrough_utla_indicator_metadata.json', 'utf8');
    expect((await rejects('meta.json', enc(json.slice(0, 500)))).kind).toBe('malformed-json');
  });
});

describe('formula injection', () => {
  it('stores =HYPERLINK(...) as text, flags the row and reports it', async () => {
    const lines = text.split('\r\n');
    lines[1] = lines[1]!.replace(',England,', ',"=HYPERLINK(""http://example.invalid"",""click"")",');
    const report = await importFile(engine, { name: 'formula.csv', bytes: enc(lines.join('\r\n')) });
    expect(report.status).toBe('imported');
    if (report.status !== 'imported') return;
    const problem = report.problems.find((p) => p.code === 'formula-like-text');
    expect(problem).toMatchObject({ row: 1, column: 'area_name', file: 'formula.csv' });
    const t = await engine.query('SELECT area_name, flags FROM observation WHERE source_file_id = ? AND source_row = 1', [report.sourceFileId]);
    expect(stringColumn(t, 'area_name')).toEqual(['=HYPERLINK("http://example.invalid","click")']);
    expect(stringColumn(t, 'flags')[0]).toContain('formula-like-text');
  });
});
