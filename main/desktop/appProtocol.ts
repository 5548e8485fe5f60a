/**
 * Serves the built renderer (dist/renderer) on app://workbench/ through a privileged custom
 * protocol instead of file:// (whose 'null' origin blocks Vite's module script; see
 * STACK-NOTES.md). Thin glue over appRequestHandler.ts.
 */
import type { Session } from 'electron';
import { protocol } from 'electron';
import { APP_SCHEME } from '../security/appUrl';
import { createAppRequestHandler } from './appRequestHandler';

/**
 * Must run before the app is ready. `standard` + `secure` give app:// a real origin that 'self'
 * matches; no bypassCSP, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
        codeCache: true,
      },
    },
  ]);
}

export function serveRenderer(
  session: Session,
  rendererRoot: string,
  report: (message: string) => void,
): void {
  session.protocol.handle(APP_SCHEME, createAppRequestHandler(rendererRoot, report));
}
