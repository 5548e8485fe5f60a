import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type Engine } from '../../shared/engine/engine';
import { numberColumn, scalarNumber, stringColumn } from '../../shared/engine/columns';
import { ident } from '../../shared/engine/sql';
import { freshTestEngine } from './testEngine';

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('Node engine (duckdb-wasm blocking build) on real fixtures', () => {
  it('reads the Census 2021 TS007 LTLA file and finds Barking and Dagenham', async () => {
    // fixtures/data/census2021/census2021-ts007-ltla.csv: Nomis bulk format, 331 LTLAs (SOURCES.md).
    const bytes = readFileSync('fixtures/data/census2021/census2021-ts007-ltla.csv');
    await engine.registerFile('ts007.csv', bytes);
    const count = await engine.query(
      `SELECT count(*) AS n FROM read_csv('ts007.csv', header = true)`,
    );
    expect(scalarNumber(count)).toBe(331);
    const bd = await engine.query(
      `SELECT "geography", "Age: Total; measures: Value" AS total FROM read_csv('ts007.csv', header = true) WHERE "geography code" = ?`,
      ['E09000002'],
    );
    expect(stringColumn(bd, 'geography')).toEqual(['Barking and Dagenham']);
    // Census 2021 usual residents in Barking and Dagenham: 218,863 (ONS TS001; issue #4).
    expect(Array.from(numberColumn(bd, 'total'))).toEqual([218863]);
  });

  it('keeps BIGINT and DECIMAL exact through the column adapter', async () => {
    const t = await engine.query(
      `SELECT 9007199254740991::BIGINT AS big, 12.345::DECIMAL(10,3) AS dec, NULL::DOUBLE AS missing`,
    );
    expect(numberColumn(t, 'big')[0]).toBe(9007199254740991);
    expect(numberColumn(t, 'dec')[0]).toBe(12.345);
    expect(Number.isNaN(numberColumn(t, 'missing')[0])).toBe(true);
    const tooBig = await engine.query(`SELECT 9007199254740993::BIGINT AS big`);
    expect(() => numberColumn(tooBig, 'big')).toThrow(/too large/);
  });

  it('binds parameters, so hostile text stays text', async () => {
    const hostile = `x'); DROP TABLE t; --`;
    const t = await engine.query(`SELECT ? AS v`, [hostile]);
    expect(stringColumn(t, 'v')).toEqual([hostile]);
    await engine.exec(`CREATE TABLE ${ident('we"ird')} (a INTEGER)`);
    expect(scalarNumber(await engine.query(`SELECT count(*) FROM ${ident('we"ird')}`))).toBe(0);
  });

  it('rolls back a failed transaction and leaves earlier tables untouched', async () => {
    await engine.exec('CREATE TABLE kept (a INTEGER); INSERT INTO kept VALUES (1), (2)');
    await expect(
      inTransaction(engine, async () => {
        await engine.exec('INSERT INTO kept VALUES (3)');
        await engine.exec('CREATE TABLE half (b INTEGER)');
        await engine.query('SELECT * FROM no_such_table');
      }),
    ).rejects.toThrow(/no_such_table/);
    expect(scalarNumber(await engine.query('SELECT count(*) FROM kept'))).toBe(2);
    const tables = await engine.query(
      `SELECT count(*) FROM information_schema.tables WHERE table_name = 'half'`,
    );
    expect(scalarNumber(tables)).toBe(0);
  });

  it('reports the failing SQL in query errors', async () => {
    await expect(engine.query('SELEC 1')).rejects.toThrow(/while running:\nSELEC 1/);
  });

  it('has extension autoload switched off (no network, no hang)', async () => {
    const t = await engine.query(
      `SELECT current_setting('autoload_known_extensions') AS a, current_setting('autoinstall_known_extensions') AS b`,
    );
    expect(stringColumn(t, 'a')).toEqual(['false']);
    expect(stringColumn(t, 'b')).toEqual(['false']);
  });
});
