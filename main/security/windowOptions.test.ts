import { describe, expect, it } from 'vitest';
import { hardenedWebPreferences, mainWindowOptions } from './windowOptions';

describe('main window hardening', () => {
  const options = mainWindowOptions('/app/dist/main/preload.cjs', { devTools: false });
  const prefs = options.webPreferences!;

  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
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
      spellcheck: false,
      devTools: false,
      preload: '/app/dist/main/preload.cjs',
    });
  });

  it('has no options that weaken it', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('waits to show until the first paint, and allows devtools only when asked', () => {
    expect(options.show).toBe(false);
    expect(hardenedWebPreferences('/p', { devTools: true }).devTools).toBe(true);
  });
});
