/**
 * Pure, platform-neutral checks on the names and paths the renderer may send. They are the
 * first gate (the preload runs them before sending; main runs them again before resolving
 * anything). Main then resolves with node:path and checks containment and symlinks itself:
 * see main/workspace/workspaceFiles.ts. Each check returns a problem string or null.
 */

export const MAX_FILE_NAME_LENGTH = 255;
export const MAX_RELATIVE_PATH_LENGTH = 1024;
export const MAX_RELATIVE_PATH_DEPTH = 8;
export const MAX_ABSOLUTE_PATH_LENGTH = 4096;

// Characters Windows forbids in names (plus ':' which would reach an NTFS alternate data
// stream), and C0 control characters including NUL.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this rejects
const FORBIDDEN_NAME_CHARS = /[<>:"|?*\\/\u0000-\u001f]/;
// Device names Windows reserves in every directory, with or without an extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A single file or folder name: no separators, no traversal, portable to Windows. */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_FILE_NAME_LENGTH)
    return `is longer than ${MAX_FILE_NAME_LENGTH} characters`;
  if (name === '.' || name === '..') return 'is a directory reference, not a name';
  if (FORBIDDEN_NAME_CHARS.test(name))
    return 'contains a path separator, a control character or one of < > : " | ? *';
  if (/[. ]$/.test(name)) return 'ends with a dot or a space';
  if (WINDOWS_RESERVED.test(name)) return 'is a name Windows reserves for devices';
  return null;
}

/** A path inside a workspace: forward slashes only, no leading slash, no `.` or `..` segments. */
export function relativePathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > MAX_RELATIVE_PATH_LENGTH)
    return `is longer than ${MAX_RELATIVE_PATH_LENGTH} characters`;
  if (path.includes('\\')) return 'must use forward slashes';
  if (path.startsWith('/')) return 'must be relative to the workspace, not absolute';
  const segments = path.split('/');
  if (segments.length > MAX_RELATIVE_PATH_DEPTH)
    return `is nested deeper than ${MAX_RELATIVE_PATH_DEPTH} folders`;
  for (const segment of segments) {
    if (segment === '..') return 'must not climb out of the workspace (..)';
    const problem = fileNameProblem(segment);
    if (problem !== null) return `has a segment that ${problem}`;
  }
  return null;
}

const WINDOWS_DRIVE_ROOT = /^[A-Za-z]:\\/;
const WINDOWS_UNC_ROOT = /^\\\\[^\\/]+\\[^\\/]+/;

/**
 * An absolute, already-normalised folder path as a native dialog returns it: POSIX (`/home/a`),
 * a Windows drive (`C:\Users\a`) or a UNC share (`\\server\share\a`). No `.`/`..` segments, no
 * doubled separators. This only proves the shape; main still requires the path to be one the
 * user granted through a dialog.
 */
export function absolutePathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.length > MAX_ABSOLUTE_PATH_LENGTH)
    return `is longer than ${MAX_ABSOLUTE_PATH_LENGTH} characters`;
  if (path.includes('\u0000')) return 'contains a NUL character';
  let body: string;
  let separator: string;
  if (path.startsWith('/')) {
    if (path === '/') return null;
    separator = '/';
    body = path.slice(1);
  } else if (WINDOWS_UNC_ROOT.test(path)) {
    separator = '\\';
    body = path.slice(2);
  } else if (WINDOWS_DRIVE_ROOT.test(path)) {
    if (path.length === 3) return null;
    separator = '\\';
    body = path.slice(3);
  } else {
    return 'must be an absolute path';
  }
  if (separator === '\\' && body.includes('/')) return 'mixes / and \\ separators';
  if (body.endsWith(separator)) return 'must not end with a separator';
  for (const segment of body.split(separator)) {
    if (segment === '') return 'contains an empty segment';
    if (segment === '.' || segment === '..') return 'must not contain . or .. segments';
  }
  return null;
}

/** The last segment of an absolute path, for display. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
  return parts.at(-1) ?? path;
}

/**
 * Makes a name from the file system fit `fileNameProblem`, for display and for the contract
 * (a Linux file may legally be called `a:b.csv`). Not used to build paths.
 */
export function toPortableFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are replaced on purpose
  let out = name.replace(/[<>:"|?*\\/\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  if (WINDOWS_RESERVED.test(out)) out = `_${out}`;
  if (out === '' || out === '.' || out === '..') out = 'file';
  return out.length > MAX_FILE_NAME_LENGTH ? out.slice(0, MAX_FILE_NAME_LENGTH) : out;
}
