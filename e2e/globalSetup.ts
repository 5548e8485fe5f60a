/** Serve the built renderer once for all e2e files; tests read the URL with inject('rendererUrl'). */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
// @ts-expect-error -- plain .mjs script (its CLI is used by `npm start`), no type declarations
import { serveRenderer } from '../scripts/serve-renderer.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererUrl: string;
    rendererCsp: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error(
      'dist/renderer is missing: run `npm run build:renderer` (or `npm run test:e2e`, which builds first).',
    );
  }
  const server = (await serveRenderer({ port: 0 })) as {
    url: string;
    csp: string;
    close: () => Promise<void>;
  };
  project.provide('rendererUrl', server.url);
  project.provide('rendererCsp', server.csp);
  return () => server.close();
}
