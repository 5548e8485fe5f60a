/**
 * No network at run time. Every request the session makes passes through this filter
 * (session.webRequest.onBeforeRequest in main/desktop/sessionPolicy.ts); only the app's own
 * origin and in-memory blob:/data: URLs pass. http(s), ws(s), file:, ftp: and anything else
 * are cancelled, so a dependency that tries to phone home (a CDN, an extension download, a
 * spellcheck dictionary) fails fast instead of leaking data.
 */
import { isAppUrl, parseUrl } from './appUrl';

export function isAllowedRequest(raw: string, options: { allowDevTools: boolean }): boolean {
  if (isAppUrl(raw)) return true;
  const url = parseUrl(raw);
  if (url === null) return false;
  // blob:app://workbench/<uuid>: only blobs the app's own origin created.
  if (url.protocol === 'blob:') return isAppUrl(url.pathname);
  if (url.protocol === 'data:') return true;
  if (url.protocol === 'devtools:') return options.allowDevTools;
  return false;
}

/**
 * Permission requests (camera, microphone, geolocation, notifications, clipboard read, MIDI,
 * HID, serial, USB, fullscreen from script, ...) are all refused: the app needs none of them.
 */
export function decidePermission(_permission: string, _requestingUrl: string): boolean {
  return false;
}
