/**
 * The sandboxed preload. It exposes `window.workbench`, built verb by verb from the IPC
 * contract; `ipcRenderer` itself is never exposed, and no channel outside the contract can be
 * reached from the page. Bundled to CommonJS (dist/main/preload.cjs) because sandboxed
 * preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildWorkbenchApi } from '../../shared/ipc/bridge';

contextBridge.exposeInMainWorld(
  'workbench',
  buildWorkbenchApi((channel, request) => ipcRenderer.invoke(channel, request)),
);
