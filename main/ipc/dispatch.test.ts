import { mkdtemp, mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_LIMITS } from '../../shared/ipc/contract';
import { isTrustedSender } from '../security/sender';
import { WorkspaceGrants } from '../workspace/grants';
import { createDispatcher } from './dispatch';
import type { Dialogs, Handlers } from './handlers';
import { createHandlers } from './handlers';

const APP = { webContentsId: 1, frameUrl: 'app://workbench/index.html', isTopFrame: true };
const enc = (s: string) => new TextEncoder().encode(s);

let base: string;
let dialogs: { [K in keyof Dialogs]: ReturnType<typeof vi.fn<Dialogs[K]>> };
let reports: string[];

function setup(handlers?: Handlers) {
  const grants = new WorkspaceGrants(
    { load: () => Promise.resolve([]), save: () => Promise.resolve() },
    {
      caseInsensitive: false,
      resolve: (p) => path.resolve(p),
      now: () => new Date('2026-11-22T07:00:00.000Z'),
    },
  );
  return createDispatcher({
    handlers: handlers ?? createHandlers({ dialogs, grants }),
    isTrusted: (sender) => isTrustedSender(sender, new Set([1])),
    report: (m) => reports.push(m),
  });
}

beforeEach(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'jsna-ipc-'));
  reports = [];
  dialogs = {
    chooseDataFiles: vi.fn<Dialogs['chooseDataFiles']>().mockResolvedValue([]),
    chooseSaveLocation: vi.fn<Dialogs['chooseSaveLocation']>().mockResolvedValue(null),
    chooseWorkspaceFolder: vi.fn<Dialogs['chooseWorkspaceFolder']>().mockResolvedValue(null),
  };
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('sender rejection', () => {
  it.each([
    ['a foreign webContents', { ...APP, webContentsId: 2 }],
    ['a page on another origin', { ...APP, frameUrl: 'https://evil.example/' }],
    ['a subframe', { ...APP, isTopFrame: false }],
    ['a vanished frame', { ...APP, frameUrl: null }],
  ])('ignores %s: no dialog, no file access, forbidden-sender', async (_label, sender) => {
    const dispatch = setup();
    expect(await dispatch('openDataFiles', sender, undefined)).toEqual({
      ok: false,
      error: { code: 'forbidden-sender', message: 'This page may not use the workbench.' },
    });
    expect(await dispatch('chooseWorkspace', sender, undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(dialogs.chooseDataFiles).not.toHaveBeenCalled();
    expect(dialogs.chooseWorkspaceFolder).not.toHaveBeenCalled();
    expect(reports.join('\n')).toMatch(/refused: sender/);
  });
});

describe('payload validation before any handler runs', () => {
  it('rejects wrong types and extra fields without calling the handler', async () => {
    const handler = vi.fn();
    const dispatch = setup({
      ...createHandlers({ dialogs, grants: {} as WorkspaceGrants }),
      saveExport: handler,
    });
    for (const raw of [
      undefined,
      'x',
      { suggestedName: 1, mimeType: 'text/csv', bytes: enc('a') },
      { suggestedName: 'a.csv', mimeType: 'text/csv', bytes: enc('a'), location: '/etc/x' },
    ]) {
      expect(await dispatch('saveExport', APP, raw)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(handler).not.toHaveBeenCalled();
    expect(dialogs.chooseSaveLocation).not.toHaveBeenCalled();
  });

  it('rejects oversize exports', async () => {
    const dispatch = setup();
    const big = new Uint8Array(new ArrayBuffer(IPC_LIMITS.maxExportBytes + 1));
    expect(
      await dispatch('saveExport', APP, {
        suggestedName: 'a.zip',
        mimeType: 'application/zip',
        bytes: big,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(dialogs.chooseSaveLocation).not.toHaveBeenCalled();
  });

  it('rejects a response that breaks the contract instead of sending it', async () => {
    const dispatch = setup({
      ...createHandlers({ dialogs, grants: {} as WorkspaceGrants }),
      listRecentWorkspaces: () => Promise.resolve({ workspaces: 'nope' }),
    } as unknown as Handlers);
    expect(await dispatch('listRecentWorkspaces', APP, undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('workspace grants through IPC', () => {
  it('reads and writes only inside a folder the user chose', async () => {
    const root = path.join(base, 'JSNA');
    await mkdir(root);
    await writeFile(path.join(base, 'secret.txt'), 'secret');
    const dispatch = setup();

    // Before the dialog: nothing is granted, even a real folder.
    expect(
      await dispatch('writeWorkspaceFile', APP, { root, path: 'a.txt', bytes: enc('x') }),
    ).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    expect(
      await dispatch('readWorkspaceFile', APP, { root: base, path: 'secret.txt' }),
    ).toMatchObject({ ok: false, error: { code: 'not-granted' } });

    dialogs.chooseWorkspaceFolder.mockResolvedValueOnce(root);
    expect(await dispatch('chooseWorkspace', APP, undefined)).toEqual({
      ok: true,
      value: { root, name: 'JSNA' },
    });

    expect(
      await dispatch('writeWorkspaceFile', APP, {
        root,
        path: 'tables/a.txt',
        bytes: enc('hello'),
      }),
    ).toEqual({ ok: true, value: { size: 5 } });
    const read = await dispatch('readWorkspaceFile', APP, { root, path: 'tables/a.txt' });
    expect(read.ok && new TextDecoder().decode(read.value.bytes)).toBe('hello');
    expect(await dispatch('listWorkspaceFiles', APP, { root })).toEqual({
      ok: true,
      value: { entries: [{ path: 'tables/a.txt', size: 5 }] },
    });

    // Paths outside the grant: the parent, traversal, absolute, a sibling.
    expect(
      await dispatch('readWorkspaceFile', APP, { root: base, path: 'secret.txt' }),
    ).toMatchObject({ ok: false, error: { code: 'not-granted' } });
    expect(await dispatch('readWorkspaceFile', APP, { root, path: '../secret.txt' })).toMatchObject(
      { ok: false, error: { code: 'invalid-request' } },
    );
    expect(
      await dispatch('readWorkspaceFile', APP, { root, path: path.join(base, 'secret.txt') }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(
      await dispatch('readWorkspaceFile', APP, { root: `${root}/..`, path: 'secret.txt' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(
      await dispatch('writeWorkspaceFile', APP, { root: 'JSNA', path: 'a.txt', bytes: enc('x') }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await readFile(path.join(base, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('reopens only recent workspaces', async () => {
    const root = path.join(base, 'JSNA');
    await mkdir(root);
    const dispatch = setup();
    expect(await dispatch('openRecentWorkspace', APP, { root })).toMatchObject({
      ok: false,
      error: { code: 'not-granted' },
    });
    dialogs.chooseWorkspaceFolder.mockResolvedValueOnce(root);
    await dispatch('chooseWorkspace', APP, undefined);
    expect(await dispatch('listRecentWorkspaces', APP, undefined)).toMatchObject({
      ok: true,
      value: { workspaces: [{ root, name: 'JSNA' }] },
    });
    expect(await dispatch('openRecentWorkspace', APP, { root })).toEqual({
      ok: true,
      value: { root, name: 'JSNA' },
    });
    expect(await dispatch('forgetRecentWorkspace', APP, { root })).toEqual({
      ok: true,
      value: { workspaces: [] },
    });
    expect(await dispatch('listWorkspaceFiles', APP, { root })).toMatchObject({
      ok: false,
      error: { code: 'not-granted' },
    });
  });

  it('reports a cancelled folder dialog as cancelled', async () => {
    expect(await setup()('chooseWorkspace', APP, undefined)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
  });
});

describe('open data files and save exports', () => {
  it('returns names and bytes of the files chosen in the dialog', async () => {
    const file = path.join(base, 'fingertips export.csv');
    await writeFile(file, 'a,b\n1,2\n');
    dialogs.chooseDataFiles.mockResolvedValueOnce([file]);
    const result = await setup()('openDataFiles', APP, undefined);
    expect(result.ok && result.value.files.map((f) => [f.name, f.bytes.byteLength])).toEqual([
      ['fingertips export.csv', 8],
    ]);
  });

  it('refuses a data file over the size limit before reading it (sparse file)', async () => {
    const file = path.join(base, 'huge.csv');
    await writeFile(file, '');
    await truncate(file, IPC_LIMITS.maxDataFileBytes + 1);
    dialogs.chooseDataFiles.mockResolvedValueOnce([file]);
    expect(await setup()('openDataFiles', APP, undefined)).toMatchObject({
      ok: false,
      error: { code: 'too-large', message: expect.stringContaining('"huge.csv"') },
    });
  });

  it('refuses more files than one open allows', async () => {
    dialogs.chooseDataFiles.mockResolvedValueOnce(
      Array.from({ length: IPC_LIMITS.maxDataFilesPerOpen + 1 }, (_, i) =>
        path.join(base, `${i}.csv`),
      ),
    );
    expect(await setup()('openDataFiles', APP, undefined)).toMatchObject({
      ok: false,
      error: { code: 'too-large' },
    });
  });

  it('returns no files when the dialog is cancelled', async () => {
    expect(await setup()('openDataFiles', APP, undefined)).toEqual({
      ok: true,
      value: { files: [] },
    });
  });

  it('writes an export only where the save dialog pointed', async () => {
    const target = path.join(base, 'chosen', 'figure.svg');
    await mkdir(path.dirname(target));
    dialogs.chooseSaveLocation.mockResolvedValueOnce(target);
    const dispatch = setup();
    expect(
      await dispatch('saveExport', APP, {
        suggestedName: 'figure.svg',
        mimeType: 'image/svg+xml',
        bytes: enc('<svg/>'),
      }),
    ).toEqual({
      ok: true,
      value: { saved: true, location: target },
    });
    expect(dialogs.chooseSaveLocation).toHaveBeenCalledWith('figure.svg');
    expect(await readFile(target, 'utf8')).toBe('<svg/>');
    expect(
      await dispatch('saveExport', APP, {
        suggestedName: 'figure.svg',
        mimeType: 'image/svg+xml',
        bytes: enc('<svg/>'),
      }),
    ).toEqual({
      ok: true,
      value: { saved: false },
    });
  });
});
