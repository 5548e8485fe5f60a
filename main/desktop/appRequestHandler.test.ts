import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppRequestHandler } from './appRequestHandler';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'";
let base: string;
let root: string;
let reports: string[];

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'jsna-proto-'));
  root = path.join(base, 'dist', 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(
    path.join(root, 'index.html'),
    `<meta http-equiv="Content-Security-Policy" content="${CSP}" /><div id="root"></div>`,
  );
  await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(base, 'dist', 'secret.json'), '{"secret":true}');
  reports = [];
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') =>
  createAppRequestHandler(root, (m) => reports.push(m))(new Request(url, { method }));

describe('app:// request handler', () => {
  it("serves the renderer with the renderer's checked CSP as a header", async () => {
    const response = await get('app://workbench/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(`${CSP}; frame-ancestors 'none'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await (await get('app://workbench/assets/app.js')).text()).toBe('console.log(1)');
  });

  it.each([
    'app://workbench/..%2fsecret.json',
    'app://workbench/assets/..%2f..%2fsecret.json',
    'app://workbench/%2e%2e%2fsecret.json',
    'app://workbench/..%5csecret.json',
  ])('never serves a file outside dist/renderer: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('secret');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses other methods, other hosts and missing files', async () => {
    expect((await get('app://workbench/index.html', 'POST')).status).toBe(405);
    expect((await get('app://evil/index.html')).status).toBe(400);
    expect((await get('app://workbench/missing.js')).status).toBe(404);
  });

  it('serves nothing if the built policy is lax', async () => {
    await writeFile(
      path.join(root, 'index.html'),
      `<meta http-equiv="Content-Security-Policy" content="default-src * 'unsafe-eval'" />`,
    );
    const response = await get('app://workbench/index.html');
    expect(response.status).toBe(500);
    expect(reports.join()).toMatch(/not strict enough/);
  });

  it('says the renderer is not built when index.html is missing', async () => {
    await rm(path.join(root, 'index.html'));
    expect((await get('app://workbench/')).status).toBe(500);
    expect(reports.join()).toMatch(/npm run build/);
  });
});

const builtRenderer = path.resolve('dist/renderer');
describe.skipIf(!existsSync(path.join(builtRenderer, 'index.html')))(
  'the built renderer (dist/renderer)',
  () => {
    it('is served file by file with a known type, and its CSP passes the check', async () => {
      const handler = createAppRequestHandler(builtRenderer, (m) => {
        throw new Error(m);
      });
      const files = (await readdir(builtRenderer, { recursive: true, withFileTypes: true })).filter(
        (e) => e.isFile(),
      );
      for (const file of files) {
        const relative = path
          .relative(builtRenderer, path.join(file.parentPath, file.name))
          .split(path.sep);
        const response = await handler(
          new Request(`app://workbench/${relative.map(encodeURIComponent).join('/')}`, {
            method: 'HEAD',
          }),
        );
        expect(response.status, relative.join('/')).toBe(200);
      }
    });
  },
);
