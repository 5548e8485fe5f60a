import { describe, expect, it, vi } from 'vitest';
import { unzipSync } from 'fflate';
import { buildWorkbenchApi } from '../../../shared/ipc/bridge';
import { ipcContract } from '../../../shared/ipc/contract';
import { createElectronHost } from './electronHost';
import { unzipWorkspace, zipWorkspace } from './workspaceZip';

const files = new Map([
  ['tables/area.parquet', new Uint8Array([80, 65, 82, 49])],
  ['workspace.json', new TextEncoder().encode('{"format":"jsna-workbench-workspace"}')],
]);

describe('browser workspace zip', () => {
  it('round-trips every file byte for byte', async () => {
    const opened = unzipWorkspace('w.zip', zipWorkspace(files));
    expect([...opened.paths].sort()).toEqual(['tables/area.parquet', 'workspace.json']);
    for (const [path, bytes] of files) expect(await opened.read(path)).toEqual(bytes);
  });

  it('ignores entries that would leave the workspace, and names a file that is missing', async () => {
    const zip = zipWorkspace(
      new Map([
        ['../evil.json', new Uint8Array([1])],
        ['ok.json', new Uint8Array([2])],
      ]),
    );
    expect(Object.keys(unzipSync(zip))).toContain('../evil.json');
    const opened = unzipWorkspace('w.zip', zip);
    expect(opened.paths).toEqual(['ok.json']);
    await expect(opened.read('../evil.json')).rejects.toThrow('../evil.json is not in w.zip');
  });

  it('says what to do with a file that is not a zip', () => {
    expect(() => unzipWorkspace('notes.txt', new TextEncoder().encode('hello'))).toThrow(
      /notes\.txt is not a readable \.zip/,
    );
  });
});

describe('electron workspace verbs', () => {
  function hostWith(reply: (channel: string, request: unknown) => unknown) {
    const invoke = vi.fn((channel: string, request: unknown) =>
      Promise.resolve(reply(channel, request)),
    );
    return { host: createElectronHost(buildWorkbenchApi(invoke)), invoke };
  }
  const root = '/home/analyst/JSNA 2026';

  it('saves into the chosen folder, tables first and the manifest last', async () => {
    const { host, invoke } = hostWith((channel, request) => {
      if (channel === ipcContract.chooseWorkspace.channel)
        return { ok: true, value: { root, name: 'JSNA 2026' } };
      const { bytes } = request as { bytes: Uint8Array };
      return { ok: true, value: { size: bytes.length } };
    });
    await expect(host.saveWorkspace('ignored.zip', files)).resolves.toEqual({
      saved: true,
      location: root,
    });
    const writes = invoke.mock.calls
      .filter(([c]) => c === ipcContract.writeWorkspaceFile.channel)
      .map(([, r]) => r as { path: string; root: string });
    expect(writes.map((w) => w.path)).toEqual(['tables/area.parquet', 'workspace.json']);
    expect(writes.every((w) => w.root === root)).toBe(true);
  });

  it('reports a cancelled folder dialog as not saved and not opened', async () => {
    const { host } = hostWith(() => ({ ok: true, value: { cancelled: true } }));
    await expect(host.saveWorkspace('w.zip', files)).resolves.toEqual({ saved: false });
    await expect(host.openWorkspace()).resolves.toBeNull();
  });

  it('opens a folder: lists its files and reads them through main', async () => {
    const { host } = hostWith((channel, request) => {
      if (channel === ipcContract.chooseWorkspace.channel)
        return { ok: true, value: { root, name: 'JSNA 2026' } };
      if (channel === ipcContract.listWorkspaceFiles.channel)
        return {
          ok: true,
          value: { entries: [...files].map(([path, b]) => ({ path, size: b.length })) },
        };
      return { ok: true, value: { bytes: files.get((request as { path: string }).path) } };
    });
    const opened = await host.openWorkspace();
    expect(opened?.name).toBe('JSNA 2026');
    expect(opened?.paths).toEqual(['tables/area.parquet', 'workspace.json']);
    expect(await opened!.read('workspace.json')).toEqual(files.get('workspace.json'));
  });
});
