import { mkdtemp, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBounded } from './boundedIo';
import {
  listWorkspaceFiles,
  readWorkspaceFile,
  resolveInsideWorkspace,
  writeWorkspaceFile,
} from './workspaceFiles';

let base: string;
let root: string;
let outside: string;

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'jsna-ws-'));
  root = path.join(base, 'workspace');
  outside = path.join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('resolveInsideWorkspace', () => {
  it('resolves relative paths under the root', () => {
    expect(resolveInsideWorkspace('/w', 'tables/a.parquet')).toBe(
      path.resolve('/w', 'tables', 'a.parquet'),
    );
  });
  it.each(['../outside/secret.txt', 'a/../../secret.txt', '/etc/passwd', 'a\\..\\..\\x', ''])(
    'refuses %j',
    (rel) => {
      expect(() => resolveInsideWorkspace('/w', rel)).toThrow();
    },
  );
});

describe('workspace files', () => {
  it('writes (creating folders) and reads back', async () => {
    const bytes = new TextEncoder().encode('{"version":1}');
    expect(await writeWorkspaceFile(root, 'settings/workspace.json', bytes)).toBe(bytes.byteLength);
    expect(new TextDecoder().decode(await readWorkspaceFile(root, 'settings/workspace.json'))).toBe(
      '{"version":1}',
    );
    // No temp file left behind.
    expect(await readdir(path.join(root, 'settings'))).toEqual(['workspace.json']);
  });

  it('replaces an existing file', async () => {
    await writeWorkspaceFile(root, 'a.txt', new TextEncoder().encode('one'));
    await writeWorkspaceFile(root, 'a.txt', new TextEncoder().encode('two'));
    expect(await readFile(path.join(root, 'a.txt'), 'utf8')).toBe('two');
  });

  it('does not follow a symlinked file out of the workspace', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    await expect(readWorkspaceFile(root, 'link.txt')).rejects.toMatchObject({
      code: 'not-granted',
    });
    await expect(writeWorkspaceFile(root, 'link.txt', new Uint8Array([1]))).rejects.toMatchObject({
      code: 'not-granted',
    });
    expect(await readFile(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('does not follow a symlinked folder out of the workspace', async () => {
    await symlink(outside, path.join(root, 'tables'), 'dir');
    await expect(readWorkspaceFile(root, 'tables/secret.txt')).rejects.toMatchObject({
      code: 'not-granted',
    });
    await expect(
      writeWorkspaceFile(root, 'tables/new.txt', new Uint8Array([1])),
    ).rejects.toMatchObject({ code: 'not-granted' });
    expect(await readdir(outside)).toEqual(['secret.txt']);
  });

  it('reports missing files and folders as not-found', async () => {
    await expect(readWorkspaceFile(root, 'nope.txt')).rejects.toMatchObject({ code: 'not-found' });
    await expect(readWorkspaceFile(root, 'no/such/file.txt')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('lists regular files only, skipping links', async () => {
    await writeWorkspaceFile(root, 'b.txt', new Uint8Array(2));
    await writeWorkspaceFile(root, 'tables/a.arrow', new Uint8Array(5));
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
    await symlink(outside, path.join(root, 'linked-folder'), 'dir');
    expect(await listWorkspaceFiles(root)).toEqual([
      { path: 'b.txt', size: 2 },
      { path: 'tables/a.arrow', size: 5 },
    ]);
  });
});

describe('readBounded', () => {
  it('refuses a file over the limit before reading it', async () => {
    const file = path.join(root, 'big.csv');
    await writeFile(file, new Uint8Array(1025));
    await expect(readBounded(file, 1024)).rejects.toMatchObject({ code: 'too-large' });
    expect((await readBounded(file, 1025)).byteLength).toBe(1025);
  });
  it('refuses a link unless asked to follow it (a file the user picked in the dialog)', async () => {
    const link = path.join(root, 'link.csv');
    await symlink(path.join(outside, 'secret.txt'), link);
    await expect(readBounded(link, 1024)).rejects.toMatchObject({ code: 'not-granted' });
    expect(
      new TextDecoder().decode(await readBounded(link, 1024, 'link', { followLinks: true })),
    ).toBe('secret');
  });
  it('refuses folders', async () => {
    await expect(readBounded(root, 1024)).rejects.toMatchObject({ code: 'not-found' });
  });
});
