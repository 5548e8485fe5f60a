#!/usr/bin/env node
// Bundles the Electron main process and the preload to dist/main as CommonJS:
//   dist/main/main.cjs     (package.json "main")
//   dist/main/preload.cjs  (sandboxed preloads cannot load ES modules, and may require only
//                           'electron' and a few built-ins, so shared/ code is bundled in)
// `electron` stays external: the runtime provides it.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'main');

// Electron 45 ships Node 22 and Chromium 140.
const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

await rm(outdir, { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { main: 'main/desktop/main.ts' },
    platform: 'node',
    target: 'node22',
    outdir,
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    entryPoints: { preload: 'main/desktop/preload.ts' },
    platform: 'browser',
    target: 'chrome140',
    outdir,
    outExtension: { '.js': '.cjs' },
  }),
]);
console.log(`Built ${path.relative(root, outdir)}/main.cjs and preload.cjs`);
