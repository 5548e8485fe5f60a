/**
 * Serves the built renderer (dist/renderer) on app://workbench/ through a privileged custom
 * protocol, with the CSP and other security headers on every response. All path decisions are
 * in main/security/protocolPath.ts; this is the thin Electron glue.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Session } from 'electron';
import { protocol } from 'electron';
import { APP_SCHEME } from '../security/appUrl';
import { securityHeaders } from '../security/csp';
import { resolveAppPath } from '../security/protocolPath';

/** Must run before the app is ready. No bypassCSP, no service workers. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    },
  ]);
}

function refusal(status: number): Response {
  return new Response(null, { status, headers: securityHeaders() });
}

export function serveRenderer(session: Session, rendererRoot: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405);
    const resolved = resolveAppPath(request.url, rendererRoot, path);
    if (!resolved.ok) return refusal(resolved.status);
    try {
      // dist/renderer is ours and (when packaged) inside the read-only asar, so the lexical
      // containment check above is the guard; no user-writable folder is ever served.
      const body = await readFile(resolved.filePath);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...securityHeaders(), 'Content-Type': resolved.mimeType },
      });
    } catch {
      return refusal(404);
    }
  });
}
