import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecentStore, RecentWorkspace } from './grants';
import { WorkspaceGrants } from './grants';
import { parseRecentFile } from './recentStore';

function memoryStore(
  initial: RecentWorkspace[] = [],
): RecentStore & { saved: RecentWorkspace[][] } {
  let list = initial;
  const saved: RecentWorkspace[][] = [];
  return {
    saved,
    load: () => Promise.resolve(list),
    save: (next) => {
      list = [...next];
      saved.push(list);
      return Promise.resolve();
    },
  };
}

const posix = {
  caseInsensitive: false,
  resolve: (p: string) => path.posix.resolve(p),
  now: () => new Date('2026-11-22T07:00:00.000Z'),
};

describe('WorkspaceGrants', () => {
  it('grants a folder chosen in the dialog and remembers it as recent', async () => {
    const store = memoryStore();
    const grants = new WorkspaceGrants(store, posix);
    await grants.grantChosen('/home/a/JSNA');
    expect(grants.requireGranted('/home/a/JSNA')).toBe('/home/a/JSNA');
    expect(store.saved.at(-1)).toEqual([
      { root: '/home/a/JSNA', name: 'JSNA', lastOpenedAt: '2026-11-22T07:00:00.000Z' },
    ]);
  });

  it('refuses folders that were never granted, and sub- or parent folders of granted ones', async () => {
    const grants = new WorkspaceGrants(memoryStore(), posix);
    await grants.grantChosen('/home/a/JSNA');
    for (const root of ['/home/a', '/home/a/JSNA/tables', '/etc', '/home/a/JSNA2']) {
      expect(() => grants.requireGranted(root)).toThrow(
        expect.objectContaining({ code: 'not-granted' }),
      );
    }
  });

  it('re-grants only folders on the recent list', async () => {
    const grants = new WorkspaceGrants(
      memoryStore([{ root: '/home/a/Old', name: 'Old', lastOpenedAt: '2026-01-01T00:00:00.000Z' }]),
      posix,
    );
    expect(() => grants.requireGranted('/home/a/Old')).toThrow();
    await grants.grantRecent('/home/a/Old');
    expect(grants.requireGranted('/home/a/Old')).toBe('/home/a/Old');
    await expect(grants.grantRecent('/etc')).rejects.toMatchObject({ code: 'not-granted' });
  });

  it('refuses non-normalised or relative roots even from the recent list', async () => {
    const grants = new WorkspaceGrants(memoryStore(), posix);
    await expect(grants.grantChosen('relative')).rejects.toMatchObject({ code: 'invalid-request' });
    await expect(grants.grantRecent('/home/a/JSNA/../..')).rejects.toMatchObject({
      code: 'invalid-request',
    });
  });

  it('compares case-insensitively where the platform does', async () => {
    const grants = new WorkspaceGrants(memoryStore(), {
      ...posix,
      caseInsensitive: true,
      resolve: (p) => path.win32.resolve(p),
    });
    await grants.grantChosen('C:\\Users\\A\\JSNA');
    expect(grants.requireGranted('c:\\users\\a\\jsna')).toBe('C:\\Users\\A\\JSNA');
  });

  it('keeps at most ten recents, newest first, and forgets on request', async () => {
    const grants = new WorkspaceGrants(memoryStore(), posix);
    for (let i = 0; i < 12; i++) await grants.grantChosen(`/w/${i}`);
    const recents = await grants.recents();
    expect(recents).toHaveLength(10);
    expect(recents[0]!.root).toBe('/w/11');
    await grants.forget('/w/11');
    expect(() => grants.requireGranted('/w/11')).toThrow();
    expect((await grants.recents())[0]!.root).toBe('/w/10');
  });
});

describe('parseRecentFile', () => {
  it('drops a corrupt or tampered file wholesale', () => {
    expect(parseRecentFile('not json')).toEqual([]);
    expect(
      parseRecentFile(
        JSON.stringify({
          workspaces: [{ root: '../../etc', name: 'x', lastOpenedAt: '2026-01-01T00:00:00.000Z' }],
        }),
      ),
    ).toEqual([]);
    expect(
      parseRecentFile(
        JSON.stringify({
          workspaces: [{ root: '/w', name: 'w', lastOpenedAt: '2026-01-01T00:00:00.000Z' }],
        }),
      ),
    ).toHaveLength(1);
  });
});
