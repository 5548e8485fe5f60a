/**
 * Import benchmark (issue #4): `importFile` (the app's loader) on duckdb-wasm in Node against
 * the same `importFile` on native DuckDB (@duckdb/node-api 1.5.5-r.5, bench/import/nativeEngine.ts)
 * in the same run, so the ratio measures the engine under the same JS. Each load runs in a fresh
 * child process (bench/import/worker.ts), so peak RSS is that load's alone; medians of RUNS.
 *
 * Workloads:
 *  - fingertips-1m: 1,000,000 rows built from the real Fingertips export by the documented rule in
 *    bench/import/fingertipsReplica.ts (written once to .tmp/bench/);
 *  - ts007a-lsoa: the real Nomis TS007A LSOA 2021 file (35,672 rows x 19 counts -> 677,768 census rows);
 *  - typical extracts (<100k rows): the real Fingertips export (852 rows) and IMD 2019 MSOA scores.
 * Targets: wasm within 3x of native; peak RSS < 1.5 GB for the 1M file; a typical extract < 2 s.
 *
 * Run: npm run bench:import  (RUNS=3 by default; ROWS=N to change the 1M size; ONLY=name to run one workload).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFingertipsReplica } from './import/fingertipsReplica';
import { median, printTable } from './stats';

const ROOT = join(import.meta.dirname, '..');
const DATA = join(ROOT, 'fixtures', 'data');
const RUNS = Number(process.env.RUNS ?? 3);
const ROWS = Number(process.env.ROWS ?? 1_000_000);
const TMP = join(ROOT, '.tmp', 'bench');

interface Result {
  kind: 'wasm' | 'native';
  startMs: number;
  importMs: number;
  cpuMs: number;
  rowsRead: number;
  rowsWritten: number;
  peakRssMb: number;
}

function worker(kind: 'wasm' | 'native', file: string): Promise<Result | { error: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'import', 'worker.ts'), kind, file],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
        env: { ...process.env, HOME: process.env.HOME ?? TMP },
      },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        if (error || !line.startsWith('{'))
          resolve({ error: (stderr || String(error)).split('\n').slice(0, 6).join(' ') });
        else resolve(JSON.parse(line) as Result);
      },
    );
  });
}

function replicaFile(): string {
  mkdirSync(TMP, { recursive: true });
  const file = join(TMP, `fingertips-replica-${String(ROWS)}.csv`);
  if (!existsSync(file)) {
    const bytes = buildFingertipsReplica(
      join(DATA, 'fingertips', 'indicators-CountyUA.data.csv'),
      ROWS,
    );
    writeFileSync(file, bytes);
    console.log(`built ${file} (${(bytes.length / 1e6).toFixed(1)} MB)`);
  }
  return file;
}

const workloads: [name: string, file: () => string][] = [
  ['fingertips-1m', replicaFile],
  [
    'ts007a-lsoa',
    () => join(DATA, 'census2021', 'nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv'),
  ],
  ['fingertips-real', () => join(DATA, 'fingertips', 'indicators-CountyUA.data.csv')],
  ['imd-msoa', () => join(DATA, 'imd2019', 'msoa_IMD19_scores.csv')],
];

const rows: Record<string, string | number>[] = [];
const summary: Record<string, unknown>[] = [];
for (const [name, fileOf] of workloads) {
  if (process.env.ONLY !== undefined && process.env.ONLY !== name) continue;
  const file = fileOf();
  const results: Record<'wasm' | 'native', Result[]> = { wasm: [], native: [] };
  const errors: string[] = [];
  for (let run = 0; run < RUNS; run++)
    // Alternate the order so that neither engine always runs on a warmer machine.
    for (const kind of run % 2 === 0
      ? (['wasm', 'native'] as const)
      : (['native', 'wasm'] as const)) {
      const r = await worker(kind, file);
      if ('error' in r) errors.push(`${kind}: ${r.error}`);
      else results[kind].push(r);
    }
  if (errors.length > 0)
    console.error(`${name}: ${String(errors.length)} failed run(s): ${errors[0]!}`);
  const med = (kind: 'wasm' | 'native', key: keyof Omit<Result, 'kind'>) =>
    median(results[kind].map((r) => r[key]));
  for (const kind of ['wasm', 'native'] as const) {
    if (results[kind].length === 0) continue;
    const importS = med(kind, 'importMs') / 1000;
    rows.push({
      step: name,
      engine: kind,
      runs: String(results[kind].length),
      'rows read': String(results[kind][0]!.rowsRead),
      'rows written': String(results[kind][0]!.rowsWritten),
      'import s': importS,
      'cpu s': med(kind, 'cpuMs') / 1000,
      'rows/s': String(Math.round(results[kind][0]!.rowsRead / importS)),
      'peak MB': med(kind, 'peakRssMb'),
      'start s': med(kind, 'startMs') / 1000,
    });
  }
  if (results.wasm.length > 0 && results.native.length > 0)
    summary.push({
      workload: name,
      'wasm/native (wall)': med('wasm', 'importMs') / med('native', 'importMs'),
      'wasm/native (cpu)': med('wasm', 'cpuMs') / med('native', 'cpuMs'),
      'wasm peak MB': med('wasm', 'peakRssMb'),
      'wasm import s': med('wasm', 'importMs') / 1000,
    });
}
printTable(
  `Import benchmark (importFile), medians of ${String(RUNS)} runs, one process per load`,
  rows as never,
);
printTable(
  'Ratios and targets (wasm/native <= 3; 1M peak < 1536 MB; typical extract < 2 s)',
  summary.map(({ workload, ...rest }) => ({ step: String(workload), ...rest })) as never,
);
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(ROOT, 'bench', 'results', 'import.json'),
  JSON.stringify({ runs: RUNS, rows, summary }, null, 2),
);
