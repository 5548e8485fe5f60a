/**
 * The app side of importing: every file the user adds goes through here, so that the importer's
 * three answers become questions the analyst can answer in the Data view.
 * - `needs-mapping`: a mapping saved for the same header (mappingStorage.ts) is reused at once,
 *   and the file says so; otherwise the file waits for the column-mapping dialog.
 * - `duplicate`: the file waits for "Replace" or "Skip".
 * - `imported` with flagged rows: "Keep flagged rows" / "Drop flagged rows" imports it again.
 * Imports show progress and can be cancelled; a cancelled import is rolled back by the importer
 * (shared/import/pipeline.ts), so the file is simply not added.
 */
import { useCallback, useRef, useState } from 'react';
import {
  findMapping,
  rememberMapping,
  type ColumnMapping,
  type ImportOptions,
  type ImportProgress,
  type MappingStore,
  type NeedsMappingReport,
} from '../../../shared/import';
import type { TableSource } from '../data/tableSource';
import { useServices } from '../app/services';
import { importData, type LoadedFile } from '../data/importData';
import type { HostFile } from '../host/host';
import { loadMappingStore, saveMappingStore } from './mappingStorage';

/** What the app remembers about a file the user added, to import it again on request. */
export interface FileMeta {
  readonly source: HostFile;
  readonly mapping?: ColumnMapping;
  /** What the importer said before a mapping was chosen: kept so the mapping can be changed. */
  readonly unrecognised?: {
    readonly report: NeedsMappingReport;
    readonly view: TableSource | null;
  };
  /** Set when `mapping` came from the saved mappings rather than from this session's dialog. */
  readonly mappingReusedFrom?: string;
  readonly flaggedRows: 'keep' | 'drop';
}

export interface RunningImport {
  readonly name: string;
  readonly progress: ImportProgress | null;
  readonly startedAt: number;
  readonly cancel: () => void;
}

export interface FlowNotice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

export interface ImportFlow {
  readonly running: RunningImport | null;
  readonly notice: FlowNotice | null;
  /** Source-file ids replaced by a later import: entries showing them are out of date. */
  readonly superseded: ReadonlySet<number>;
  meta(fileId: string): FileMeta | undefined;
  add(files: readonly HostFile[]): Promise<void>;
  applyMapping(file: LoadedFile, mapping: ColumnMapping): Promise<void>;
  resolveDuplicate(file: LoadedFile, choice: 'replace' | 'skip'): Promise<void>;
  reimportFlagged(file: LoadedFile, choice: 'keep' | 'drop'): Promise<void>;
  dismissNotice(): void;
  mappingStore(): MappingStore;
  replaceMappingStore(store: MappingStore): void;
}

export interface FlowCallbacks {
  /** A file was imported (or read): add it, or put it in place of `replaces`. */
  readonly onLoaded: (file: LoadedFile, replaces?: string) => void;
  /** The entry should go (a skipped duplicate). */
  readonly onRemove: (fileId: string) => void;
}

export function useImportFlow({ onLoaded, onRemove }: FlowCallbacks): ImportFlow {
  const { engine } = useServices();
  const metas = useRef(new Map<string, FileMeta>());
  const store = useRef<MappingStore | null>(null);
  const [running, setRunning] = useState<RunningImport | null>(null);
  const [notice, setNotice] = useState<FlowNotice | null>(null);
  const [superseded, setSuperseded] = useState<ReadonlySet<number>>(new Set());

  const mappingStore = useCallback((): MappingStore => (store.current ??= loadMappingStore()), []);

  /** One import with progress and a cancel button; undefined when the user cancelled it. */
  const run = useCallback(
    async (source: HostFile, options: ImportOptions): Promise<LoadedFile | undefined> => {
      const db = await engine();
      const controller = new AbortController();
      const startedAt = Date.now();
      let last = 0;
      const base = { name: source.name, startedAt, cancel: () => controller.abort() };
      setRunning({ ...base, progress: null });
      try {
        const loaded = await importData(db, source, 'user', {
          ...options,
          signal: controller.signal,
          onProgress: (progress) => {
            // A state update per batch is plenty; skip the ones in between frames.
            const now = Date.now();
            if (now - last < 100 && progress.phase === 'parsing') return;
            last = now;
            setRunning({ ...base, progress });
          },
        });
        if (controller.signal.aborted && loaded.outcome.kind === 'failed') {
          setNotice({
            kind: 'info',
            text: `Import of ${source.name} cancelled: nothing was changed.`,
          });
          return undefined;
        }
        return loaded;
      } finally {
        setRunning(null);
      }
    },
    [engine],
  );

  const settle = useCallback(
    (loaded: LoadedFile, meta: FileMeta, replaces?: string): void => {
      metas.current.set(loaded.id, meta);
      if (replaces !== undefined) metas.current.delete(replaces);
      if (loaded.outcome.kind === 'imported') {
        const replaced = loaded.outcome.report.replacedSourceFileId;
        if (replaced !== undefined) setSuperseded((s) => new Set([...s, replaced]));
      }
      onLoaded(loaded, replaces);
    },
    [onLoaded],
  );

  const addAll = useCallback(
    async (files: readonly HostFile[]): Promise<void> => {
      for (const source of files) {
        let meta: FileMeta = { source, flaggedRows: 'keep' };
        let loaded = await run(source, {});
        if (loaded === undefined) continue;
        if (loaded.outcome.kind === 'needs-mapping') {
          meta = {
            ...meta,
            unrecognised: { report: loaded.outcome.report, view: loaded.outcome.view },
          };
          const header = loaded.outcome.report.columns.map((c) => c.header);
          const saved = findMapping(mappingStore(), header);
          if (saved !== undefined) {
            const entry = mappingStore().entries[loaded.outcome.report.headerSignature];
            meta = { ...meta, mapping: saved, mappingReusedFrom: entry?.savedAt ?? '' };
            const again = await run(source, { mapping: saved });
            if (again === undefined) continue;
            loaded = again;
          }
        }
        settle(loaded, meta);
      }
    },
    [run, settle, mappingStore],
  );

  const add = useCallback(
    async (files: readonly HostFile[]): Promise<void> => {
      setNotice(null);
      try {
        await addAll(files);
      } catch (error) {
        // The engine did not start, or a file could not be read: say so, change nothing.
        setNotice({
          kind: 'error',
          text: `The file could not be opened: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    [addAll],
  );

  const reimport = useCallback(
    async (file: LoadedFile, meta: FileMeta, options: ImportOptions): Promise<void> => {
      setNotice(null);
      const loaded = await run(meta.source, {
        ...options,
        ...(meta.mapping === undefined ? {} : { mapping: meta.mapping }),
        flaggedRows: meta.flaggedRows,
      });
      if (loaded !== undefined) settle(loaded, meta, file.id);
    },
    [run, settle],
  );

  const applyMapping = useCallback(
    async (file: LoadedFile, mapping: ColumnMapping): Promise<void> => {
      const meta = metas.current.get(file.id);
      const unrecognised =
        file.outcome.kind === 'needs-mapping'
          ? { report: file.outcome.report, view: file.outcome.view }
          : meta?.unrecognised;
      if (meta === undefined || unrecognised === undefined) return;
      const header = unrecognised.report.columns.map((c) => c.header);
      const next = rememberMapping(mappingStore(), header, mapping, new Date());
      store.current = next;
      saveMappingStore(next);
      const { mappingReusedFrom: _reused, ...rest } = meta;
      // A file already imported with another mapping is replaced, not kept twice.
      await reimport(
        file,
        { ...rest, mapping, unrecognised },
        file.outcome.kind === 'imported' ? { onDuplicate: 'replace' } : {},
      );
    },
    [reimport, mappingStore],
  );

  const resolveDuplicate = useCallback(
    async (file: LoadedFile, choice: 'replace' | 'skip'): Promise<void> => {
      const meta = metas.current.get(file.id);
      if (meta === undefined) return;
      if (choice === 'skip') {
        metas.current.delete(file.id);
        onRemove(file.id);
        setNotice({
          kind: 'info',
          text: `Skipped ${file.name}: the copy already imported was kept.`,
        });
        return;
      }
      await reimport(file, meta, { onDuplicate: 'replace' });
    },
    [reimport, onRemove],
  );

  const reimportFlagged = useCallback(
    async (file: LoadedFile, choice: 'keep' | 'drop'): Promise<void> => {
      const meta = metas.current.get(file.id);
      if (meta === undefined) return;
      await reimport(file, { ...meta, flaggedRows: choice }, { onDuplicate: 'replace' });
    },
    [reimport],
  );

  return {
    running,
    notice,
    superseded,
    meta: (id) => metas.current.get(id),
    add,
    applyMapping,
    resolveDuplicate,
    reimportFlagged,
    dismissNotice: () => setNotice(null),
    mappingStore,
    replaceMappingStore: (next) => {
      store.current = next;
      saveMappingStore(next);
    },
  };
}
