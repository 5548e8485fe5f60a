/**
 * Save and open a workspace from the app: the tables as Parquet plus workspace.json
 * (shared/workspace), handed to the host (one .zip in the browser, a folder in Electron). Saved
 * column mappings travel in the manifest's settings, so a colleague who opens the workspace can
 * import next month's extract without mapping it again.
 *
 * Opening replaces the workspace's tables with the saved ones and removes tables the saved
 * workspace does not have, so that what is loaded afterwards is exactly what was saved.
 */
import type { Engine } from '../../../shared/engine/engine';
import { ident } from '../../../shared/engine/sql';
import type { MappingStore } from '../../../shared/import';
import {
  MANIFEST_FILE,
  WorkspaceError,
  parseManifest,
  restoreWorkspace,
  serializeManifest,
  snapshotWorkspace,
  type WorkspaceManifest,
} from '../../../shared/workspace';
import { APP_VERSION } from '../app/version';
import type { LoadedFile } from '../data/importData';
import type { Host, SaveResult } from '../host/host';
import { browserParquetCodec } from './parquetBrowser';
import { importFactsOf, restoredFiles } from './restoredFiles';
import { listTables } from './tableCounts';

export async function saveWorkspace(
  engine: Engine,
  host: Host,
  mappings: MappingStore,
  shown: readonly LoadedFile[],
  now: Date = new Date(),
): Promise<SaveResult & { readonly tables: number }> {
  const codec = await browserParquetCodec();
  const snapshot = await snapshotWorkspace(engine, codec, {
    appVersion: APP_VERSION,
    settings: { mappings, importFacts: importFactsOf(shown) },
    now: () => now,
  });
  const files = new Map(snapshot.files);
  files.set(MANIFEST_FILE, new TextEncoder().encode(serializeManifest(snapshot.manifest)));
  const name = `jsna-workspace-${now.toISOString().slice(0, 10)}.zip`;
  const result = await host.saveWorkspace(name, files);
  return { ...result, tables: snapshot.manifest.tables.length };
}

export interface OpenedWorkspace {
  readonly name: string;
  readonly manifest: WorkspaceManifest;
  readonly files: LoadedFile[];
}

export async function openWorkspace(engine: Engine, host: Host): Promise<OpenedWorkspace | null> {
  const chosen = await host.openWorkspace();
  if (chosen === null) return null;
  if (!chosen.paths.includes(MANIFEST_FILE)) {
    throw new WorkspaceError(
      `${chosen.name} has no ${MANIFEST_FILE}, so it is not a saved workspace. Choose the .zip (or folder) that Save workspace made.`,
    );
  }
  const manifest = parseManifest(new TextDecoder().decode(await chosen.read(MANIFEST_FILE)));
  const codec = await browserParquetCodec();
  await restoreWorkspace(engine, codec, manifest, (path) => chosen.read(path));
  // Tables loaded now that the saved workspace did not have would make it differ from what was
  // saved; the restore succeeded, so they can go.
  const saved = new Set(manifest.tables.map((t) => t.name));
  for (const t of await listTables(engine)) {
    if (!saved.has(t.name)) await engine.exec(`DROP TABLE IF EXISTS ${ident(t.name)}`);
  }
  return {
    name: chosen.name,
    manifest,
    files: await restoredFiles(engine, saved, manifest.settings['importFacts']),
  };
}
