/**
 * Engine benchmark (issue #2): engine start, CSV load and a group-by over a 1,000,000-row
 * indicator table, duckdb-wasm (Node blocking build, the same wasm the app runs) against native
 * DuckDB (@duckdb/node-api 1.5.5-r.5, a dev-only baseline) in the same run, medians of RUNS.
 * Target: duckdb-wasm within 3x of native on load and group-by. Results are taken as columns.
 *
 * Input: BENCH-WORKLOADS.md workload (a), built with integer arithmetic only so that every
 * tool builds identical rows: r = 0..999,999; grp = r // 100; n = 50 + (r*7919) % 1000;
 * x = floor(n * ((r*104729) % 1000)/1000 * 0.5); plus an area code and period per row
 * (area = 'E' + (8 digits of grp), period = 2010 + r % 10) to give the strings an indicator
 * table has.
 *
 * The first load in a fresh process is reported separately: wasm code is compiled in tiers, so
 * the first large load runs ~2-3x slower than later ones (the app pays this once per session).
 *
 * Run: npm run bench:engine  (RUNS=5 by default; set RUNS=N to change).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Engine } from '../shared/engine/engine';
import { createNodeEngine } from '../main/engine/nodeEngine';
import { numberColumn } from '../shared/engine/columns';
import { median, peakRssMb, printTable, time } from './stats';

const ROWS = 1_000_000;
const RUNS = Number(process.env.RUNS ?? 5);

function buildCsv(): string {
  const lines = ['area_code,period,grp,numerator,denominator'];
  for (let r = 0; r < ROWS; r++) {
    const grp = Math.floor(r / 100);
    const n = 50 + ((r * 7919) % 1000);
    const x = Math.floor(((n * ((r * 104729) % 1000)) / 1000) * 0.5);
    lines.push(`E${String(grp).padStart(8, '0')},${String(2010 + (r % 10))},${String(grp)},${String(x)},${String(n)}`);
  }
  return lines.join('\n') + '\n';
}

const COLUMNS = `columns = {'area_code': 'VARCHAR', 'period': 'INTEGER', 'grp': 'INTEGER', 'numerator': 'INTEGER', 'denominator': 'INTEGER'}`;
// The importer always knows a format's columns, so both engines get an explicit dialect and
// types rather than sniffing.
const readCsv = (file: string): string =>
  `CREATE OR REPLACE TABLE indicator AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, delim = ',', quote = '"', auto_detect = false, ${COLUMNS})`;
const GROUP_BY = `SELECT grp, sum(numerator)::DOUBLE AS x, sum(denominator)::DOUBLE AS n
  FROM indicator GROUP BY grp ORDER BY grp`;

interface Side {
  readonly name: string;
  start(): Promise<void>;
  load(): Promise<void>;
  groupBy(): Promise<number>;
  close(): Promise<void>;
}

function wasmSide(bytes: Uint8Array): Side {
  let engine!: Engine;
  return {
    name: 'duckdb-wasm',
    async start() {
      engine = await createNodeEngine();
    },
    async load() {
      await engine.registerFile('indicator.csv', bytes);
      await engine.exec(readCsv('indicator.csv'));
    },
    async groupBy() {
      const t = await engine.query(GROUP_BY);
      numberColumn(t, 'n');
      return numberColumn(t, 'x').length;
    },
    close: () => engine.close(),
  };
}

function nativeSide(path: string): Side {
  let instance!: DuckDBInstance;
  let conn!: DuckDBConnection;
  return {
    name: 'native',
    async start() {
      instance = await DuckDBInstance.create(':memory:', { threads: '2' });
      conn = await instance.connect();
    },
    async load() {
      await conn.run(readCsv(path));
    },
    async groupBy() {
      const columns = (await conn.runAndReadAll(GROUP_BY)).getColumnsJS();
      return columns[0]?.length ?? 0;
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

interface Timings {
  start: number;
  coldLoad: number;
  coldGroup: number;
  load: number[];
  group: number[];
}

async function measure(side: Side): Promise<Timings> {
  const t: Timings = { start: 0, coldLoad: 0, coldGroup: 0, load: [], group: [] };
  t.start = await time(() => side.start());
  t.coldLoad = await time(() => side.load());
  t.coldGroup = await time(() => side.groupBy());
  return t;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jsna-bench-engine-'));
  try {
    const bytes = new TextEncoder().encode(buildCsv());
    const path = join(dir, 'indicator.csv');
    writeFileSync(path, bytes);
    console.log(
      `Input: ${ROWS.toLocaleString()} rows, ${(bytes.length / 1e6).toFixed(1)} MB CSV; first (cold) run, then median of ${String(RUNS)} warm runs, the two engines interleaved.`,
    );
    const wasm = wasmSide(bytes);
    const native = nativeSide(path);
    const w = await measure(wasm);
    const n = await measure(native);
    for (let i = 0; i < RUNS; i++) {
      for (const [side, t] of [[wasm, w], [native, n]] as const) {
        t.load.push(await time(() => side.load()));
        let groups = 0;
        t.group.push(await time(async () => (groups = await side.groupBy())));
        if (groups !== 10_000) throw new Error(`${side.name}: group-by returned ${String(groups)} groups, expected 10,000`);
      }
    }
    await wasm.close();
    await native.close();
    const row = (label: string, a: number, b: number, target?: number) => ({
      step: label,
      'duckdb-wasm ms': a,
      'native ms': b,
      'wasm/native': a / b,
      target: target === undefined ? '-' : `<= ${String(target)}x ${a / b <= target ? 'MET' : 'MISSED'}`,
    });
    printTable('Engine: duckdb-wasm (Node, 1 thread) vs native DuckDB (2 threads), 1M-row indicator table', [
      row('engine start', w.start, n.start),
      row('load CSV, first run (cold wasm)', w.coldLoad, n.coldLoad),
      row('group-by, first run', w.coldGroup, n.coldGroup),
      row('load CSV (median)', median(w.load), median(n.load), 3),
      row('group-by 10,000 groups -> columns (median)', median(w.group), median(n.group), 3),
    ]);
    console.log(`Peak RSS of this process: ${peakRssMb().toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
