/**
 * Reading and writing with size limits and without following symlinks at the last step.
 * `O_NOFOLLOW` exists on POSIX only; on Windows the caller's lstat walk is the guard.
 */
import { constants } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { IpcFailure } from '../ipc/failure';

const NOFOLLOW = process.platform === 'win32' ? 0 : constants.O_NOFOLLOW;

function ioFailure(error: unknown, what: string): IpcFailure {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return new IpcFailure('not-found', `${what} does not exist.`);
  if (code === 'ELOOP')
    return new IpcFailure('not-granted', `${what} is a symbolic link; links are not followed.`);
  if (code === 'EACCES' || code === 'EPERM')
    return new IpcFailure('io-error', `${what} cannot be accessed: permission denied.`);
  if (code === 'EISDIR') return new IpcFailure('not-found', `${what} is a folder, not a file.`);
  return new IpcFailure(
    'io-error',
    `${what} could not be read or written (${typeof code === 'string' ? code : 'unknown error'}).`,
  );
}

/**
 * Reads a regular file of at most maxBytes; the size is checked on the open handle, before
 * reading. A link as the last segment is refused unless the path is the user's own dialog
 * choice (`followLinks`), where following it is what the user asked for.
 */
export async function readBounded(
  filePath: string,
  maxBytes: number,
  what = `"${basename(filePath)}"`,
  options: { readonly followLinks?: boolean } = {},
): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(
      filePath,
      constants.O_RDONLY | (options.followLinks === true ? 0 : NOFOLLOW),
    );
  } catch (error) {
    throw ioFailure(error, what);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new IpcFailure('not-found', `${what} is not a regular file.`);
    if (stats.size > maxBytes) {
      throw new IpcFailure(
        'too-large',
        `${what} is ${stats.size} bytes, over the limit of ${maxBytes}. Split it or filter it before loading.`,
      );
    }
    const buffer = new Uint8Array(stats.size);
    let offset = 0;
    while (offset < buffer.byteLength) {
      const { bytesRead } = await handle.read(buffer, offset, buffer.byteLength - offset, offset);
      if (bytesRead === 0) break;
      offset += bytesRead;
    }
    return offset === buffer.byteLength ? buffer : buffer.subarray(0, offset);
  } catch (error) {
    throw error instanceof IpcFailure ? error : ioFailure(error, what);
  } finally {
    await handle.close();
  }
}

/**
 * Writes bytes to a temporary file beside the target, then renames it over the target, so a
 * crash never leaves a half-written workspace file. The temp file is created exclusively.
 */
export async function writeAtomically(
  filePath: string,
  bytes: Uint8Array,
  what = `"${basename(filePath)}"`,
): Promise<void> {
  const temp = join(
    dirname(filePath),
    `.${basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
      0o600,
    );
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error instanceof IpcFailure ? error : ioFailure(error, what);
  }
}
