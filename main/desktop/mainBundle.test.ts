/**
 * Smoke test of the shipped main bundle without an Electron binary: builds main.ts exactly as
 * scripts/build-main.mjs does, loads it in Node with a recording stand-in for the `electron`
 * module, and checks the glue: what is called before 'ready', the window's options, the
 * session policies, the IPC registrations and the hardening of every webContents. The
 * decisions themselves are tested in main/security and main/ipc.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcContract, verbNames } from '../../shared/ipc/contract';

type Listener = (...args: unknown[]) => unknown;

function recorder() {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: {
    options: Record<string, unknown>;
    loaded: string[];
    webContents: { id: number };
  }[] = [];
  let readyResolve: () => void = () => undefined;
  const ready = new Promise<void>((r) => (readyResolve = r));
  const session = {
    onBeforeRequest: null as Listener | null,
    permissionRequest: null as Listener | null,
    permissionCheck: null as Listener | null,
    protocolHandler: null as ((request: Request) => Promise<Response>) | null,
  };
  const fake = {
    app: {
      isPackaged: true,
      setPath: vi.fn(),
      enableSandbox: () => calls.push('enableSandbox'),
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
      whenReady: () => ready.then(() => calls.push('ready')),
      getPath: (name: string) => path.join(tmpdir(), 'jsna-fake-electron', name),
      quit: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        calls.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
    },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: (l: Listener) => (session.onBeforeRequest = l) },
        setPermissionRequestHandler: (l: Listener) => (session.permissionRequest = l),
        setPermissionCheckHandler: (l: Listener) => (session.permissionCheck = l),
        setDevicePermissionHandler: vi.fn(),
        on: vi.fn(),
        protocol: {
          handle: (_scheme: string, handler: (request: Request) => Promise<Response>) =>
            (session.protocolHandler = handler),
        },
      },
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: vi.fn() },
    BrowserWindow: class {
      static getAllWindows = () => windows;
      webContents = { id: 100 + windows.length };
      loaded: string[] = [];
      constructor(public options: Record<string, unknown>) {
        windows.push(this);
      }
      on() {}
      once() {}
      loadURL(url: string) {
        this.loaded.push(url);
        return Promise.resolve();
      }
    },
    ipcMain: { handle: (channel: string, handler: Listener) => ipcHandlers.set(channel, handler) },
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
  return { fake, calls, appListeners, ipcHandlers, windows, session, ready: () => readyResolve() };
}

let dir: string;
let rec: ReturnType<typeof recorder>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jsna-main-bundle-'));
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(
    path.join(dir, 'renderer', 'index.html'),
    `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'none'" />`,
  );
  await build({
    entryPoints: [path.resolve('main/desktop/main.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    outfile: path.join(dir, 'main', 'main.cjs'),
    logLevel: 'silent',
  });
  rec = recorder();
  const moduleWithLoad = Module as unknown as {
    _load: (request: string, ...rest: unknown[]) => unknown;
  };
  const originalLoad = moduleWithLoad._load;
  moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? rec.fake : originalLoad.call(this, request, ...rest);
  };
  try {
    Module.createRequire(import.meta.url)(path.join(dir, 'main', 'main.cjs'));
  } finally {
    moduleWithLoad._load = originalLoad;
  }
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('dist/main/main.cjs wiring (stand-in electron module)', () => {
  it('registers app:// as privileged and enables the sandbox before ready', () => {
    expect(rec.calls[0]).toBe(
      'registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"corsEnabled":true,"stream":true,"codeCache":true}}]',
    );
    expect(rec.calls[0]).not.toContain('bypassCSP');
    expect(rec.calls[1]).toBe('enableSandbox');
    expect(rec.windows).toHaveLength(0);
  });

  it('hardens every webContents: window.open denied, navigation away prevented, webviews refused', () => {
    const handlers = new Map<string, Listener>();
    let openHandler: Listener = () => undefined;
    rec.appListeners.get('web-contents-created')!(
      {},
      {
        setWindowOpenHandler: (h: Listener) => (openHandler = h),
        on: (event: string, h: Listener) => handlers.set(event, h),
      },
    );
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://www.ons.gov.uk/' })).toEqual({ action: 'deny' });
    expect(rec.fake.shell.openExternal).toHaveBeenCalledTimes(1);
    expect(rec.fake.shell.openExternal).toHaveBeenCalledWith('https://www.ons.gov.uk/');
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      const prevented = vi.fn();
      handlers.get(event)!({ url: 'https://evil.example/', preventDefault: prevented });
      expect(prevented, event).toHaveBeenCalled();
      const allowed = vi.fn();
      handlers.get(event)!({ url: 'app://workbench/index.html', preventDefault: allowed });
      expect(allowed, event).not.toHaveBeenCalled();
    }
    const webview = vi.fn();
    handlers.get('will-attach-webview')!({ preventDefault: webview });
    expect(webview).toHaveBeenCalled();
  });

  describe('after ready', () => {
    beforeAll(async () => {
      rec.ready();
      await vi.waitFor(() => expect(rec.windows).toHaveLength(1));
    });

    it('opens one hardened window on the app origin', () => {
      const [window] = rec.windows as unknown as {
        options: { webPreferences: Record<string, unknown> };
        loaded: string[];
      }[];
      expect(window!.loaded).toEqual(['app://workbench/index.html']);
      expect(window!.options.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        devTools: false,
        preload: path.join(dir, 'main', 'preload.cjs'),
      });
    });

    it('blocks network requests and denies permissions', () => {
      const decide = (url: string) => {
        let result: unknown;
        rec.session.onBeforeRequest!({ url }, (r: unknown) => (result = r));
        return result;
      };
      expect(decide('https://cdn.jsdelivr.net/x.wasm')).toEqual({ cancel: true });
      expect(decide('app://workbench/index.html')).toEqual({ cancel: false });
      const granted = vi.fn();
      rec.session.permissionRequest!(
        { getURL: () => 'app://workbench/index.html' },
        'media',
        granted,
      );
      expect(granted).toHaveBeenCalledWith(false);
      expect(rec.session.permissionCheck!({}, 'clipboard-read', 'app://workbench')).toBe(false);
    });

    it('serves the renderer next to dist/main with the CSP header', async () => {
      const response = await rec.session.protocolHandler!(new Request('app://workbench/'));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(
        (await rec.session.protocolHandler!(new Request('app://workbench/..%2fmain%2fmain.cjs')))
          .status,
      ).toBe(403);
    });

    it('registers one IPC handler per contract verb, and ignores foreign senders', async () => {
      expect([...rec.ipcHandlers.keys()].sort()).toEqual(
        verbNames.map((v) => ipcContract[v].channel).sort(),
      );
      const handler = rec.ipcHandlers.get(ipcContract.openDataFiles.channel)!;
      const foreign = await handler(
        { sender: { id: 999 }, senderFrame: { url: 'app://workbench/index.html', parent: null } },
        undefined,
      );
      expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      const own = rec.windows[0]!.webContents.id;
      const wrongOrigin = await handler(
        { sender: { id: own }, senderFrame: { url: 'https://evil.example/', parent: null } },
        undefined,
      );
      expect(wrongOrigin).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
      expect(rec.fake.dialog.showOpenDialog).not.toHaveBeenCalled();
      rec.fake.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
      const ok = await handler(
        { sender: { id: own }, senderFrame: { url: 'app://workbench/index.html', parent: null } },
        undefined,
      );
      expect(ok).toEqual({ ok: true, value: { files: [] } });
    });
  });
});
