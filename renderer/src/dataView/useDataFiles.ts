/**
 * The user's files in the workspace and the import flow that adds to them, in one hook for the
 * app shell. Demo files stay with the demo (useDemoWorkspace); this list holds what the user
 * added, or what an opened workspace brought back.
 */
import { useCallback, useState } from 'react';
import type { LoadedFile } from '../data/importData';
import { useImportFlow, type ImportFlow } from './useImportFlow';

export interface DataFiles {
  readonly userFiles: readonly LoadedFile[];
  readonly flow: ImportFlow;
  /** Drop entries whose rows a later import replaced (they would show nothing). */
  current(files: readonly LoadedFile[]): LoadedFile[];
  /** Replace the user's list (an opened workspace). */
  replaceAll(files: readonly LoadedFile[]): void;
}

export function useDataFiles(select: (fileId: string | null) => void): DataFiles {
  const [userFiles, setUserFiles] = useState<readonly LoadedFile[]>([]);
  const onLoaded = useCallback(
    (file: LoadedFile, replaces?: string) => {
      setUserFiles((list) =>
        replaces !== undefined && list.some((f) => f.id === replaces)
          ? list.map((f) => (f.id === replaces ? file : f))
          : [...list, file],
      );
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
    current: (files) =>
      files.filter(
        (f) =>
          !(f.outcome.kind === 'imported' && flow.superseded.has(f.outcome.report.sourceFileId)),
      ),
    replaceAll: setUserFiles,
  };
}
