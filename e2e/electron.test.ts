/**
 * The desktop shell end to end, for machines that have an Electron binary (this project's
 * build machines do not: see STACK-NOTES.md). It launches dist/main/main.cjs with
 * playwright-core's Electron driver and checks what the unit tests can only check piecewise:
 * the demo workspace draws from app://, the page has no Node and only the contract's verbs,
 * the CSP arrives as a header, navigation and new windows are refused, nothing leaves the
 * machine, and files move only through main's dialogs and granted workspace folders.
 *
 * Skipped, with the reason printed, when no binary is found (scripts/electron-binary.mjs looks
 * without downloading; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron 45.4.1).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronVersion, findElectronBinary } from '../scripts/electron-binary.mjs';
import { waitForDemo } from './browser';

const MAIN = resolve('dist/main/main.cjs');
const found = findElectronBinary();
const skipReason =
  found.path === null
    ? `no Electron ${electronVersion()} binary (looked in ${found.looked.join(', ')}); set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run these`
    : !existsSync(MAIN)
      ? 'dist/main/main.cjs is missing: run npm run build'
      : null;
if (skipReason !== null) console.warn(`e2e/electron.test.ts skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)(
  `desktop shell in Electron${skipReason === null ? '' : ` (skipped: ${skipReason})`}`,
  () => {
    let app: ElectronApplication;
    let page: Page;
    let scratch: string;
    const requests: string[] = [];

    beforeAll(async () => {
      scratch = mkdtempSync(join(tmpdir(), 'jsna-electron-e2e-'));
      const env: Record<string, string> = {};
      for (const [key, value] of Object.entries(process.env))
        if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value;
      env['JSNA_WORKBENCH_USER_DATA'] = join(scratch, 'user-data');
      app = await electron.launch({
        executablePath: found.path!,
        // Chromium refuses to start its OS sandbox as root (CI containers); the renderer is still
        // created with sandbox: true and contextIsolation, which is what these tests check.
        args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), MAIN],
        env,
      });
      app.context().on('request', (request) => requests.push(request.url()));
      page = await app.firstWindow();
    });

    afterAll(async () => {
      await app?.close();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('loads the renderer from app:// and draws the demo workspace', async () => {
      expect(page.url()).toBe('app://workbench/index.html');
      await waitForDemo(page);
    });

    it('gives the page no Node and exactly the contract verbs', async () => {
      const seen = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        verbs: Object.keys((window as unknown as { workbench: object }).workbench).sort(),
        frozen: Object.isFrozen((window as unknown as { workbench: object }).workbench),
      }));
      expect(seen.require).toBe('undefined');
      expect(seen.process).toBe('undefined');
      expect(seen.frozen).toBe(true);
      const { verbNames } = await import('../shared/ipc/contract');
      expect(seen.verbs).toEqual([...verbNames].sort());
    });

    it('sends the checked CSP as a header on app:// responses', async () => {
      const csp = await page.evaluate(async () =>
        (await fetch('app://workbench/index.html')).headers.get('content-security-policy'),
      );
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/https?:/);
    });

    it('refuses to navigate away or open windows', async () => {
      await page.evaluate(() => {
        window.location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://workbench/index.html');
      expect(await page.evaluate(() => window.open('app://workbench/index.html') === null)).toBe(
        true,
      );
      expect(app.windows()).toHaveLength(1);
    });

    it('answers IPC for its own window and rejects bad payloads', async () => {
      const results = await page.evaluate(async () => {
        const api = (
          window as unknown as { workbench: Record<string, (r?: unknown) => Promise<unknown>> }
        ).workbench;
        return {
          recents: await api['listRecentWorkspaces']!(),
          traversal: await api['readWorkspaceFile']!({ root: '/', path: '../etc/passwd' }),
          ungranted: await api['readWorkspaceFile']!({ root: '/etc', path: 'passwd' }),
        };
      });
      expect(results.recents).toEqual({ ok: true, value: { workspaces: [] } });
      expect(results.traversal).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(results.ungranted).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    });

    it('opens data files, saves exports and uses a workspace only through main dialogs', async () => {
      const data = join(scratch, 'indicator.csv');
      writeFileSync(data, 'area,value\nE09000002,1\n');
      const exportPath = join(scratch, 'figure.svg');
      const workspace = join(scratch, 'workspace');
      mkdirSync(workspace);
      // Stand in for the user clicking in the native dialogs.
      await app.evaluate(
        ({ dialog }, paths) => {
          dialog.showOpenDialog = (async (...args: unknown[]) => {
            const options = args.at(-1) as { properties?: string[] };
            return {
              canceled: false,
              filePaths: options.properties?.includes('openDirectory')
                ? [paths.workspace]
                : [paths.data],
            };
          }) as typeof dialog.showOpenDialog;
          dialog.showSaveDialog = (async () => ({
            canceled: false,
            filePath: paths.exportPath,
          })) as typeof dialog.showSaveDialog;
        },
        { data, exportPath, workspace },
      );

      const results = await page.evaluate(async () => {
        const api = (
          window as unknown as {
            workbench: Record<
              string,
              (r?: unknown) => Promise<{ ok: boolean; value?: Record<string, unknown> }>
            >;
          }
        ).workbench;
        const opened = await api['openDataFiles']!();
        const files = (opened.value?.['files'] ?? []) as { name: string; bytes: Uint8Array }[];
        const saved = await api['saveExport']!({
          suggestedName: 'figure.svg',
          mimeType: 'image/svg+xml',
          bytes: new TextEncoder().encode('<svg/>'),
        });
        const chosen = await api['chooseWorkspace']!();
        const root = chosen.value?.['root'] as string;
        const written = await api['writeWorkspaceFile']!({
          root,
          path: 'tables/a.txt',
          bytes: new TextEncoder().encode('hello'),
        });
        const read = await api['readWorkspaceFile']!({ root, path: 'tables/a.txt' });
        return {
          files: files.map((f) => [f.name, f.bytes.byteLength]),
          saved,
          root,
          written,
          read: new TextDecoder().decode(read.value?.['bytes'] as Uint8Array),
        };
      });
      expect(results.files).toEqual([['indicator.csv', 24]]);
      expect(results.saved).toEqual({ ok: true, value: { saved: true, location: exportPath } });
      expect(readFileSync(exportPath, 'utf8')).toBe('<svg/>');
      expect(results.root).toBe(workspace);
      expect(results.read).toBe('hello');
      expect(readFileSync(join(workspace, 'tables', 'a.txt'), 'utf8')).toBe('hello');
    });

    it('made no request that left the machine', () => {
      const outside = requests.filter(
        (url) => !/^(app:\/\/workbench\/|blob:app:\/\/workbench\/|data:)/.test(url),
      );
      expect(outside).toEqual([]);
    });
  },
);
