// Types for electron-binary.mjs (imported by e2e/electron.test.ts).
export function platformExecutable(platform?: NodeJS.Platform | 'mas'): string;
export function electronVersion(): string;
export function findElectronBinary(
  env?: NodeJS.ProcessEnv,
): { path: string } | { path: null; looked: string[] };
