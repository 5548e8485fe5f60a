import { describe, expect, it, vi } from 'vitest';
import { buildWorkbenchApi } from '../../../shared/ipc/bridge';
import { ipcContract } from '../../../shared/ipc/contract';
import { createElectronHost, HostError } from './electronHost';

// The real bridge the preload exposes, over a fake ipcRenderer.invoke.
function hostWith(reply: (channel: string, request: unknown) => unknown) {
  const invoke = vi.fn((channel: string, request: unknown) =>
    Promise.resolve(reply(channel, request)),
  );
  return { host: createElectronHost(buildWorkbenchApi(invoke)), invoke };
}

describe('electronHost', () => {
  it('opens data files through the bridge', async () => {
    const { host, invoke } = hostWith(() => ({
      ok: true,
      value: { files: [{ name: 'a.csv', bytes: new Uint8Array([1, 2]) }] },
    }));
    expect(host.kind).toBe('electron');
    await expect(host.openDataFiles()).resolves.toEqual([
      { name: 'a.csv', bytes: new Uint8Array([1, 2]) },
    ]);
    expect(invoke).toHaveBeenCalledWith(ipcContract.openDataFiles.channel, undefined);
  });

  it('saves through the save dialog and reports where', async () => {
    const { host, invoke } = hostWith(() => ({
      ok: true,
      value: { saved: true, location: '/home/a/figure.svg' },
    }));
    await expect(
      host.saveFile('Figure 1: rates / England.svg', new Uint8Array([60]), 'image/svg+xml'),
    ).resolves.toEqual({
      saved: true,
      location: '/home/a/figure.svg',
    });
    expect(invoke.mock.calls[0]![1]).toMatchObject({
      suggestedName: 'Figure 1_ rates _ England.svg',
      mimeType: 'image/svg+xml',
    });
  });

  it('reports a cancelled save', async () => {
    const { host } = hostWith(() => ({ ok: true, value: { saved: false } }));
    await expect(host.saveFile('a.csv', new Uint8Array(), 'text/csv')).resolves.toEqual({
      saved: false,
    });
  });

  it("throws main's refusal as a HostError with its code", async () => {
    const { host } = hostWith(() => ({
      ok: false,
      error: { code: 'too-large', message: '"big.csv" is over the limit.' },
    }));
    const error = await host.openDataFiles().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'too-large', message: '"big.csv" is over the limit.' });
  });
});
