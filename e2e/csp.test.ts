/**
 * The browser build's privacy guarantees: the server sends the same CSP as the page's meta
 * tag, a fetch to an outside address is blocked by that CSP (not merely by the test machine
 * having no network), and the static server refuses paths outside its root.
 */
import { get } from 'node:http';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openApp, type AppSession } from './browser';

let app: AppSession;
beforeAll(async () => {
  app = await openApp(inject('rendererUrl'));
});
afterAll(async () => {
  await app.close();
});

it('sends the same CSP as a header as the page has in its meta tag', async () => {
  const response = await fetch(inject('rendererUrl'));
  const header = response.headers.get('content-security-policy');
  const meta = await app.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(header).toBe(meta);
  expect(header).toBe(inject('rendererCsp'));
  expect(header).toContain("connect-src 'self'");
});

it('blocks a fetch to an outside address with a CSP violation', async () => {
  const result = await app.page.evaluate(async () => {
    const violation = new Promise<{ blockedURI: string; effectiveDirective: string }>((resolve) => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => resolve({ blockedURI: e.blockedURI, effectiveDirective: e.effectiveDirective }),
        { once: true },
      );
    });
    let error: string | null = null;
    try {
      await fetch('https://example.com/');
    } catch (e) {
      error = e instanceof Error ? e.name : String(e);
    }
    return { error, violation: await violation };
  });
  expect(result.error).toBe('TypeError');
  expect(result.violation.effectiveDirective).toBe('connect-src');
  expect(result.violation.blockedURI).toMatch(/^https:\/\/example\.com/);
  expect(app.requests.some((url) => url.startsWith('https://example.com'))).toBe(false);
});

it('does not serve files outside the renderer build', async () => {
  const { port } = new URL(inject('rendererUrl'));
  // Raw paths: fetch() would normalise "../" away before the server saw it.
  for (const path of [
    '/../package.json',
    '/..%2Fpackage.json',
    '/%2e%2e/%2e%2e/package.json',
    '/assets/',
  ]) {
    expect([403, 404], path).toContain(await statusOf(Number(port), path));
  }
});

function statusOf(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}
