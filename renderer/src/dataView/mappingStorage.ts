/**
 * Where the browser keeps saved column mappings between sessions: localStorage, as the JSON the
 * shared mapping store defines (shared/import/mappingStore.ts, keyed by header signature). The
 * store is only a cache of the analyst's choices, so a damaged or missing entry gives an empty
 * store and a failed write (storage full, private mode) is ignored rather than fatal.
 */
import { emptyMappingStore, parseMappingStore, type MappingStore } from '../../../shared/import';

export const MAPPING_STORAGE_KEY = 'jsna-workbench.column-mappings.v1';

export function loadMappingStore(
  storage: Storage | undefined = globalThis.localStorage,
): MappingStore {
  const text = storage?.getItem(MAPPING_STORAGE_KEY);
  return text === null || text === undefined ? emptyMappingStore() : parseMappingStore(text);
}

export function saveMappingStore(
  store: MappingStore,
  storage: Storage | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(MAPPING_STORAGE_KEY, JSON.stringify(store));
  } catch {
    // Quota or privacy settings: the mapping still applies to this import, it is just not kept.
  }
}

/** Merge mappings from an opened workspace's settings into the stored ones (the workspace wins). */
export function mergeMappingStores(local: MappingStore, fromWorkspace: unknown): MappingStore {
  const incoming = parseMappingStore(JSON.stringify(fromWorkspace ?? null));
  return { version: 1, entries: { ...local.entries, ...incoming.entries } };
}
