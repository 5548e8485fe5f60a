/**
 * Electron main entry (bundled to dist/main/main.cjs by scripts/build-main.mjs). Wires the
 * pure policies in main/security and the handlers in main/ipc to Electron; holds no logic of
 * its own worth testing without the binary.
 */
import path from 'node:path';
import { app, BrowserWindow, Menu, session } from 'electron';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { APP_ENTRY_URL } from '../security/appUrl';
import { isTrustedSender } from '../security/sender';
import { mainWindowOptions } from '../security/windowOptions';
import { WorkspaceGrants } from '../workspace/grants';
import { jsonRecentStore } from '../workspace/recentStore';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { nativeDialogs } from './dialogs';
import { hardenWebContents } from './hardenWebContents';
import { registerIpc } from './ipc';
import { menuTemplate } from './menuTemplate';
import { applySessionPolicy } from './sessionPolicy';

const report = (message: string): void => console.warn(`[jsna-workbench] ${message}`);

// Tests (e2e/electron.test.ts) point userData at a fresh folder so runs never share state.
const userDataOverride = process.env['JSNA_WORKBENCH_USER_DATA'];
if (userDataOverride !== undefined && path.isAbsolute(userDataOverride))
  app.setPath('userData', userDataOverride);

// Before 'ready': the scheme's privileges, and sandboxing for every renderer.
registerAppScheme();
app.enableSandbox();

const devTools = !app.isPackaged;
const ownWebContentsIds = new Set<number>();
let mainWindow: BrowserWindow | null = null;

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, report));

function createMainWindow(): BrowserWindow {
  // dist/main/main.cjs -> dist/renderer; inside app.asar when packaged.
  const window = new BrowserWindow(
    mainWindowOptions(path.join(__dirname, 'preload.cjs'), { devTools }),
  );
  const id = window.webContents.id;
  ownWebContentsIds.add(id);
  window.on('closed', () => {
    ownWebContentsIds.delete(id);
    if (mainWindow === window) mainWindow = null;
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  void app.whenReady().then(() => {
    const ses = session.defaultSession;
    applySessionPolicy(ses, { allowDevTools: devTools, report });
    serveRenderer(ses, path.join(__dirname, '..', 'renderer'), report);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', devTools })),
    );

    const grants = new WorkspaceGrants(
      jsonRecentStore(path.join(app.getPath('userData'), 'recent-workspaces.json')),
      {
        caseInsensitive: process.platform === 'win32' || process.platform === 'darwin',
        resolve: (p) => path.resolve(p),
        now: () => new Date(),
      },
    );
    const handlers = createHandlers({ dialogs: nativeDialogs(() => mainWindow), grants });
    registerIpc(
      createDispatcher({
        handlers,
        isTrusted: (sender) => isTrustedSender(sender, ownWebContentsIds),
        report,
      }),
    );

    mainWindow = createMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
