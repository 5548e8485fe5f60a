import { describe, expect, it, vi } from 'vitest';
import { buildWorkbenchApi } from './bridge';
import { ipcContract, verbNames } from './contract';

describe('buildWorkbenchApi (what the preload exposes)', () => {
  it('has exactly one function per contract verb and nothing else', () => {
    const api = buildWorkbenchApi(vi.fn());
    expect(Object.keys(api).sort()).toEqual([...verbNames].sort());
    for (const verb of verbNames) expect(typeof api[verb]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
  });

  it("sends on the verb's own channel and parses the response", async () => {
    const invoke = vi.fn().mockResolvedValue({ ok: true, value: { workspaces: [] } });
    const api = buildWorkbenchApi(invoke);
    await expect(api.listRecentWorkspaces()).resolves.toEqual({
      ok: true,
      value: { workspaces: [] },
    });
    expect(invoke).toHaveBeenCalledWith(ipcContract.listRecentWorkspaces.channel, undefined);
  });

  it('refuses a malformed request without sending it', async () => {
    const invoke = vi.fn();
    const api = buildWorkbenchApi(invoke);
    const result = await api.readWorkspaceFile({ root: '/home/a', path: '../../etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // A caller in the page can pass anything at run time, whatever the types say.
    const untyped = api.saveExport as (request: unknown) => Promise<unknown>;
    await expect(
      untyped({ suggestedName: 'a.csv', mimeType: 'text/csv', bytes: 'not bytes' }),
    ).resolves.toMatchObject({ ok: false });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('turns an unexpected response into invalid-response rather than passing it on', async () => {
    const api = buildWorkbenchApi(
      vi
        .fn()
        .mockResolvedValue({
          ok: true,
          value: { files: [{ name: '../x', bytes: new Uint8Array(1) }] },
        }),
    );
    await expect(api.openDataFiles()).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-response' },
    });
  });
});
