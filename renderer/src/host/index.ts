/**
 * Picks the host: Electron's when the preload bridge is present, else the browser's. The UI
 * gets a Host and never asks which one, except to word messages.
 */
import { createBrowserHost } from './browserHost';
import { createElectronHost } from './electronHost';
import type { Host } from './host';

export function createHost(win: Window = window): Host {
  return win.workbench === undefined
    ? createBrowserHost(win.document)
    : createElectronHost(win.workbench);
}

export type { Host, HostFile, SaveResult } from './host';
export { HostError } from './electronHost';
