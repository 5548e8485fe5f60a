/**
 * Methods benchmark (issue #3): the shared statistical methods called directly in a plain Node
 * process, on the BENCH-WORKLOADS.md inputs, against the PHEindicatormethods 2.1.0 reference
 * medians taken on this machine class (2 vCPU, R single-threaded). Target: at least 10x faster
 * than R.
 *
 * Inputs are built with integer arithmetic only, exactly as BENCH-WORKLOADS.md gives them, so R
 * and TypeScript see identical data (`%` modulo, `//` integer division; r, a, b, i 0-based, d
 * 1-based):
 *
 * (a) proportion per group, Wilson 95% and 99.8%, multiplier 100; 1,000,000 rows -> 10,000 groups:
 *     r = 0..999,999; grp = r // 100; n = 50 + (r*7919) % 1000;
 *     x = floor(n * ((r*104729) % 1000)/1000 * 0.5)            (evaluated left to right, as R does)
 * (b) DSR per area (Dobson, ESP2013, per 100,000), 95% and 99.8%; 10,000 areas x 19 bands:
 *     a = 0..9999, b = 0..18; pop = 1000 + (31a + 17b) % 5000;
 *     m = 1e-4 * exp(0.08*(5b + 2.5)) * (0.5 + ((13a + 7b) % 10)/10); count = floor(pop*m);
 *     stdpop = ESP2013[b] (here: the ESP2013 band label of b, joined by the method)
 * (c) life expectancy per area (Chiang II, 95%), all start ages; 1,000 areas x 20 bands:
 *     a = 0..999, i = 0..19; startage = (0,1,5,10,...,90)[i]; width = (1,4,5 x17,10)[i];
 *     pop = round((2000 + (37a + 11i) % 8000) * width/5); mid = (0.5,3,7.5,12.5,...,87.5,95)[i];
 *     m = 0.004 if mid < 1, 0.00015 if mid < 5, else 2.2e-5*exp(0.089*mid);
 *     m *= (0.8 + ((7a + 3i) % 40)/100); deaths = round(pop*m)       (round: R's, half to even)
 * (d) SII per area, value type "other", 100,000 simulations, 95%; 300 areas x 10 deciles:
 *     a = 0..299, d = 1..10; population = 10000 + (101a + 37d) % 20000;
 *     value = 75 + 0.8d + ((13a + 7d) % 10)/10; se = 0.3 + ((17a + 11d) % 60)/100
 *
 * Only the method call is timed (inputs are built once per process, as the R runs time the
 * function on a ready data frame). Each workload runs in its own child process, so its peak RSS
 * (process.resourceUsage().maxRSS) is its own: the inputs plus the method's working memory.
 *
 * (d2) is (d) split across one worker thread per CPU by the CLI's driver (siiInWorkers, using the
 * shared method's `areaRange`): the same numbers, printed side by side as a check.
 *
 * Run: npm run bench:methods   (RUNS=5 for a-c and SII_RUNS=3 by default; WORKLOADS=a,b to pick)
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dsr } from '../shared/methods/dsr';
import { ESP2013 } from '../shared/methods/esp2013';
import { lifeExpectancy } from '../shared/methods/lifeExpectancy';
import { proportion } from '../shared/methods/proportion';
import type { SiiOptions, SiiResult } from '../shared/methods/sii';
import { sii } from '../shared/methods/sii';
import { siiInWorkers } from '../main/cli/calc/siiParallel';
import { median, peakRssMb, printTable, time } from './stats';

const RUNS = Number(process.env.RUNS ?? 5);
const SII_RUNS = Number(process.env.SII_RUNS ?? 3);

interface Workload {
  readonly id: string;
  readonly what: string;
  readonly rows: string;
  /** PHEindicatormethods 2.1.0 median on this machine class, seconds (BENCH-WORKLOADS.md). */
  readonly rSeconds: number;
  readonly runs: number;
  /** Builds the inputs once and returns the timed call, which returns a result check. */
  prepare(): (() => string | Promise<string>) | undefined;
}

// ---- (a) proportion --------------------------------------------------------------------------
function prepareProportion(): () => string {
  const rows = 1_000_000;
  const x = new Float64Array(rows);
  const n = new Float64Array(rows);
  const grp = new Array<number>(rows);
  for (let r = 0; r < rows; r++) {
    grp[r] = Math.floor(r / 100);
    n[r] = 50 + ((r * 7919) % 1000);
    x[r] = Math.floor(((n[r]! * ((r * 104729) % 1000)) / 1000) * 0.5);
  }
  return () => {
    const out = proportion({
      numerator: x,
      denominator: n,
      groupBy: { grp },
      confidence: [0.95, 0.998],
      multiplier: 100,
    });
    return expectGroups(out.length, 10_000, out[9_999]?.value);
  };
}

// ---- (b) DSR ---------------------------------------------------------------------------------
function prepareDsr(): () => string {
  const areas = 10_000;
  const bands = 19;
  const rows = areas * bands;
  const count = new Float64Array(rows);
  const pop = new Float64Array(rows);
  const ageBand = new Array<string>(rows);
  const area = new Array<number>(rows);
  for (let a = 0, row = 0; a < areas; a++) {
    for (let b = 0; b < bands; b++, row++) {
      const p = 1000 + ((31 * a + 17 * b) % 5000);
      const m = 1e-4 * Math.exp(0.08 * (5 * b + 2.5)) * (0.5 + ((13 * a + 7 * b) % 10) / 10);
      area[row] = a;
      ageBand[row] = ESP2013.bands[b]!;
      pop[row] = p;
      count[row] = Math.floor(p * m);
    }
  }
  return () => {
    const out = dsr({
      count,
      population: pop,
      ageBand,
      groupBy: { area },
      standard: ESP2013,
      confidence: [0.95, 0.998],
      multiplier: 100_000,
    });
    return expectGroups(out.length, areas, out[areas - 1]?.value);
  };
}

// ---- (c) life expectancy ---------------------------------------------------------------------
/** The (c) inputs: 1,000 areas x 20 bands, as columns. */
function lifeExpectancyInputs(): {
  area: number[];
  startAge: Float64Array;
  population: Float64Array;
  deaths: Float64Array;
} {
  const areas = 1000;
  const bands = 20;
  const startAges = [0, 1, ...Array.from({ length: 18 }, (_, k) => 5 * (k + 1))];
  const widths = [1, 4, ...Array.from({ length: 17 }, () => 5), 10];
  const mids = [0.5, 3, ...Array.from({ length: 17 }, (_, k) => 7.5 + 5 * k), 95];
  const rows = areas * bands;
  const area = new Array<number>(rows);
  const startAge = new Float64Array(rows);
  const population = new Float64Array(rows);
  const deaths = new Float64Array(rows);
  for (let a = 0, row = 0; a < areas; a++) {
    for (let i = 0; i < bands; i++, row++) {
      const p = roundHalfEven(((2000 + ((37 * a + 11 * i) % 8000)) * widths[i]!) / 5);
      const mid = mids[i]!;
      let m = mid < 1 ? 0.004 : mid < 5 ? 0.00015 : 2.2e-5 * Math.exp(0.089 * mid);
      m *= 0.8 + ((7 * a + 3 * i) % 40) / 100;
      area[row] = a;
      startAge[row] = startAges[i]!;
      population[row] = p;
      deaths[row] = roundHalfEven(p * m);
    }
  }
  return { area, startAge, population, deaths };
}

function prepareLifeExpectancy(): () => string {
  const { area, startAge, population, deaths } = lifeExpectancyInputs();
  return () => {
    const out = lifeExpectancy({
      startAge,
      population,
      deaths,
      groupBy: { area },
      confidence: 0.95,
    });
    if (out.warnings.length > 0) throw new Error(`unexpected warning: ${out.warnings[0]!.message}`);
    return expectGroups(out.records.length, 1000 * 20, out.records.at(-1)?.value);
  };
}

// ---- (d) SII ---------------------------------------------------------------------------------
/** The (d) inputs: 300 areas x 10 deciles, as `sii` options. */
function siiInputs(): SiiOptions {
  const areas = 300;
  const deciles = 10;
  const rows = areas * deciles;
  const area = new Array<number>(rows);
  const quantile = new Float64Array(rows);
  const population = new Float64Array(rows);
  const value = new Float64Array(rows);
  const se = new Float64Array(rows);
  for (let a = 0, row = 0; a < areas; a++) {
    for (let d = 1; d <= deciles; d++, row++) {
      area[row] = a;
      quantile[row] = d;
      population[row] = 10000 + ((101 * a + 37 * d) % 20000);
      value[row] = 75 + 0.8 * d + ((13 * a + 7 * d) % 10) / 10;
      se[row] = 0.3 + ((17 * a + 11 * d) % 60) / 100;
    }
  }
  const options = { quantile, population, value, se, groupBy: { area } };
  return { ...options, valueType: 'other', repetitions: 100_000, confidence: 0.95 };
}

/** The last area's SII and 95% limits, to show that both runs give the same numbers. */
function siiCheck(out: SiiResult): string {
  const last = out.records.at(-1)?.sii;
  const limits = `[${String(last?.lower95)}, ${String(last?.upper95)}]`;
  return `${expectGroups(out.records.length, 300, last?.value)}, limits ${limits}`;
}

function prepareSii(): () => string {
  const options = siiInputs();
  return () => siiCheck(sii(options));
}

/**
 * (d) again, split across worker threads by the CLI's driver (main/cli/calc/siiParallel.ts):
 * each worker runs the shared `sii` on a slice of the areas (`areaRange`), so the numbers are
 * the same doubles as the single-threaded run; the time includes starting the workers.
 */
function prepareSiiWorkers(): () => Promise<string> {
  const options = siiInputs();
  return async () => siiCheck(await siiInWorkers(options, availableParallelism()));
}

/** R's `round()` for these inputs: nearest integer, ties to even (IEC 60559). */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
}

/** Guards against timing a broken path: the right number of groups and a finite last value. */
function expectGroups(got: number, want: number, last: number | null | undefined): string {
  if (got !== want) throw new Error(`expected ${String(want)} results, got ${String(got)}`);
  if (last === null || last === undefined || !Number.isFinite(last))
    throw new Error(`last result is ${String(last)}`);
  return `${String(got)} results, last value ${last.toPrecision(6)}`;
}

const WORKLOADS: readonly Workload[] = [
  {
    id: 'a',
    what: 'proportion, Wilson 95%+99.8%',
    rows: '1,000,000 rows -> 10,000 groups',
    rSeconds: 3.08,
    runs: RUNS,
    prepare: prepareProportion,
  },
  {
    id: 'b',
    what: 'DSR, Dobson, ESP2013, 95%+99.8%',
    rows: '10,000 areas x 19 bands',
    rSeconds: 4.94,
    runs: RUNS,
    prepare: prepareDsr,
  },
  {
    id: 'c',
    what: 'life expectancy, Chiang II, 95%',
    rows: '1,000 areas x 20 bands',
    rSeconds: 4.38,
    runs: RUNS,
    prepare: prepareLifeExpectancy,
  },
  {
    id: 'd',
    what: 'SII, 100,000 simulations, 95%',
    rows: '300 areas x 10 deciles',
    rSeconds: 151.5,
    runs: SII_RUNS,
    prepare: prepareSii,
  },
  {
    id: 'd2',
    what: `SII as (d), ${String(availableParallelism())} worker threads`,
    rows: '300 areas x 10 deciles',
    rSeconds: 151.5,
    runs: SII_RUNS,
    prepare: prepareSiiWorkers,
  },
];

/** One workload's figures, passed from the child process as one JSON line. */
interface Result {
  readonly id: string;
  readonly seconds: number[];
  /** CPU seconds (user + system) of each run: wall time minus waiting for a shared CPU. */
  readonly cpuSeconds: number[];
  readonly peakMb: number;
  readonly check: string;
  readonly error?: string;
}

async function runOne(workload: Workload): Promise<Result> {
  const call = workload.prepare();
  if (call === undefined) {
    return {
      id: workload.id,
      seconds: [],
      cpuSeconds: [],
      peakMb: peakRssMb(),
      check: '',
      error: 'method not available in this build',
    };
  }
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let check = '';
  for (let k = 0; k < workload.runs; k++) {
    const cpu = process.cpuUsage();
    seconds.push(
      (await time(async () => {
        check = await call();
      })) / 1000,
    );
    const used = process.cpuUsage(cpu);
    cpuSeconds.push((used.user + used.system) / 1e6);
  }
  return { id: workload.id, seconds, cpuSeconds, peakMb: peakRssMb(), check };
}

function runChild(workload: Workload): Result {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--import', 'tsx', self, '--workload', workload.id], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  if (child.status !== 0 || line === undefined) {
    return {
      id: workload.id,
      seconds: [],
      cpuSeconds: [],
      peakMb: 0,
      check: '',
      error: `child exited with ${String(child.status)}`,
    };
  }
  return JSON.parse(line) as Result;
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--workload');
  if (one >= 0) {
    const workload = WORKLOADS.find((w) => w.id === process.argv[one + 1]);
    if (workload === undefined)
      throw new Error(`unknown workload ${String(process.argv[one + 1])}`);
    console.log(JSON.stringify(await runOne(workload)));
    return;
  }
  const pick = (process.env.WORKLOADS ?? 'a,b,c,d,d2').split(',');
  console.log(
    `Shared methods on the BENCH-WORKLOADS.md inputs, one child process per workload; median of ${String(RUNS)} runs (SII: ${String(SII_RUNS)}).`,
  );
  // Wall time is the target's measure, but on a shared machine it includes waiting for a CPU;
  // CPU time (user + system) is what the run would take alone, so both are reported.
  const load = () => loadavg()[0]!.toFixed(1);
  console.log(`CPUs: ${String(availableParallelism())}; load average at start: ${load()}`);
  const rows = [];
  let failed = false;
  for (const w of WORKLOADS.filter((x) => pick.includes(x.id))) {
    const r = runChild(w);
    const target = w.rSeconds / 10;
    if (r.error !== undefined || r.seconds.length === 0) {
      rows.push({
        step: `(${w.id}) ${w.what}`,
        rows: w.rows,
        'median s': '-',
        'R s': w.rSeconds,
        'R/ours': '-',
        target: `<= ${target.toPrecision(2)} s`,
        result: r.error ?? 'no runs',
        'peak MB': r.peakMb,
      });
      if (r.error?.startsWith('child') === true) failed = true;
      continue;
    }
    const m = median(r.seconds);
    rows.push({
      step: `(${w.id}) ${w.what}`,
      rows: w.rows,
      'median s': m.toFixed(3),
      'min..max s': `${Math.min(...r.seconds).toFixed(3)}..${Math.max(...r.seconds).toFixed(3)}`,
      'CPU s': median(r.cpuSeconds).toFixed(3),
      'R s': w.rSeconds,
      'R/ours': `${(w.rSeconds / m).toFixed(1)}x`,
      target: `<= ${target.toPrecision(2)} s (10x)`,
      result: m <= target ? 'MET' : 'MISSED',
      'on CPU s': median(r.cpuSeconds) <= target ? 'MET' : 'MISSED',
      'peak MB': r.peakMb,
    });
    console.log(
      `  (${w.id}) ${r.check}; runs: ${r.seconds.map((s) => s.toFixed(3)).join(', ')} s wall, ${r.cpuSeconds.map((s) => s.toFixed(3)).join(', ')} s CPU`,
    );
  }
  printTable('Methods vs PHEindicatormethods 2.1.0 (R medians from BENCH-WORKLOADS.md)', rows);
  console.log(
    `Load average at end: ${load()} (wall times include waiting for a CPU when it is above the CPU count).`,
  );
  if (failed) process.exitCode = 1;
}

await main();
