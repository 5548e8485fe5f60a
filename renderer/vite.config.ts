/**
 * Vite build of the renderer: root renderer/, output dist/renderer, relative base (the app is
 * served from app:// in Electron and from localhost in the browser build). DuckDB's wasm and
 * worker are bundled as assets by `?url` imports in src/engine/workerEngine.ts; the demo
 * workspace's fixture files are copied to dist/renderer/demo/ by the plugin below.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { DEMO_FILES } from './src/demo/demoFiles';

const here = dirname(fileURLToPath(import.meta.url));
const { version } = JSON.parse(readFileSync(join(here, '..', 'package.json'), 'utf8')) as {
  version: string;
};
const fixturesDir = join(here, '..', 'fixtures', 'data');

/** Serve the demo fixtures under demo/ in dev, and emit them as build assets. */
function demoWorkspace(): Plugin {
  return {
    name: 'jsna-demo-workspace',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = DEMO_FILES.find((f) => req.url === `/demo/${f.name}`);
        if (file === undefined) return next();
        res.setHeader('Content-Type', 'text/csv');
        res.end(readFileSync(join(fixturesDir, file.fixture)));
      });
    },
    generateBundle() {
      for (const file of DEMO_FILES) {
        this.emitFile({
          type: 'asset',
          fileName: `demo/${file.name}`,
          source: readFileSync(join(fixturesDir, file.fixture)),
        });
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), demoWorkspace()],
  // Recorded in every exported figure (renderer/src/app/version.ts).
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: join(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // duckdb-eh.wasm is ~33 MB and Plotly ~4.6 MB; both are expected, nothing to warn about.
    chunkSizeWarningLimit: 5000,
    // Never inline the wasm or worker as data: URLs (CSP and size); keep them as files.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
});
