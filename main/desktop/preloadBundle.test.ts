/**
 * The sandboxed preload as shipped: built as scripts/build-main.mjs builds it, it may require
 * nothing but 'electron' (a sandboxed preload cannot load other modules), and it exposes one
 * key, `workbench`, whose verbs reach ipcRenderer.invoke only on contract channels.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ipcContract, verbNames } from '../../shared/ipc/contract';

let dir: string;
let code: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'jsna-preload-'));
  await build({
    entryPoints: [path.resolve('main/desktop/preload.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'chrome140',
    external: ['electron'],
    outfile: path.join(dir, 'preload.cjs'),
    logLevel: 'silent',
  });
  code = readFileSync(path.join(dir, 'preload.cjs'), 'utf8');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runPreload() {
  const exposed = new Map<string, unknown>();
  const invoke = vi.fn((channel: string) =>
    Promise.resolve(
      channel === ipcContract.listRecentWorkspaces.channel
        ? { ok: true, value: { workspaces: [] } }
        : { ok: false, error: { code: 'internal', message: 'x' } },
    ),
  );
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
    ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
  };
  const module = { exports: {} };
  runInNewContext(code, {
    module,
    exports: module.exports,
    require: (name: string) => {
      required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`A sandboxed preload cannot require ${name}`);
    },
    ArrayBuffer,
    Uint8Array,
  });
  return { exposed, invoke, required, electron };
}

describe('dist/main/preload.cjs', () => {
  it("requires only 'electron'", () => {
    expect(runPreload().required).toEqual(['electron']);
  });

  it('exposes workbench and nothing else, with the contract verbs and no ipcRenderer', () => {
    const { exposed, electron } = runPreload();
    expect([...exposed.keys()]).toEqual(['workbench']);
    const api = exposed.get('workbench') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...verbNames].sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer.invoke);
    }
  });

  it('invokes only contract channels', async () => {
    const { exposed, invoke } = runPreload();
    const api = exposed.get('workbench') as Record<string, (request?: unknown) => Promise<unknown>>;
    await expect(api['listRecentWorkspaces']!()).resolves.toEqual({
      ok: true,
      value: { workspaces: [] },
    });
    await api['readWorkspaceFile']!({ root: '/w', path: '../x' });
    expect(invoke.mock.calls.map(([channel]) => channel)).toEqual([
      ipcContract.listRecentWorkspaces.channel,
    ]);
  });
});
