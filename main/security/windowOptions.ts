/**
 * The main window's options, hardened from the first commit (Electron security checklist:
 * https://www.electronjs.org/docs/latest/tutorial/security). Built by a pure function so a test
 * can assert every flag without an Electron binary.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function hardenedWebPreferences(
  preloadPath: string,
  options: { devTools: boolean },
): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google: no network, so off.
    spellcheck: false,
    safeDialogs: true,
    devTools: options.devTools,
  };
}

export function mainWindowOptions(
  preloadPath: string,
  options: { devTools: boolean; iconPath?: string },
): BrowserWindowConstructorOptions {
  return {
    title: 'JSNA Workbench',
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: hardenedWebPreferences(preloadPath, { devTools: options.devTools }),
  };
}
