/**
 * One transaction per file: a failure after batches were already written, a database error
 * and a cancel all leave every table as it was. Also duplicates, progress, validation flags,
 * generic mapping and XLSX.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { numberColumn, scalarNumber, stringColumn } from '../engine/columns';
import { freshTestEngine } from '../../main/engine/testEngine';
import { ImportError, importFile, type ImportProgress } from './index';
import { emptyMappingStore, rememberMapping } from './mappingStore';
import { databaseSnapshot } from './testing/snapshot';
import { syntheticFingertipsCsv } from './testing/synthetic';

let engine: Engine;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const LTCP = readFileSync('fixtures/data/fingertips/derived/ltcp_smoking_prevalence_aps_districtUA_2011_2017_sp.csv', 'utf8');

beforeAll(async () => {
  engine = await freshTestEngine();
  await importFile(engine, { name: 'esp.csv', bytes: readFileSync('fixtures/data/esp2013/european_standard_population.csv') });
});
afterAll(async () => {
  await engine.close();
});

const count = async (sql: string, params: (string | number)[] = []): Promise<number> => scalarNumber(await engine.query(sql, params));

describe('one transaction per file', () => {
  it('a ragged row after two flushed batches rolls back everything', async () => {
    const before = await databaseSnapshot(engine);
    const lines = syntheticFingertipsCsv(120_000).split('\r\n');
    lines[110_000] = lines[110_000]!.split(',').slice(0, 10).join(',');
    const error = await importFile(engine, { name: 'late-failure.csv', bytes: enc(lines.join('\r\n')) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ kind: 'malformed-csv', row: 110_000 - 0 });
    expect(await databaseSnapshot(engine)).toEqual(before);
  });

  it('a database error part-way through is an ImportError and changes nothing', async () => {
    const before = await databaseSnapshot(engine);
    let inserts = 0;
    const failing: Engine = {
      ...engine,
      query: (sql, params) => engine.query(sql, params),
      exec: (sql) => engine.exec(sql),
      insertArrowIPC: async (table, ipc, mode) => {
        if (++inserts === 2) throw new Error('disk full (simulated)');
        return engine.insertArrowIPC(table, ipc, mode);
      },
    };
    const error = await importFile(failing, { name: 'db-failure.csv', bytes: enc(syntheticFingertipsCsv(120_000)) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ImportError', kind: 'database' });
    expect(await databaseSnapshot(engine)).toEqual(before);
  });

  it('cancelling through the signal rolls back; progress is reported as it goes', async () => {
    const before = await databaseSnapshot(engine);
    const controller = new AbortController();
    const seen: ImportProgress[] = [];
    const error = await importFile(engine, { name: 'cancel.csv', bytes: enc(syntheticFingertipsCsv(120_000)) }, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === 'parsing' && p.rowsDone >= 100_000) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ImportError', kind: 'cancelled' });
    expect(await databaseSnapshot(engine)).toEqual(before);
    const parsing = seen.filter((p) => p.phase === 'parsing');
    expect(parsing.length).toBeGreaterThanOrEqual(2);
    expect(parsing[0]!.rowsTotal).toBeGreaterThan(100_000);
    expect(parsing[0]!.rowsTotal).toBeLessThan(140_000);
  });

  it('progress ends with done and exact totals', async () => {
    const seen: ImportProgress[] = [];
    await importFile(engine, { name: 'progress.csv', bytes: enc(syntheticFingertipsCsv(60_000)) }, { onProgress: (p) => seen.push(p) });
    expect(seen.at(-1)).toEqual({ rowsDone: 60_000, rowsTotal: 60_000, phase: 'done' });
  });
});

describe('duplicates', () => {
  const bytes = enc(LTCP);
  it('skips the same bytes by default and replaces them on request', async () => {
    const first = await importFile(engine, { name: 'ltcp.csv', bytes });
    const second = await importFile(engine, { name: 'renamed.csv', bytes });
    expect(second).toMatchObject({ status: 'duplicate', existingName: 'ltcp.csv' });
    const third = await importFile(engine, { name: 'renamed.csv', bytes }, { onDuplicate: 'replace' });
    expect(third.status).toBe('imported');
    if (first.status !== 'imported' || third.status !== 'imported') return;
    expect(third.replacedSourceFileId).toBe(first.sourceFileId);
    expect(await count('SELECT count(*) FROM observation WHERE source_file_id = ?', [first.sourceFileId])).toBe(0);
    expect(await count('SELECT count(*) FROM observation WHERE source_file_id = ?', [third.sourceFileId])).toBe(19012);
    expect(await count(`SELECT count(*) FROM source_file WHERE sha256 = ?`, [third.sha256])).toBe(1);
  });
});

describe('validation', () => {
  it('flags an impossible percentage, a negative count, a CI that misses its value, and can drop them', async () => {
    const lines = LTCP.split('\n');
    lines[5] = lines[5]!.replace(/,(\d+\.\d+),percent,/, ',140,percent,');
    const flagged = await importFile(engine, { name: 'ltcp-140.csv', bytes: enc(lines.join('\n')) });
    if (flagged.status !== 'imported') throw new Error(flagged.status);
    expect(flagged.problems.find((p) => p.code === 'implausible-value')).toMatchObject({ row: 5, column: 'value', file: 'ltcp-140.csv' });

    const fingertips = syntheticFingertipsCsv(20).split('\r\n');
    const cells = fingertips[3]!.split(',');
    // Naive split: the quoted name holds two commas, so value is cell 14, lower95 15, count 19.
    cells[15] = '9999';
    cells[19] = '-5';
    fingertips[3] = cells.join(',');
    const bad = await importFile(engine, { name: 'ci.csv', bytes: enc(fingertips.join('\r\n')) }, { flaggedRows: 'drop' });
    if (bad.status !== 'imported') throw new Error(bad.status);
    expect(bad.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['ci-excludes-value', 'implausible-value']));
    expect(bad.problems.filter((p) => p.severity === 'warning').map((p) => p.row)).toEqual([3, 3]);
    expect(bad.rowsDropped).toBe(1);
    expect(bad.rowsWritten.observation).toBe(19);
  });

  it('flags a row whose number cannot be read, so that dropping flagged rows drops it', async () => {
    const fingertips = syntheticFingertipsCsv(20).split('\r\n');
    const cells = fingertips[7]!.split(',');
    // Naive split as above: the count is cell 19.
    cells[19] = 'see note';
    fingertips[7] = cells.join(',');
    const bytes = enc(fingertips.join('\r\n'));
    const kept = await importFile(engine, { name: 'unreadable.csv', bytes });
    if (kept.status !== 'imported') throw new Error(kept.status);
    expect(kept.problems.find((p) => p.code === 'unreadable-number')).toMatchObject({ row: 7, column: 'Count' });
    expect(kept.rowsWritten.observation).toBe(20);
    const flags = await engine.query(
      `SELECT flags FROM observation WHERE source_file_id = ? AND source_row = 7`,
      [kept.sourceFileId],
    );
    expect(stringColumn(flags, 'flags')).toEqual(['unreadable-number']);
    const dropped = await importFile(engine, { name: 'unreadable.csv', bytes }, { onDuplicate: 'replace', flaggedRows: 'drop' });
    if (dropped.status !== 'imported') throw new Error(dropped.status);
    expect(dropped.rowsDropped).toBe(1);
    expect(dropped.rowsWritten.observation).toBe(19);
  });

  it('reports retired codes once each and unknown codes against the workspace areas', async () => {
    const known = new Set(['E92000001']);
    const report = await importFile(engine, { name: 'le.csv', bytes: readFileSync('fixtures/data/inequalities/PHEindicatormethods_LE_testdata.csv') }, { knownAreaCodes: known });
    if (report.status !== 'imported') throw new Error(report.status);
    const bucks = report.problems.filter((p) => p.message.startsWith('E10000002'));
    expect(bucks).toHaveLength(1);
    expect(bucks[0]!.message).toContain('E06000060');
    expect(report.problems.some((p) => p.code === 'unknown-area-code')).toBe(true);
  });

  it('reports duplicate keys', async () => {
    const lines = syntheticFingertipsCsv(10).split('\r\n');
    lines.splice(5, 0, lines[4]!);
    const report = await importFile(engine, { name: 'dupe.csv', bytes: enc(lines.join('\r\n')) });
    if (report.status !== 'imported') throw new Error(report.status);
    expect(report.problems.find((p) => p.code === 'duplicate-key')).toMatchObject({ row: 5 });
  });
});

describe('generic tables', () => {
  const local = 'Ward code,Ward,Year,Indicator,Rate\nE05000026,Abbey,2021,Falls rate,12.5\nE05000027,Alibon,2021,Falls rate,*\nE05000028,Becontree,2021,Falls rate,"1,204.5"\n';

  it('asks for a mapping with a preview and a suggestion, then imports with it, then reuses it', async () => {
    const first = await importFile(engine, { name: 'local.csv', bytes: enc(local) });
    if (first.status !== 'needs-mapping') throw new Error(first.status);
    expect(first.columns.map((c) => c.header)).toEqual(['Ward code', 'Ward', 'Year', 'Indicator', 'Rate']);
    expect(first.columns[4]!.numericShare).toBe(1);
    expect(first.suggested.columns).toMatchObject({ period: 'Year', indicator: 'Indicator', value: 'Rate' });
    const mapping = { columns: { ...first.suggested.columns, area_code: 'Ward code', area_name: 'Ward' } };

    const imported = await importFile(engine, { name: 'local.csv', bytes: enc(local) }, { mapping });
    if (imported.status !== 'imported') throw new Error(imported.status);
    expect(imported.format).toBe('generic-mapped');
    const t = await engine.query('SELECT value, null_reason FROM observation WHERE source_file_id = ? ORDER BY source_row', [imported.sourceFileId]);
    expect(Array.from(numberColumn(t, 'value'))).toEqual([12.5, Number.NaN, 1204.5]);
    expect(stringColumn(t, 'null_reason')).toEqual([null, 'suppressed', null]);

    const store = rememberMapping(emptyMappingStore(), first.columns.map((c) => c.header), mapping, new Date(0));
    const nextMonth = local.replace('12.5', '13.0');
    const reused = await importFile(engine, { name: 'local-feb.csv', bytes: enc(nextMonth) }, { mappingStore: store });
    expect(reused.status).toBe('imported');
  });

  it('rejects a mapping that names a missing column', async () => {
    await expect(importFile(engine, { name: 'local2.csv', bytes: enc(local + '\n') }, { mapping: { columns: { area_code: 'Nope', period: 'Year', value: 'Rate' }, indicatorName: 'x' } })).rejects.toMatchObject({ kind: 'bad-mapping', column: 'Nope' });
  });
});

describe('XLSX', () => {
  it('reads every ONS MYE2 sheet of a workbook (title lines above the header; sex and year from each title)', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Contents').addRow(['Population estimates']);
    for (const sex of ['Males', 'Females']) {
      const csv = readFileSync(`fixtures/data/population/ons_mye2_mid2020_${sex.toLowerCase()}_by_single_year_age_2021geog.csv`, 'utf8').trim().split('\n');
      const sheet = book.addWorksheet(`MYE2 - ${sex}`);
      sheet.addRow([`MYE2: Population estimates: ${sex} by single year of age and sex for local authorities in the UK, mid-2020`]);
      sheet.addRow([]);
      sheet.addRow(['Code', 'Name', 'Geography', 'All ages', ...Array.from({ length: 90 }, (_, i) => i), '90+']);
      for (const line of csv.slice(1, 40)) {
        const cells = line.split(',');
        sheet.addRow([...cells.slice(0, 3), ...cells.slice(3).map(Number)]);
      }
    }
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const report = await importFile(engine, { name: 'mye.xlsx', bytes });
    if (report.status !== 'imported') throw new Error(report.status);
    expect(report.format).toBe('ons-mye-single-year');
    expect(report.rowsRead).toBe(2 * 39);
    expect(report.rowsWritten.population).toBe(2 * 39 * 91);
    const sexes = await engine.query(`SELECT DISTINCT sex FROM population WHERE source_file_id = ? AND year = 2020 ORDER BY sex`, [report.sourceFileId]);
    expect(stringColumn(sexes, 'sex')).toEqual(['Female', 'Male']);
  });

  it('asks for a mapping for an unknown sheet, then imports it with one', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Local data');
    sheet.addRow(['LA code', 'Year', 'Measure', 'Rate']);
    sheet.addRow(['E09000002', 2022, 'Falls admissions', 2101.5]);
    sheet.addRow(['E09000030', 2022, 'Falls admissions', 'c']);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const first = await importFile(engine, { name: 'local.xlsx', bytes });
    if (first.status !== 'needs-mapping') throw new Error(first.status);
    expect(first.encoding).toBe('xlsx');
    expect(first.suggested.columns).toMatchObject({ area_code: 'LA code', period: 'Year', indicator: 'Measure', value: 'Rate' });
    const mapped = await importFile(engine, { name: 'local.xlsx', bytes }, { mapping: first.suggested });
    if (mapped.status !== 'imported') throw new Error(mapped.status);
    const t = await engine.query('SELECT value, null_reason FROM observation WHERE source_file_id = ? ORDER BY source_row', [mapped.sourceFileId]);
    expect(Array.from(numberColumn(t, 'value'))).toEqual([2101.5, Number.NaN]);
    expect(stringColumn(t, 'null_reason')).toEqual([null, 'suppressed']);
  });
});
