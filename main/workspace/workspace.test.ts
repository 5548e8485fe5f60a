// Workspace round trip on real data: the shipped geography (~100k area rows), a locality and peer
// groups, Census TS007A counts for Barking and Dagenham, typed observation rows; saved as Parquet
// + workspace.json, reopened in a fresh engine, compared table by table (types and rows), and
// read back by native DuckDB, as an R or Python user's reader would.
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import * as parquetEsm from 'parquet-wasm/esm';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../shared/engine/engine';
import { ident } from '../../shared/engine/sql';
import { createSchema } from '../../shared/model/schema';
import {
  AREA_TYPES,
  LONDON_BOROUGHS,
  countyDistricts,
  loadShippedGeography,
  saveLocalities,
  savePeerGroups,
} from '../../shared/geography/index';
import { WorkspaceError, createParquetCodec } from '../../shared/workspace/index';
import { freshTestEngine } from '../engine/testEngine';
import { openWorkspaceDir, saveWorkspaceDir } from './workspaceDir';

const DATA = join(import.meta.dirname, '..', '..', 'fixtures', 'data');
const dir = mkdtempSync(join(tmpdir(), 'jsna-ws-'));
const ws = join(dir, 'my workspace');
let a: Engine;
let b: Engine;
let bdTotal = 0;

async function tables(e: Engine): Promise<string[]> {
  const t = await e.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY 1`,
  );
  return t.getChild('table_name')!.toArray() as string[];
}
async function dump(e: Engine, table: string): Promise<{ types: unknown; rows: string }> {
  const types = (await e.query(`DESCRIBE ${ident(table)}`))
    .toArray()
    .map((r: Record<string, unknown>) => [r.column_name, r.column_type, r.null]);
  const rows = (await e.query(`SELECT * FROM ${ident(table)}`))
    .toArray()
    .map((r: { toJSON(): object }) => r.toJSON());
  return {
    types,
    rows: JSON.stringify(rows, (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v.toString()}n` : v,
    ),
  };
}

beforeAll(async () => {
  a = await freshTestEngine();
  b = await freshTestEngine();
  await createSchema(a);
  await loadShippedGeography(a);
  const text = readFileSync(
    join(DATA, 'census2021', 'nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv'),
    'utf8',
  );
  const rows = text
    .split('\n')
    .filter((l) => l.startsWith('"Barking and Dagenham '))
    .map((l) => l.replaceAll('"', '').trim().split(','));
  bdTotal = rows.reduce((sum, r) => sum + Number(r[2]), 0);
  await a.exec(
    `INSERT INTO source_file VALUES (1, 'nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv', 3449407, 'abc123', 'nomis-report', '2026-11-22T06:00:00.000Z', ${String(rows.length)}, '[]')`,
  );
  await a.exec(
    `INSERT INTO census (table_id, area_code, area_name, geography_level, dimension, category, count, null_reason, source_file_id) VALUES ` +
      rows
        .map((r) => `('TS007A', '${r[1]!}', '${r[0]!}', 'lsoa', 'Age', 'Total', ${r[2]!}, NULL, 1)`)
        .join(','),
  );
  // Typed edge cases: DATEs, NULLs with reasons, non-ASCII text, quotes, negative and tiny doubles.
  await a.exec(`INSERT INTO observation (indicator_id, area_code, area_name, period, period_start, period_end, sex, value, lower95, count, denominator, value_note, null_reason, source_file_id, source_row) VALUES
    ('93356', 'E09000002', 'Barking and Dagenham', '2015', DATE '2015-01-01', DATE '2015-12-31', 'Persons', 94.7261896202678, 93.9129396546008, 51897, 54786327, NULL, NULL, 1, 1),
    ('93356', 'E09000030', 'Tower Hamlets', '2018 - 20', DATE '2018-01-01', NULL, 'Female', NULL, NULL, NULL, NULL, 'Value suppressed *', 'suppressed', 1, 2),
    ('x', 'E12000007', 'London "region" – 16–64', '2019/20', NULL, NULL, NULL, -1e-300, 0, 0, 1, 'ő £', NULL, 1, 3)`);
  await a.exec(
    `CREATE TABLE user_notes (id BIGINT, ok BOOLEAN, amount DECIMAL(10,2), saved_at TIMESTAMP, note VARCHAR)`,
  );
  await a.exec(
    `INSERT INTO user_notes VALUES (9007199254740993, true, 12.34, TIMESTAMP '2026-11-22 06:00:00', 'big id'), (NULL, NULL, NULL, NULL, NULL)`,
  );
  await saveLocalities(a, [
    {
      code: 'BD-1',
      name: 'Locality 1',
      memberType: AREA_TYPES.lsoa,
      vintage: '2021',
      parentCode: 'E09000002',
      members: rows.slice(0, 20).map((r) => r[1]!),
    },
  ]);
  await savePeerGroups(a, [LONDON_BOROUGHS, countyDistricts('E10000012', 'Essex')]);
});

afterAll(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('workspace round trip', () => {
  it('saves Parquet + manifest and reopens every table identically', async () => {
    const manifest = await saveWorkspaceDir(a, ws, {
      appVersion: '0.1.0',
      settings: { mappings: [{ columns: { area_code: 'Code' } }] },
      now: () => new Date('2026-11-22T07:00:00Z'),
    });
    expect(manifest.sources).toEqual([
      expect.objectContaining({ id: 1, sha256: 'abc123', rows: 115 }),
    ]);
    expect(manifest.settings.localities).toEqual([
      expect.objectContaining({ code: 'BD-1', members: expect.any(Array) }),
    ]);
    expect(manifest.settings.peerGroups).toHaveLength(2);
    expect(manifest.settings.mappings).toEqual([{ columns: { area_code: 'Code' } }]);
    expect(existsSync(join(ws, 'tables', 'area.parquet'))).toBe(true);

    const reopened = await openWorkspaceDir(b, ws);
    expect(reopened).toEqual(manifest);
    const names = await tables(a);
    expect(await tables(b)).toEqual(names);
    expect(names).toEqual(
      expect.arrayContaining([
        'area',
        'census',
        'observation',
        'source_file',
        'locality_member',
        'peer_group_member',
        'user_notes',
      ]),
    );
    for (const name of names) expect(await dump(b, name), name).toEqual(await dump(a, name));
  });

  it('saving again over an existing workspace replaces it', async () => {
    await a.exec(`INSERT INTO user_notes VALUES (2, false, 1.5, NULL, 'second save')`);
    await saveWorkspaceDir(a, ws, { appVersion: '0.1.0' });
    const manifest = JSON.parse(readFileSync(join(ws, 'workspace.json'), 'utf8')) as {
      tables: { name: string; rows: number }[];
    };
    expect(manifest.tables.find((t) => t.name === 'user_notes')!.rows).toBe(3);
  });

  it('native DuckDB (as R/Python users would) reads the Parquet files with their types', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const path = (t: string) => join(ws, 'tables', `${t}.parquet`).replaceAll("'", "''");
    const r1 = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n, sum(count)::INTEGER AS total FROM read_parquet('${path('census')}')`,
    );
    // The sum of the 115 Barking and Dagenham LSOA totals in the Nomis file.
    expect(r1.getRowObjects()).toEqual([{ n: 115, total: bdTotal }]);
    const r2 = await conn.runAndReadAll(
      `DESCRIBE SELECT period_start, value, source_file_id FROM read_parquet('${path('observation')}')`,
    );
    expect(r2.getRows().map((r) => [r[0], r[1]])).toEqual([
      ['period_start', 'DATE'],
      ['value', 'DOUBLE'],
      ['source_file_id', 'INTEGER'],
    ]);
    const r3 = await conn.runAndReadAll(
      `SELECT count(*)::INTEGER AS n FROM read_parquet('${path('peer_group_member')}') WHERE peer_group_id = 'london-boroughs'`,
    );
    expect(r3.getRowObjects()).toEqual([{ n: 33 }]);
    conn.closeSync();
  });

  it('a damaged workspace fails with a clear message and changes nothing', async () => {
    const before = await dump(b, 'census');
    const bad = join(dir, 'damaged');
    await saveWorkspaceDir(a, bad, { appVersion: '0.1.0' });
    writeFileSync(join(bad, 'tables', 'census.parquet'), 'not parquet');
    await expect(openWorkspaceDir(b, bad)).rejects.toThrow(
      /census.parquet is not a readable Parquet file/,
    );
    expect(await dump(b, 'census')).toEqual(before);

    const manifest = JSON.parse(readFileSync(join(ws, 'workspace.json'), 'utf8')) as {
      tables: { columns: { type: string }[] }[];
    };
    manifest.tables[0]!.columns[0]!.type = 'VARCHAR); DROP TABLE area; --';
    writeFileSync(join(bad, 'workspace.json'), JSON.stringify(manifest));
    await expect(openWorkspaceDir(b, bad)).rejects.toThrow(WorkspaceError);
    await expect(openWorkspaceDir(b, join(dir, 'nowhere'))).rejects.toThrow(/not a workspace/);
  });

  it("the browser build of parquet-wasm (the renderer's) reads what the Node build wrote", () => {
    // Same module API after init; in the renderer the wasm comes from the bundle, here from disk.
    const wasm = readFileSync(
      createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm'),
    );
    parquetEsm.initSync({ module: wasm });
    const browser = createParquetCodec(parquetEsm);
    const table = tableFromIPC(
      browser.fromParquet(readFileSync(join(ws, 'tables', 'census.parquet'))),
    );
    expect(table.numRows).toBe(115);
    expect(table.schema.fields.map((f) => f.name)).toContain('area_code');
  });
});
