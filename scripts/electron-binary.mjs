// Finds a local Electron executable WITHOUT triggering a download.
//
// `require('electron')` is the usual way to get the path, but from Electron 42 on it downloads
// the binary when it is missing (node_modules/electron/index.js), which on these offline
// machines means a doomed network attempt. So this repeats its lookup and only checks the disk:
//   1. ELECTRON_OVERRIDE_DIST_PATH: a folder holding an unpacked Electron (as index.js reads
//      it), or the executable itself (as install.js reads it);
//   2. node_modules/electron/dist/<platform path>, when a binary was installed there.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The executable's path inside an unpacked Electron, as node_modules/electron/install.js names it. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/** The installed electron package's version, for messages. */
export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

/**
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ path: string } | { path: null, looked: string[] }}
 */
export function findElectronBinary(env = process.env) {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : platformExecutable();
  const looked = [];
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const candidates =
      existsSync(override) && statSync(override).isFile()
        ? [override]
        : [join(override, executable)];
    for (const candidate of candidates) {
      looked.push(candidate);
      if (existsSync(candidate)) return { path: candidate };
    }
  }
  const installed = join(packageDir, 'dist', executable);
  looked.push(installed);
  if (existsSync(installed)) return { path: installed };
  return { path: null, looked };
}
