import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from './protocolPath';

describe.each([
  ['POSIX', path.posix, '/opt/jsna/resources/app.asar/dist/renderer'],
  ['Windows', path.win32, 'C:\\Program Files\\JSNA Workbench\\resources\\app.asar\\dist\\renderer'],
])('resolveAppPath with %s paths', (_label, pathApi, root) => {
  const resolve = (url: string) => resolveAppPath(url, root, pathApi);

  it('serves index.html for the root and files under the renderer folder', () => {
    expect(resolve('app://workbench/')).toEqual({
      ok: true,
      filePath: pathApi.join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolve('app://workbench/assets/index-abc.js')).toMatchObject({
      ok: true,
      filePath: pathApi.join(root, 'assets', 'index-abc.js'),
    });
    expect(resolve('app://workbench/assets/duckdb-eh.wasm')).toMatchObject({
      ok: true,
      mimeType: 'application/wasm',
    });
    expect(resolve('app://workbench/demo/My%20file.csv')).toMatchObject({
      ok: true,
      filePath: pathApi.join(root, 'demo', 'My file.csv'),
    });
    expect(resolve('app://workbench/index.html?x=1#y')).toMatchObject({
      ok: true,
      filePath: pathApi.join(root, 'index.html'),
    });
  });

  it('treats %2e%2e as a dot segment, as the URL parser does, so it cannot climb', () => {
    expect(resolve('app://workbench/%2e%2e/%2e%2e/package.json')).toMatchObject({
      ok: true,
      filePath: pathApi.join(root, 'package.json'),
    });
  });

  it.each([
    'app://workbench/%2E%2E%2F%2E%2E%2Fpackage.json',
    'app://workbench/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd.txt',
    'app://workbench/..%2f..%2fmain%2fmain.cjs.map',
    'app://workbench/.%2findex.html',
    'app://workbench/assets//index.js',
    'app://workbench/C:%2fWindows%2fwin.ini.txt',
  ])('refuses traversal %s', (url) => {
    expect(resolve(url)).toEqual({ ok: false, status: 403 });
  });

  it.each([
    'app://workbench/..%5c..%5cpackage.json',
    'app://workbench/assets%5cindex.js',
    'app://workbench/index.html%00.png',
    'app://workbench/%E0%A4%A',
  ])('refuses malformed %s', (url) => {
    expect(resolve(url)).toEqual({ ok: false, status: 400 });
  });

  it('collapses literal dot segments inside the root (the URL parser does) and never leaves it', () => {
    const result = resolve('app://workbench/../../../../etc/passwd.txt');
    expect(result.ok && result.filePath).toBe(pathApi.join(root, 'etc', 'passwd.txt'));
  });

  it.each([
    'https://workbench/index.html',
    'app://other/index.html',
    'app://workbench:1/index.html',
    'app://u@workbench/index.html',
    'nonsense',
  ])('refuses the wrong origin %s', (url) => {
    expect(resolve(url)).toEqual({ ok: false, status: 400 });
  });

  it('does not serve unknown file types', () => {
    expect(resolve('app://workbench/main.cjs.exe')).toEqual({ ok: false, status: 404 });
    expect(resolve('app://workbench/assets')).toEqual({ ok: false, status: 404 });
  });
});
