/**
 * The renderer's Content Security Policy, sent as a response header on every app:// response
 * (main/desktop/appProtocol.ts). Nothing remote is allowed anywhere: analysts work offline and
 * their data must never leave the machine (DESIGN.md, "Offline and private").
 *
 * Exceptions, each for a named dependency:
 * - script-src 'wasm-unsafe-eval': duckdb-wasm and parquet-wasm compile WebAssembly. Not
 *   'unsafe-eval': no JS eval.
 * - worker-src blob:: duckdb-wasm may start its worker from a blob: URL wrapping the bundled script.
 * - style-src 'unsafe-inline': plotly.js injects a <style> element and inline styles at run time
 *   (https://github.com/plotly/plotly.js/issues/2355). Styles cannot run script.
 * - img-src data: blob:: plotly's toImage renders SVG/PNG through data: and blob: images.
 * - connect-src blob: data:: fetches of in-memory blobs (wasm/worker assets, image export).
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [directive: string, sources: readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'", "'wasm-unsafe-eval'"]],
  ['worker-src', ["'self'", 'blob:']],
  ['style-src', ["'self'", "'unsafe-inline'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'", 'data:']],
  ['connect-src', ["'self'", 'blob:', 'data:']],
  ['media-src', ["'none'"]],
  ['object-src', ["'none'"]],
  ['frame-src', ["'none'"]],
  ['child-src', ["'none'"]],
  ['manifest-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.map(([directive, sources]) => `${directive} ${sources.join(' ')}`).join('; ');

/** Headers on every app:// response, besides Content-Type. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
