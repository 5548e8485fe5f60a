/**
 * Files inside a granted workspace folder. The renderer names a file by a relative path that
 * shared/ipc/paths.ts has already shape-checked; here it is resolved with the platform's path
 * rules, checked for containment, and walked segment by segment with lstat so that no
 * symbolic link (or Windows junction) inside the workspace can lead outside it.
 */
import type { Dirent } from 'node:fs';
import { lstat, mkdir, readdir } from 'node:fs/promises';
import { join, relative, resolve, sep, isAbsolute } from 'node:path';
import { IPC_LIMITS } from '../../shared/ipc/contract';
import { fileNameProblem, relativePathProblem } from '../../shared/ipc/paths';
import { IpcFailure } from '../ipc/failure';
import { readBounded, writeAtomically } from './boundedIo';

/** Resolves `relativePath` under `root`, or throws. Pure apart from the path module. */
export function resolveInsideWorkspace(root: string, relativePath: string): string {
  const problem = relativePathProblem(relativePath);
  if (problem !== null) throw new IpcFailure('invalid-request', `File path ${problem}.`);
  const target = resolve(root, ...relativePath.split('/'));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    throw new IpcFailure('not-granted', 'File path leads outside the workspace.');
  return target;
}

async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Walks from the root to the target's parent: every existing segment must be a real folder,
 * not a link. With `create`, missing folders are made one at a time (so a link planted
 * mid-walk is still seen by the next lstat).
 */
async function checkParents(root: string, target: string, create: boolean): Promise<void> {
  const segments = relative(root, target).split(sep).slice(0, -1);
  let current = root;
  for (const segment of segments) {
    current = join(current, segment);
    const stats = await lstatOrNull(current);
    if (stats === null) {
      if (!create)
        throw new IpcFailure(
          'not-found',
          `Folder "${relative(root, current)}" does not exist in the workspace.`,
        );
      await mkdir(current);
      continue;
    }
    if (stats.isSymbolicLink())
      throw new IpcFailure(
        'not-granted',
        `"${relative(root, current)}" is a link; links inside a workspace are not followed.`,
      );
    if (!stats.isDirectory())
      throw new IpcFailure(
        'invalid-request',
        `"${relative(root, current)}" is a file, not a folder.`,
      );
  }
}

export async function readWorkspaceFile(root: string, relativePath: string): Promise<Uint8Array> {
  const target = resolveInsideWorkspace(root, relativePath);
  await checkParents(root, target, false);
  const stats = await lstatOrNull(target);
  if (stats === null)
    throw new IpcFailure('not-found', `"${relativePath}" does not exist in the workspace.`);
  if (stats.isSymbolicLink())
    throw new IpcFailure(
      'not-granted',
      `"${relativePath}" is a link; links inside a workspace are not followed.`,
    );
  return readBounded(target, IPC_LIMITS.maxWorkspaceFileBytes, `"${relativePath}"`);
}

export async function writeWorkspaceFile(
  root: string,
  relativePath: string,
  bytes: Uint8Array,
): Promise<number> {
  if (bytes.byteLength > IPC_LIMITS.maxWorkspaceFileBytes)
    throw new IpcFailure('too-large', `"${relativePath}" is over the workspace file limit.`);
  const target = resolveInsideWorkspace(root, relativePath);
  const rootStats = await lstatOrNull(root);
  if (rootStats === null || !rootStats.isDirectory())
    throw new IpcFailure('not-found', 'The workspace folder no longer exists.');
  await checkParents(root, target, true);
  const existing = await lstatOrNull(target);
  if (existing?.isSymbolicLink())
    throw new IpcFailure(
      'not-granted',
      `"${relativePath}" is a link; links inside a workspace are not followed.`,
    );
  if (existing !== null && !existing.isFile())
    throw new IpcFailure('invalid-request', `"${relativePath}" is a folder, not a file.`);
  await writeAtomically(target, bytes, `"${relativePath}"`);
  return bytes.byteLength;
}

export interface WorkspaceEntry {
  readonly path: string;
  readonly size: number;
}

/** Regular files only, breadth-first, bounded in depth and count; links and odd names are skipped. */
export async function listWorkspaceFiles(root: string): Promise<WorkspaceEntry[]> {
  const entries: WorkspaceEntry[] = [];
  let level: string[] = [''];
  for (let depth = 1; depth <= 8 && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      let children: Dirent[];
      try {
        children = await readdir(folder === '' ? root : join(root, ...folder.split('/')), {
          withFileTypes: true,
        });
      } catch (error) {
        if (folder === '')
          throw new IpcFailure(
            'not-found',
            `The workspace folder cannot be read (${String((error as { code?: unknown }).code ?? 'error')}).`,
          );
        continue;
      }
      children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const child of children) {
        if (fileNameProblem(child.name) !== null || child.name.endsWith('.tmp')) continue;
        const path = folder === '' ? child.name : `${folder}/${child.name}`;
        // Only list what the renderer could ask for back (length and depth limits included).
        if (relativePathProblem(path) !== null) continue;
        if (child.isDirectory()) next.push(path);
        else if (child.isFile()) {
          const stats = await lstatOrNull(join(root, ...path.split('/')));
          if (stats?.isFile()) entries.push({ path, size: stats.size });
          if (entries.length >= IPC_LIMITS.maxWorkspaceEntries) return entries;
        }
      }
    }
    level = next;
  }
  return entries;
}
