/**
 * The renderer's Content Security Policy as a response header on every app:// response.
 *
 * One copy of the policy: the renderer writes it in renderer/index.html's CSP meta tag, and
 * both hosts send that same text as a header (scripts/serve-renderer.mjs for the browser build;
 * main/desktop/appProtocol.ts here), because workers take the policy of their own response,
 * which a meta tag cannot give them. Main does not trust it blindly: `checkedHeaderCsp` refuses
 * any policy that would allow remote content, eval or inline script, and adds the directives
 * that only work in a header. Nothing remote is allowed anywhere: analysts work offline and
 * their data must never leave the machine (DESIGN.md, "Offline and private").
 */

/**
 * Used when the built index.html carries no policy (it always should). The same shape as the
 * renderer's, with named exceptions: 'wasm-unsafe-eval' (duckdb-wasm, parquet-wasm), worker
 * blob: (libraries that spawn blob workers), style 'unsafe-inline' (Plotly injects a <style>
 * element and style attributes), img data:/blob: (Plotly's PNG export rasterises its SVG).
 */
export const FALLBACK_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; " +
  "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; " +
  "base-uri 'none'; form-action 'none'";

/** Directives a <meta> policy cannot carry, so the header adds them. */
const HEADER_ONLY = "frame-ancestors 'none'";

/** Which source expressions each directive may use. Anything not listed is refused. */
const ALLOWED_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'", "'none'"],
  'script-src': ["'self'", "'none'", "'wasm-unsafe-eval'"],
  'script-src-elem': ["'self'", "'none'"],
  'worker-src': ["'self'", "'none'", 'blob:'],
  'child-src': ["'self'", "'none'", 'blob:'],
  'connect-src': ["'self'", "'none'", 'blob:', 'data:'],
  'img-src': ["'self'", "'none'", 'data:', 'blob:'],
  'style-src': ["'self'", "'none'", "'unsafe-inline'"],
  'font-src': ["'self'", "'none'", 'data:'],
  'media-src': ["'self'", "'none'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'manifest-src': ["'self'", "'none'"],
  'base-uri': ["'none'", "'self'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Directives whose absence would fall back to something laxer than the app needs. */
const REQUIRED = ['default-src', 'script-src', 'object-src', 'base-uri'];

export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    // Per CSP3, only the first occurrence of a directive counts.
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}

/** Everything wrong with a policy for this app; empty when it is acceptable. */
export function cspProblems(policy: string): string[] {
  const problems: string[] = [];
  const directives = parseCsp(policy);
  for (const required of REQUIRED) {
    if (!directives.has(required)) problems.push(`${required} is missing`);
  }
  for (const [name, sources] of directives) {
    const allowed = ALLOWED_SOURCES[name];
    if (allowed === undefined) {
      problems.push(`${name} is not a directive this app uses`);
      continue;
    }
    if (sources.length === 0) problems.push(`${name} has no sources`);
    for (const source of sources) {
      if (!allowed.includes(source.toLowerCase())) problems.push(`${name} allows ${source}`);
    }
  }
  return problems;
}

/** The policy text from a built index.html's `<meta http-equiv="Content-Security-Policy">`, or null. */
export function cspFromIndexHtml(html: string): string | null {
  const match =
    /<meta\s+http-equiv=(["'])Content-Security-Policy\1\s+content=(?:"([^"]*)"|'([^']*)')/i.exec(
      html,
    );
  const policy = (match?.[2] ?? match?.[3])?.trim();
  return policy === undefined || policy === '' ? null : policy;
}

/**
 * The header to send: the renderer's own policy when it passes `cspProblems`, else the
 * fallback when there is none; a lax policy is an error (main then serves nothing).
 */
export function checkedHeaderCsp(fromIndexHtml: string | null): string {
  const policy = fromIndexHtml ?? FALLBACK_CSP;
  const problems = cspProblems(policy);
  if (problems.length > 0)
    throw new Error(
      `The renderer's Content Security Policy is not strict enough: ${problems.join('; ')}.`,
    );
  return parseCsp(policy).has('frame-ancestors') ? policy : `${policy}; ${HEADER_ONLY}`;
}

/** Headers on every app:// response, besides Content-Type. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}
