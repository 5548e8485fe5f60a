import { describe, expect, it } from 'vitest';
import { decidePermission, isAllowedRequest } from './network';

const prod = { allowDevTools: false };

describe('isAllowedRequest (session.webRequest filter)', () => {
  it.each([
    'app://workbench/index.html',
    'app://workbench/assets/duckdb-eh.wasm',
    'data:image/png;base64,AAAA',
    'blob:app://workbench/1b4e28ba-2fa1-11d2-883f-0016d3cca427',
  ])('lets %s through', (url) => {
    expect(isAllowedRequest(url, prod)).toBe(true);
  });
  it.each([
    'https://cdn.jsdelivr.net/npm/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm',
    'https://extensions.duckdb.org/v1.1.0/wasm_eh/parquet.duckdb_extension.wasm',
    'http://127.0.0.1:8080/',
    'ws://localhost:9229/',
    'wss://example.com/',
    'file:///etc/passwd',
    'ftp://example.com/',
    'app://evil/index.html',
    'blob:https://evil.example/123',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://abc/',
    'garbage',
  ])('blocks %s', (url) => {
    expect(isAllowedRequest(url, prod)).toBe(false);
  });
  it('lets devtools through only in development', () => {
    expect(
      isAllowedRequest('devtools://devtools/bundled/inspector.html', { allowDevTools: true }),
    ).toBe(true);
  });
});

describe('decidePermission', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'clipboard-sanitized-write',
    'midi',
    'openExternal',
    'fullscreen',
    'hid',
    'serial',
    'usb',
    'display-capture',
    'unknown',
  ])('denies %s', (permission) => {
    expect(decidePermission(permission, 'app://workbench/index.html')).toBe(false);
  });
});
