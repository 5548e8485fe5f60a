import type { IpcErrorCode } from '../../shared/ipc/contract';

/**
 * The one error type handlers throw on purpose. The dispatcher turns it into
 * `{ ok: false, error: { code, message } }`; any other error becomes `internal`.
 */
export class IpcFailure extends Error {
  override readonly name = 'IpcFailure';
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
  }
}
