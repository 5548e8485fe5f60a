/**
 * Census layouts without a fixture of their own: the ONS "custom dataset" CSV and a Nomis bulk
 * column naming two dimensions. Values are Barking and Dagenham's from the real TS007 LTLA
 * fixture (fixtures/data/census2021/census2021-ts007-ltla.csv, row 185).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { numberColumn, stringColumn } from '../engine/columns';
import { freshTestEngine } from '../../main/engine/testEngine';
import { parseBulkColumn } from './formats/census';
import { importFile } from './index';

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('ONS custom dataset CSV', () => {
  it('loads long rows with the dimension named from its header', async () => {
    const csv = [
      '"Lower tier local authorities Code","Lower tier local authorities","Age (6 categories) Code","Age (6 categories)","Observation"',
      'E09000002,Barking and Dagenham,1,Aged under 1 year,3156',
      'E09000002,Barking and Dagenham,2,Aged 1 year,3427',
      'E09000002,Barking and Dagenham,3,Aged 2 years,3387',
      'E09000002,Barking and Dagenham,4,Aged 3 years,c',
      '',
    ].join('\r\n');
    const report = await importFile(engine, { name: 'custom_TS007_ltla.csv', bytes: new TextEncoder().encode(csv) });
    if (report.status !== 'imported') throw new Error(report.status);
    expect(report.format).toBe('ons-custom');
    expect(report.rowsWritten.census).toBe(4);
    const t = await engine.query('SELECT table_id, geography_level, dimension, category, count, null_reason FROM census WHERE source_file_id = ? ORDER BY category', [report.sourceFileId]);
    expect(stringColumn(t, 'dimension')).toEqual(['Age', 'Age', 'Age', 'Age']);
    expect(stringColumn(t, 'table_id')[0]).toBe('TS007');
    expect(stringColumn(t, 'geography_level')[0]).toBe('ltla');
    expect(Array.from(numberColumn(t, 'count'))).toEqual([3427, 3387, Number.NaN, 3156]);
    expect(stringColumn(t, 'null_reason')).toEqual([null, null, 'suppressed', null]);
  });
});

describe('Nomis bulk column names', () => {
  it('splits one or more dimensions and drops the measures suffix', () => {
    expect(parseBulkColumn('Age: Aged 4 years and under; measures: Value')).toEqual({ dimension: 'Age', category: 'Aged 4 years and under' });
    expect(parseBulkColumn('Sex: Female; Age: Aged 4 years; measures: Value')).toEqual({ dimension: 'Sex x Age', category: 'Female | Aged 4 years' });
    expect(parseBulkColumn('geography code')).toBeNull();
  });
});
