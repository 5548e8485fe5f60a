/**
 * Launch Debian's Chromium through playwright-core with a fresh profile, and record what the
 * page does that the tests assert on: every request (to prove nothing leaves localhost), CSP
 * violations and console errors.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface CspViolation {
  readonly blockedURI: string;
  readonly violatedDirective: string;
  readonly effectiveDirective: string;
}

export interface AppSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every request URL the browser made, in order (pages, workers, downloads). */
  readonly requests: string[];
  readonly consoleErrors: string[];
  /** CSP violations reported in the page so far. */
  cspViolations(): Promise<CspViolation[]>;
  close(): Promise<void>;
}

export async function openApp(url: string): Promise<AppSession> {
  const profile = mkdtempSync(join(tmpdir(), 'jsna-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  // Record CSP violations from the first script on (init scripts are not subject to the CSP).
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: unknown[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push({
        blockedURI: e.blockedURI,
        violatedDirective: e.violatedDirective,
        effectiveDirective: e.effectiveDirective,
      });
    });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return {
    context,
    page,
    requests,
    consoleErrors,
    cspViolations: () =>
      page.evaluate(() => (window as unknown as { __csp: CspViolation[] }).__csp),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Wait until the demo workspace has drawn its first figure. */
export async function waitForDemo(page: Page): Promise<void> {
  await page
    .locator('[data-figure-id] .main-svg')
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
}

/** True for URLs that stay on this machine: the local server, or in-page blob:/data: URLs. */
export function isLocal(url: string): boolean {
  if (url.startsWith('blob:') || url.startsWith('data:')) return true;
  const { protocol, hostname } = new URL(url);
  return (
    (protocol === 'http:' || protocol === 'https:') &&
    (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]')
  );
}
