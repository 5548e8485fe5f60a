/**
 * One measured import in a fresh process (so that peak memory is this load's alone):
 * `tsx bench/import/worker.ts <wasm|native> <file>`. Prints one JSON line: engine start and
 * import times (ms, wall and CPU), rows read and written, peak RSS (MB, from the kernel's maxRSS, so
 * synchronous wasm work that no timer could sample is included).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Engine } from '../../shared/engine/engine';
import { importFile } from '../../shared/import/index';
import { createSchema } from '../../shared/model/schema';
import { createNodeEngine } from '../../main/engine/nodeEngine';
import { createNativeEngine } from './nativeEngine';

const [kind, file] = process.argv.slice(2);
if ((kind !== 'wasm' && kind !== 'native') || file === undefined)
  throw new Error('usage: worker.ts <wasm|native> <file>');

const t0 = performance.now();
const engine: Engine = kind === 'wasm' ? await createNodeEngine() : await createNativeEngine();
await createSchema(engine);
const startMs = performance.now() - t0;
const bytes = new Uint8Array(readFileSync(file));
const t1 = performance.now();
const cpu0 = process.cpuUsage();
const report = await importFile(engine, { name: basename(file), bytes });
const importMs = performance.now() - t1;
// CPU time (user + system, all threads): a fairer figure than wall time on a shared machine.
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
if (report.status !== 'imported') throw new Error(`${file}: ${report.status}`);
const written = Object.values(report.rowsWritten).reduce((a, b) => a + (b ?? 0), 0);
console.log(
  JSON.stringify({
    kind,
    file: basename(file),
    startMs,
    importMs,
    cpuMs,
    rowsRead: report.rowsRead,
    rowsWritten: written,
    problems: report.problems.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
await engine.close();
