/**
 * The app's own origin. The renderer is served from `app://workbench/` by a privileged custom
 * protocol (main/desktop/appProtocol.ts) rather than file://, whose origin is 'null' and which
 * blocks Vite's module script (see STACK-NOTES.md).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL or returns null; never throws. */
export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True for URLs on the app's own origin. Compared by scheme, host and absence of credentials
 * and port, because WHATWG URL reports the origin of a custom scheme as the string 'null'.
 */
export function isAppUrl(raw: string | null | undefined): boolean {
  if (typeof raw !== 'string') return false;
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
