/**
 * Worker entry for `siiInWorkers`: runs the shared `sii` on its `areaRange` and posts the result,
 * or the input error (as plain data: errors do not survive postMessage with their class).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { MethodInputError } from '../../../shared/methods/errors';
import type { SiiOptions } from '../../../shared/methods/sii';
import { sii } from '../../../shared/methods/sii';
import type { WorkerReply } from './siiParallel';

const { options } = workerData as { options: SiiOptions };
let reply: WorkerReply;
try {
  reply = { result: sii(options) };
} catch (error) {
  if (!(error instanceof MethodInputError)) throw error;
  const prefix =
    error.group === undefined ? `${error.field}: ` : `${error.group}, ${error.field}: `;
  const message = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  reply = { inputError: { message, group: error.group, field: error.field } };
}
parentPort!.postMessage(reply);
