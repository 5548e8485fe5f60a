#!/usr/bin/env node
/**
 * A small static server for the built renderer (dist/renderer) on localhost: the browser build
 * for end-to-end tests and for machines without Electron (`npm start` falls back to it).
 *
 * - Listens on 127.0.0.1 only; nothing outside the machine can reach it.
 * - Sends the renderer's Content Security Policy as a header on every response, read from the
 *   built index.html's meta tag so that there is one copy of the policy (workers take the CSP
 *   of their own response, which the meta tag cannot give them).
 * - Serves files under the root only (no traversal), with the MIME types the app needs
 *   (application/wasm lets the browser compile DuckDB while streaming).
 *
 * CLI: node scripts/serve-renderer.mjs [--port N] [--root DIR]   (prints the URL)
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const DEFAULT_ROOT = fileURLToPath(new URL('../dist/renderer/', import.meta.url));

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The CSP in the built index.html's `<meta http-equiv="Content-Security-Policy">`. */
export async function readRendererCsp(root = DEFAULT_ROOT) {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  if (match === null) {
    throw new Error(
      `${join(root, 'index.html')} has no Content-Security-Policy meta tag; rebuild the renderer.`,
    );
  }
  return match[1];
}

/**
 * Serve `root` on 127.0.0.1:`port` (0 = any free port).
 * @returns {Promise<{ url: string, port: number, csp: string, close: () => Promise<void> }>}
 */
export async function serveRenderer({ root = DEFAULT_ROOT, port = 0 } = {}) {
  const base = resolve(root);
  const csp = await readRendererCsp(base);
  const server = createServer((req, res) => {
    void respond(base, csp, req, res);
  });
  await new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolveListen(undefined));
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('The server has no TCP address.');
  return {
    url: `http://127.0.0.1:${String(address.port)}/`,
    port: address.port,
    csp,
    close: () =>
      new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections();
      }),
  };
}

async function respond(base, csp, req, res) {
  const headers = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Revalidate every time (a rebuilt app is never stale), but let Chromium keep its HTTP cache
    // entry: that is what lets it reuse the compiled DuckDB wasm instead of recompiling 34 MB.
    'Cache-Control': 'no-cache',
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, headers).end('Bad request');
    return;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = normalize(join(base, pathname));
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(403, headers).end('Forbidden');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const etag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { ...headers, ETag: etag }).end();
      return;
    }
    res.writeHead(200, {
      ETag: etag,
      ...headers,
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(info.size),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  } catch {
    res
      .writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
      .end('Not found');
  }
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--root') options.root = resolve(argv[++i] ?? '');
    else if (arg === '--help' || arg === '-h') options.help = true;
    else
      throw new Error(
        `Unknown argument "${arg}". Usage: node scripts/serve-renderer.mjs [--port N] [--root DIR]`,
      );
  }
  if (
    options.port !== undefined &&
    (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
  ) {
    throw new Error('--port needs a whole number from 0 to 65535.');
  }
  return options;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  try {
    const { help, ...options } = parseArgs(process.argv.slice(2));
    if (help) {
      console.log('Usage: node scripts/serve-renderer.mjs [--port N] [--root DIR]');
    } else {
      const { url } = await serveRenderer(options);
      console.log(url);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
