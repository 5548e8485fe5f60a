/**
 * Workspaces on disk: a folder with workspace.json and tables/<name>.parquet.
 *
 * Saving writes a complete new folder beside the old one and then swaps the two, so a crash or a
 * full disk mid-save leaves the previous workspace intact rather than half old, half new.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Engine } from '../../shared/engine/engine';
import {
  MANIFEST_FILE,
  WorkspaceError,
  parseManifest,
  restoreWorkspace,
  serializeManifest,
  snapshotWorkspace,
  type SnapshotOptions,
  type WorkspaceManifest,
} from '../../shared/workspace/index';
import { nodeParquetCodec } from './parquetNode';

/** True when `dir` holds a workspace manifest. */
export async function isWorkspaceDir(dir: string): Promise<boolean> {
  try {
    return (await stat(join(dir, MANIFEST_FILE))).isFile();
  } catch {
    return false;
  }
}

/** Save everything loaded in `engine` to `dir` (created or replaced). */
export async function saveWorkspaceDir(
  engine: Engine,
  dir: string,
  options: SnapshotOptions,
): Promise<WorkspaceManifest> {
  const target = resolve(dir);
  const { manifest, files } = await snapshotWorkspace(engine, nodeParquetCodec, options);
  const stamp = `${String(process.pid)}-${String(Date.now())}`;
  const fresh = join(dirname(target), `.${basename(target)}.saving-${stamp}`);
  const old = join(dirname(target), `.${basename(target)}.old-${stamp}`);
  await mkdir(join(fresh, 'tables'), { recursive: true });
  try {
    for (const [path, bytes] of files) await writeFile(join(fresh, path), bytes);
    await writeFile(join(fresh, MANIFEST_FILE), serializeManifest(manifest));
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      if (!(await isWorkspaceDir(target)) && !(await isEmptyDir(target)))
        throw new WorkspaceError(
          `${target} exists and is not a workspace; choose an empty or new folder.`,
        );
      await rename(target, old);
    }
    await rename(fresh, target);
    if (exists) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(fresh, { recursive: true, force: true });
    throw error;
  }
  return manifest;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  return (await readdir(dir)).length === 0;
}

/** Load the workspace in `dir` into `engine`; returns its manifest. */
export async function openWorkspaceDir(engine: Engine, dir: string): Promise<WorkspaceManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new WorkspaceError(`${dir} is not a workspace: it has no ${MANIFEST_FILE}.`);
  }
  const manifest = parseManifest(text);
  await restoreWorkspace(
    engine,
    nodeParquetCodec,
    manifest,
    async (path) => new Uint8Array(await readFile(join(dir, path))),
  );
  return manifest;
}
