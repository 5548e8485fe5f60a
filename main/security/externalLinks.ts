/**
 * THE allow-list for opening links outside the app. It is the only path from the renderer to
 * `shell.openExternal` (used by the window-open and navigation handlers in
 * main/desktop/hardenWebContents.ts). Only https, only these exact hosts (the public sources
 * analysts cite), no credentials, no explicit ports. Everything else is dropped silently.
 */
import { parseUrl } from './appUrl';

export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set([
  'fingertips.phe.org.uk',
  'www.ons.gov.uk',
  'www.nomisweb.co.uk',
  'www.gov.uk',
  'geoportal.statistics.gov.uk',
  'github.com',
]);

/** Returns the normalised URL to hand to the OS browser, or null if it is not allowed. */
export function allowedExternalUrl(raw: string): string | null {
  if (raw.length > 2048) return null;
  const url = parseUrl(raw);
  if (url === null) return null;
  if (url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  if (url.port !== '') return null;
  if (!EXTERNAL_LINK_HOSTS.has(url.hostname)) return null;
  return url.href;
}
