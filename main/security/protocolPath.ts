/**
 * Maps an app:// request URL to a file under the built renderer folder, or refuses. Pure:
 * the path functions are passed in so the same rules are tested with POSIX and Windows
 * semantics. Traversal is refused twice: lexically (no `..`, no encoded separators, no
 * backslashes, no NUL) and by containment (the resolved path must stay under the root).
 */
import { APP_HOST, APP_SCHEME, parseUrl } from './appUrl';

export interface PathApi {
  resolve(...segments: string[]): string;
  relative(from: string, to: string): string;
  isAbsolute(path: string): boolean;
  extname(path: string): string;
}

export type AppPathResolution =
  | { readonly ok: true; readonly filePath: string; readonly mimeType: string }
  | { readonly ok: false; readonly status: 400 | 403 | 404 };

/** Only what a Vite build of the renderer emits. Unknown extensions are 404, never sniffed. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  // application/wasm is required for WebAssembly.instantiateStreaming.
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.parquet': 'application/vnd.apache.parquet',
};

export function isInside(root: string, candidate: string, pathApi: PathApi): boolean {
  const rel = pathApi.relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith('..') && !pathApi.isAbsolute(rel);
}

export function resolveAppPath(
  rawUrl: string,
  rootDir: string,
  pathApi: PathApi,
): AppPathResolution {
  const url = parseUrl(rawUrl);
  if (
    url === null ||
    url.protocol !== `${APP_SCHEME}:` ||
    url.hostname !== APP_HOST ||
    url.port !== '' ||
    url.username !== '' ||
    url.password !== ''
  ) {
    return { ok: false, status: 400 };
  }
  // WHATWG URL has already collapsed literal `/../` segments; what is left can still hide
  // traversal in percent-encoding (%2e%2e, %2f, %5c), so decode and check again.
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\u0000') || decoded.includes('\\')) return { ok: false, status: 400 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === '' || /^[A-Za-z]:$/.test(s)))
    return { ok: false, status: 403 };
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...segments);
  if (!isInside(root, filePath, pathApi)) return { ok: false, status: 403 };
  const mimeType = MIME_TYPES[pathApi.extname(filePath).toLowerCase()];
  if (mimeType === undefined) return { ok: false, status: 404 };
  return { ok: true, filePath, mimeType };
}
