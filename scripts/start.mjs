#!/usr/bin/env node
// `npm start`: build, then run the desktop app if an Electron binary is on this machine;
// otherwise serve the same renderer on localhost for a browser, and say why.
//
//   node scripts/start.mjs [--no-build] [--browser] [--port N]
//     --no-build  use what is already in dist/
//     --browser   serve in the browser even if Electron is available
//     --port N    port for the browser build (default 4173; 0 picks a free one)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import process from 'node:process';
import { electronVersion, findElectronBinary, platformExecutable } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = { build: true, browser: false, port: 4173 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--browser') options.browser = true;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else
      throw new Error(
        `Unknown argument "${arg}". Usage: npm start -- [--no-build] [--browser] [--port N]`,
      );
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new Error('--port needs a whole number from 0 to 65535.');
  return options;
}

function run(label, args) {
  console.log(`> ${label}`);
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${label} failed (exit ${String(result.status ?? result.signal)}).`);
}

function build() {
  run('build renderer (vite)', [
    path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--config',
    'renderer/vite.config.ts',
  ]);
  run('build main and preload (esbuild)', [path.join(root, 'scripts', 'build-main.mjs')]);
}

function launchElectron(binary) {
  console.log(`Starting JSNA Workbench with Electron at ${binary}`);
  const env = { ...process.env };
  // If set, Electron would run as plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

async function serveInBrowser(port, why) {
  const serverScript = path.join(root, 'scripts', 'serve-renderer.mjs');
  if (!existsSync(serverScript))
    throw new Error(
      'scripts/serve-renderer.mjs is missing, so the browser build cannot be served.',
    );
  const { serveRenderer } = await import(serverScript);
  let server;
  try {
    server = await serveRenderer({ port });
  } catch (error) {
    if (error?.code !== 'EADDRINUSE' || port === 0) throw error;
    server = await serveRenderer({ port: 0 });
  }
  console.log('');
  console.log(`JSNA Workbench (browser build) is at ${server.url}`);
  console.log(
    'Open it in Chrome, Edge or Firefox on this machine. Only this machine can reach it; nothing is sent anywhere.',
  );
  console.log('');
  for (const line of why) console.log(line);
  console.log('');
  console.log('Press Ctrl+C to stop.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function noElectronExplanation(looked) {
  const version = electronVersion();
  const platform = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch}`;
  return [
    'The desktop shell is unavailable: there is no Electron binary on this machine.',
    `  Looked for: ${looked.join(', ')}`,
    '  Electron downloads its binary from GitHub on first run, and this machine cannot reach GitHub.',
    'To run the desktop app, get an unpacked Electron of the same version and point npm start at it:',
    `  1. Obtain electron-v${version}-${platform}.zip (from https://github.com/electron/electron/releases on a`,
    "     machine with internet access, or from your IT team's software store) and unzip it to a folder.",
    `  2. ELECTRON_OVERRIDE_DIST_PATH=/path/to/that/folder npm start   (the folder holding ${platformExecutable()})`,
  ];
}

try {
  const options = parseArgs(process.argv.slice(2));
  if (options.build) build();
  const found = findElectronBinary();
  if (!options.browser && found.path !== null) {
    launchElectron(found.path);
  } else {
    const why =
      found.path === null
        ? noElectronExplanation(found.looked)
        : ['Serving in the browser because --browser was given.'];
    await serveInBrowser(options.port, why);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
