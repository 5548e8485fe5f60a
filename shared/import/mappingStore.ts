/**
 * Remembered column mappings for generic tables. An analyst who maps the columns of a local
 * extract once should not map them again next month: the mapping is stored under a signature
 * of the header (normalised column names in order) and found again when the same header
 * returns. The store is plain JSON and the functions are pure; the app saves it with the
 * workspace settings.
 */
import type { ColumnMapping, MappingStore } from './types';

export function emptyMappingStore(): MappingStore {
  return { version: 1, entries: {} };
}

/**
 * Signature of a header: FNV-1a (32-bit, two seeds) over the normalised names in order, plus
 * the column count. Case, spacing and punctuation differences do not change it.
 */
export function headerSignature(header: readonly string[]): string {
  const text = header.map((h) => h.toLowerCase().replace(/[^a-z0-9]+/g, '')).join('\u0001');
  return `h${String(header.length)}-${fnv(text, 0x811c9dc5)}${fnv(text, 0x01000193)}`;
}

function fnv(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export function findMapping(store: MappingStore, header: readonly string[]): ColumnMapping | undefined {
  const entry = store.entries[headerSignature(header)];
  if (entry === undefined) return undefined;
  // Only reuse a mapping whose columns all still exist in this header.
  const present = new Set(header);
  return Object.values(entry.mapping.columns).every((c) => c === undefined || present.has(c)) ? entry.mapping : undefined;
}

/** A new store with `mapping` remembered for `header`. */
export function rememberMapping(store: MappingStore, header: readonly string[], mapping: ColumnMapping, savedAt: Date): MappingStore {
  return {
    version: 1,
    entries: { ...store.entries, [headerSignature(header)]: { header: [...header], mapping, savedAt: savedAt.toISOString() } },
  };
}

/** Read a store from JSON text; anything malformed gives an empty store (it is only a cache). */
export function parseMappingStore(json: string): MappingStore {
  try {
    const value = JSON.parse(json) as Partial<MappingStore>;
    if (value.version === 1 && typeof value.entries === 'object' && value.entries !== null) return value as MappingStore;
  } catch {
    // Fall through: a damaged cache is replaced, not fatal.
  }
  return emptyMappingStore();
}
