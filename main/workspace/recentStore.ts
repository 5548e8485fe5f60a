/**
 * Persists the recent-workspaces list as JSON in the app's userData folder. What is read back
 * is untrusted (the file could be edited or corrupt): it is parsed with the contract's schema
 * and dropped wholesale if it does not fit, rather than half-trusted.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ipcContract } from '../../shared/ipc/contract';
import type { RecentStore, RecentWorkspace } from './grants';

export function parseRecentFile(text: string): RecentWorkspace[] {
  try {
    const json: unknown = JSON.parse(text);
    return ipcContract.listRecentWorkspaces.response.parse(json).workspaces;
  } catch {
    return [];
  }
}

export function jsonRecentStore(filePath: string): RecentStore {
  return {
    async load() {
      try {
        return parseRecentFile(await readFile(filePath, 'utf8'));
      } catch {
        return [];
      }
    },
    async save(list) {
      await mkdir(dirname(filePath), { recursive: true });
      const temp = `${filePath}.tmp`;
      await writeFile(temp, JSON.stringify({ workspaces: list }, null, 2), 'utf8');
      await rename(temp, filePath);
    },
  };
}
