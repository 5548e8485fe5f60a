/** The app version recorded in workspaces and exports: package.json's, read once. */
import { createRequire } from 'node:module';

let cached: string | undefined;

export function appVersion(): string {
  cached ??= (createRequire(import.meta.url)('../../../package.json') as { version: string })
    .version;
  return cached;
}
