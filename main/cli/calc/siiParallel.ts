/**
 * The SII simulation split across worker threads, with the same result as one `sii` call.
 *
 * `sii` simulates areas one after another from one R generator; its `areaRange` option computes
 * a contiguous slice of that order with the generator advanced exactly past the earlier areas'
 * draws (shared/methods/sii.ts). So each worker takes one slice, and the records, merged back in
 * the full run's order, are the same doubles as a single-threaded run (tested).
 *
 * Worth it only for large runs: a worker costs ~0.3 s to start (tsx), while 100,000 simulations
 * of one area take ~35 ms.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { groupRows, rowCount } from '../../../shared/methods/columns';
import { MethodInputError } from '../../../shared/methods/errors';
import type { SiiOptions, SiiRecord, SiiResult } from '../../../shared/methods/sii';
import { sii } from '../../../shared/methods/sii';

/** What a worker posts back (see siiWorker.ts). */
export type WorkerReply =
  | { readonly result: SiiResult }
  | {
      readonly inputError: {
        readonly message: string;
        readonly group: string | undefined;
        readonly field: string;
      };
    };

/** Simulated draws (areas x repetitions) above which the automatic choice uses workers. */
export const PARALLEL_THRESHOLD = 2_000_000;

/** Threads to use when none is asked for: one per CPU for large runs, otherwise none. */
export function defaultThreads(areas: number, repetitions: number): number {
  return areas * repetitions >= PARALLEL_THRESHOLD ? Math.min(availableParallelism(), areas) : 1;
}

function runWorker(options: SiiOptions, workers: Worker[]): Promise<SiiResult> {
  return new Promise((done, fail) => {
    const worker = new Worker(new URL('./tsWorker.mjs', import.meta.url), {
      workerData: { entry: new URL('./siiWorker.ts', import.meta.url).href, options },
    });
    workers.push(worker);
    worker.once('message', (reply: WorkerReply) => {
      if ('result' in reply) done(reply.result);
      else
        fail(
          new MethodInputError(
            reply.inputError.message,
            reply.inputError.group,
            reply.inputError.field,
          ),
        );
    });
    worker.once('error', fail);
    worker.once('exit', (code) => {
      if (code !== 0) fail(new Error(`SII worker exited with code ${String(code)}`));
    });
  });
}

/**
 * `sii(options)` on `threads` worker threads (1: in this thread; default `defaultThreads`). With
 * `random` given it always runs in this thread, since only the built-in generator can be split.
 */
export async function siiInWorkers(options: SiiOptions, threads?: number): Promise<SiiResult> {
  const rows = rowCount({ quantile: options.quantile });
  const groups = groupRows(options.groupBy, rows);
  const wanted = threads ?? defaultThreads(groups.count, options.repetitions ?? 100_000);
  const parts = Math.min(wanted, groups.count);
  if (parts <= 1 || options.random !== undefined) return sii(options);
  // Contiguous, near-equal slices of the simulation order (positions past the last kept area
  // are simply empty, so dropped areas need no special case).
  const bounds = Array.from({ length: parts + 1 }, (_, k) =>
    Math.round((k * groups.count) / parts),
  );
  const workers: Worker[] = [];
  let results: SiiResult[];
  try {
    results = await Promise.all(
      bounds
        .slice(0, -1)
        .map((from, k) => runWorker({ ...options, areaRange: [from, bounds[k + 1]!] }, workers)),
    );
  } catch (error) {
    // One slice failed (e.g. bad input): stop the others rather than wait for them.
    await Promise.all(workers.map((w) => w.terminate()));
    throw error;
  }
  // Back into the full run's order: first-seen group order, by label.
  const position = new Map(groups.labels.map((label, g) => [label, g]));
  const records: SiiRecord[] = results
    .flatMap((r) => r.records)
    .sort((a, b) => position.get(a.label)! - position.get(b.label)!);
  // Every worker reports the same warnings (e.g. areas left out); keep one copy.
  return { records, warnings: results[0]!.warnings, method: results[0]!.method };
}
