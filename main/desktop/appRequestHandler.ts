/**
 * The app:// request handler as a plain fetch-style function (Request -> Response), so it is
 * tested in Node without Electron. Path decisions are main/security/protocolPath.ts; the CSP
 * is main/security/csp.ts.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkedHeaderCsp, cspFromIndexHtml, securityHeaders } from '../security/csp';
import { resolveAppPath } from '../security/protocolPath';

/**
 * The CSP comes from the built index.html (one copy, shared with the browser build) and is
 * checked. If the meta tag is missing the strict fallback is used; if the policy is lax, or
 * the build is missing, nothing is served but a plain error.
 */
function loadPolicy(rendererRoot: string): { csp: string } | { error: string } {
  let html: string;
  try {
    html = readFileSync(path.join(rendererRoot, 'index.html'), 'utf8');
  } catch {
    return {
      error: `The renderer is not built (${path.join(rendererRoot, 'index.html')} is missing). Run npm run build.`,
    };
  }
  try {
    return { csp: checkedHeaderCsp(cspFromIndexHtml(html)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function createAppRequestHandler(
  rendererRoot: string,
  report: (message: string) => void,
): (request: Request) => Promise<Response> {
  const policy = loadPolicy(rendererRoot);
  if ('error' in policy) report(policy.error);
  const csp = 'csp' in policy ? policy.csp : "default-src 'none'";
  const refusal = (status: number, text: string | null = null): Response =>
    new Response(text, {
      status,
      headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8' },
    });

  return async (request) => {
    if ('error' in policy) return refusal(500, policy.error);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolved = resolveAppPath(request.url, rendererRoot, path);
    if (!resolved.ok) return refusal(resolved.status);
    try {
      // dist/renderer is ours and (when packaged) inside the read-only asar, so the lexical
      // containment check above is the guard; no user-writable folder is ever served.
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(csp), 'Content-Type': resolved.mimeType },
      });
    } catch {
      return refusal(404);
    }
  };
}
