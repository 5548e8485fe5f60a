/**
 * The user's files in the workspace and the import flow that adds to them, in one hook for the
 * app shell. Demo files stay with the demo (useDemoWorkspace); this list holds what the user
 * added, or what an opened workspace brought back.
 */
import { useCallback, useRef, useState } from 'react';
import type { LoadedFile } from '../data/importData';
import { useImportFlow, type ImportFlow } from './useImportFlow';

export interface DataFiles {
  readonly userFiles: readonly LoadedFile[];
  readonly flow: ImportFlow;
  /** Drop entries whose rows a later import replaced (they would show nothing). */
  current(files: readonly LoadedFile[]): LoadedFile[];
  /** Replace the whole list with an opened workspace's files (demo entries then hide). */
  openedWorkspace(files: readonly LoadedFile[]): void;
  /** The files the shell last listed (demo and user), for the facts a saved workspace keeps. */
  shown(): readonly LoadedFile[];
  /** Bumped whenever the workspace's tables may have changed (for row counts). */
  readonly version: number;
}

export function useDataFiles(select: (fileId: string | null) => void): DataFiles {
  const [userFiles, setUserFiles] = useState<readonly LoadedFile[]>([]);
  const [replacedDemo, setReplacedDemo] = useState(false);
  const [version, setVersion] = useState(0);
  const shown = useRef<readonly LoadedFile[]>([]);
  const onLoaded = useCallback(
    (file: LoadedFile, replaces?: string) => {
      setUserFiles((list) =>
        replaces !== undefined && list.some((f) => f.id === replaces)
          ? list.map((f) => (f.id === replaces ? file : f))
          : [...list, file],
      );
      setVersion((v) => v + 1);
      select(file.id);
    },
    [select],
  );
  const onRemove = useCallback(
    (id: string) => {
      setUserFiles((list) => list.filter((f) => f.id !== id));
      select(null);
    },
    [select],
  );
  const flow = useImportFlow({ onLoaded, onRemove });
  return {
    userFiles,
    flow,
    version,
    shown: () => shown.current,
    current: (files) =>
      (shown.current = files.filter(
        (f) =>
          !(replacedDemo && f.origin === 'demo') &&
          !(f.outcome.kind === 'imported' && flow.superseded.has(f.outcome.report.sourceFileId)),
      )),
    openedWorkspace: (files) => {
      setUserFiles(files);
      setReplacedDemo(true);
      setVersion((v) => v + 1);
    },
  };
}
