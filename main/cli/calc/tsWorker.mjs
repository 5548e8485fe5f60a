// Worker bootstrap for TypeScript worker modules: registers tsx in this worker (as
// bin/jsna-workbench.mjs does for the main thread), then runs the module named in workerData.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
