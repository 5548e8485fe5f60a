/**
 * The renderer's one interface to whatever hosts it. Two implementations:
 * - `electronHost` (renderer/src/host/electronHost.ts): verbs from the preload bridge
 *   (`window.workbench`, typed from shared/ipc/contract.ts): native dialogs, files on disk.
 * - `browserHost` (renderer/src/host/browserHost.ts): file input / drag-and-drop and downloads,
 *   for the browser build served on localhost (tests, and machines without Electron).
 * The UI never asks which one it has, except to word messages.
 */
import type { WorkspaceHost } from './workspaceHost';

export type { WorkspaceFiles, WorkspaceHost } from './workspaceHost';

export interface HostFile {
  /** File name without directories, as the user sees it. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface SaveResult {
  /** False when the user cancelled. */
  readonly saved: boolean;
  /** Where it went, when the host knows (Electron); the browser only knows the download name. */
  readonly location?: string;
}

export interface Host extends WorkspaceHost {
  readonly kind: 'electron' | 'browser';
  /** Ask the user for one or more data files; resolves to [] when cancelled. */
  openDataFiles(): Promise<HostFile[]>;
  /** Save bytes the user asked to export (a save dialog in Electron, a download in the browser). */
  saveFile(suggestedName: string, bytes: Uint8Array, mimeType: string): Promise<SaveResult>;
}
