/**
 * The main <-> renderer IPC contract, written once. Everything else is derived from it:
 * - the preload builds `window.workbench` from it (shared/ipc/bridge.ts, main/desktop/preload.ts);
 * - main registers one handler per verb from it and parses every request with its schema
 *   (main/ipc/dispatch.ts);
 * - the renderer's `window.workbench` type is `WorkbenchApi` below, never a hand-written copy.
 *
 * The renderer never names a path main has not handed it: files to open and places to save are
 * chosen in main's native dialogs, and workspace files are addressed as (granted root, relative
 * path). Sizes are bounded on both sides.
 */
import {
  absolutePathProblem,
  fileNameProblem,
  MAX_ABSOLUTE_PATH_LENGTH,
  MAX_FILE_NAME_LENGTH,
  MAX_RELATIVE_PATH_LENGTH,
  relativePathProblem,
} from './paths';
import type { Infer, Schema } from './schema';
import { array, bytes, integer, literal, nothing, object, oneOf, string } from './schema';

const MiB = 1024 * 1024;

/** Limits, in one place. Data extracts can be large (a 1M-row CSV is ~43 MB); IPC copies them. */
export const IPC_LIMITS = {
  /** One data file opened through the dialog. */
  maxDataFileBytes: 512 * MiB,
  /** All data files opened in one dialog, together. */
  maxDataFilesTotalBytes: 1024 * MiB,
  maxDataFilesPerOpen: 50,
  /** One export (figure pack zip, XLSX, DOCX, CSV). */
  maxExportBytes: 512 * MiB,
  /** One file read from or written to a workspace folder. */
  maxWorkspaceFileBytes: 1024 * MiB,
  maxWorkspaceEntries: 10_000,
  maxRecentWorkspaces: 10,
} as const;

const fileName = string({ minLength: 1, maxLength: MAX_FILE_NAME_LENGTH, check: fileNameProblem });
const relativePath = string({
  minLength: 1,
  maxLength: MAX_RELATIVE_PATH_LENGTH,
  check: relativePathProblem,
});
const absolutePath = string({
  minLength: 1,
  maxLength: MAX_ABSOLUTE_PATH_LENGTH,
  check: absolutePathProblem,
});
const mimeType = string({
  minLength: 3,
  maxLength: 200,
  check: (v) =>
    /^[a-z0-9][a-z0-9.+-]*\/[a-z0-9][a-z0-9.+-]*(;\s*[a-z0-9-]+=[a-z0-9.+-]+)*$/i.test(v)
      ? null
      : 'is not a MIME type',
});
const isoTimestamp = string({
  minLength: 20,
  maxLength: 30,
  check: (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)
      ? null
      : 'is not an ISO-8601 UTC timestamp',
});

const dataFile = object({
  name: fileName,
  bytes: bytes({ maxBytes: IPC_LIMITS.maxDataFileBytes }),
});
const workspaceInfo = object({
  /** Absolute folder path, exactly as the folder dialog returned it. */
  root: absolutePath,
  /** The folder's own name, for display. */
  name: string({ minLength: 1, maxLength: MAX_FILE_NAME_LENGTH }),
});
const recentWorkspace = object({
  root: absolutePath,
  name: string({ minLength: 1, maxLength: MAX_FILE_NAME_LENGTH }),
  lastOpenedAt: isoTimestamp,
});
const recentList = object({
  workspaces: array(recentWorkspace, { maxItems: IPC_LIMITS.maxRecentWorkspaces }),
});
const cancelled = object({ cancelled: literal(true) });

interface Verb<Req, Res> {
  readonly channel: `workbench:${string}`;
  readonly request: Schema<Req>;
  readonly response: Schema<Res>;
}

/** The contract. Keys are the verbs the renderer calls on `window.workbench`. */
export const ipcContract = {
  /** Main shows an open dialog for data files and returns their names and bytes ([] if cancelled). */
  openDataFiles: {
    channel: 'workbench:data-files:open',
    request: nothing(),
    response: object({ files: array(dataFile, { maxItems: IPC_LIMITS.maxDataFilesPerOpen }) }),
  },
  /** Main shows a save dialog seeded with the suggested name and writes only where the user chose. */
  saveExport: {
    channel: 'workbench:export:save',
    request: object({
      suggestedName: fileName,
      mimeType,
      bytes: bytes({ maxBytes: IPC_LIMITS.maxExportBytes }),
    }),
    response: oneOf(
      object({ saved: literal(false) }),
      object({ saved: literal(true), location: absolutePath }),
    ),
  },
  /** Main shows a folder dialog; the chosen folder is granted for this session and remembered as recent. */
  chooseWorkspace: {
    channel: 'workbench:workspace:choose',
    request: nothing(),
    response: oneOf(cancelled, workspaceInfo),
  },
  /** Re-grant a folder from the recent list (it was chosen in a dialog before). */
  openRecentWorkspace: {
    channel: 'workbench:workspace:open-recent',
    request: object({ root: absolutePath }),
    response: workspaceInfo,
  },
  /** Files (not symlinks) inside a granted workspace, relative paths with forward slashes. */
  listWorkspaceFiles: {
    channel: 'workbench:workspace:list',
    request: object({ root: absolutePath }),
    response: object({
      entries: array(
        object({ path: relativePath, size: integer({ min: 0, max: Number.MAX_SAFE_INTEGER }) }),
        {
          maxItems: IPC_LIMITS.maxWorkspaceEntries,
        },
      ),
    }),
  },
  readWorkspaceFile: {
    channel: 'workbench:workspace:read',
    request: object({ root: absolutePath, path: relativePath }),
    response: object({ bytes: bytes({ maxBytes: IPC_LIMITS.maxWorkspaceFileBytes }) }),
  },
  /** Creates folders as needed inside the workspace; replaces the file atomically. */
  writeWorkspaceFile: {
    channel: 'workbench:workspace:write',
    request: object({
      root: absolutePath,
      path: relativePath,
      bytes: bytes({ maxBytes: IPC_LIMITS.maxWorkspaceFileBytes }),
    }),
    response: object({ size: integer({ min: 0, max: IPC_LIMITS.maxWorkspaceFileBytes }) }),
  },
  listRecentWorkspaces: {
    channel: 'workbench:recent:list',
    request: nothing(),
    response: recentList,
  },
  forgetRecentWorkspace: {
    channel: 'workbench:recent:forget',
    request: object({ root: absolutePath }),
    response: recentList,
  },
} as const satisfies Record<string, Verb<unknown, unknown>>;

export type IpcContract = typeof ipcContract;
export type VerbName = keyof IpcContract;
export type RequestOf<K extends VerbName> = Infer<IpcContract[K]['request']>;
export type ResponseOf<K extends VerbName> = Infer<IpcContract[K]['response']>;

export const verbNames = Object.keys(ipcContract) as readonly VerbName[];

/** Why a call failed. `forbidden-sender` is never seen by the app's own window. */
export type IpcErrorCode =
  | 'invalid-request'
  | 'invalid-response'
  | 'forbidden-sender'
  | 'not-granted'
  | 'too-large'
  | 'not-found'
  | 'io-error'
  | 'internal';

export const ipcErrorCodes: readonly IpcErrorCode[] = [
  'invalid-request',
  'invalid-response',
  'forbidden-sender',
  'not-granted',
  'too-large',
  'not-found',
  'io-error',
  'internal',
];

export interface IpcError {
  readonly code: IpcErrorCode;
  /** Says what was wrong and, where it can, what the user can do. */
  readonly message: string;
}

/**
 * Every verb resolves to a result envelope rather than rejecting, because Error objects lose
 * their fields crossing the context bridge; plain objects do not.
 */
export type IpcResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** The renderer's `window.workbench`: derived from the contract, one method per verb. */
export type WorkbenchApi = {
  readonly [K in VerbName]: (
    ...args: RequestOf<K> extends undefined ? [] : [request: RequestOf<K>]
  ) => Promise<IpcResult<ResponseOf<K>>>;
};

/** Parses an envelope as it arrives in the preload; the value is parsed with the verb's schema. */
export function parseResult<K extends VerbName>(verb: K, raw: unknown): IpcResult<ResponseOf<K>> {
  const envelope = oneOf(
    object({ ok: literal(true), value: { parse: (v: unknown) => v } }),
    object({
      ok: literal(false),
      error: object({
        code: string({
          maxLength: 40,
          check: (c) =>
            (ipcErrorCodes as readonly string[]).includes(c) ? null : 'is not a known error code',
        }),
        message: string({ maxLength: 4000 }),
      }),
    }),
  ).parse(raw, 'response');
  if (envelope.ok) {
    const value = ipcContract[verb].response.parse(
      envelope.value,
      'response.value',
    ) as ResponseOf<K>;
    return { ok: true, value };
  }
  return {
    ok: false,
    error: { code: envelope.error.code as IpcErrorCode, message: envelope.error.message },
  };
}
