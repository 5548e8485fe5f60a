/**
 * The single path every IPC call takes in main: sender check, request parse, handler,
 * response parse, envelope. Pure apart from the handlers it is given, so every refusal is
 * tested without Electron (dispatch.test.ts).
 */
import type { IpcResult, RequestOf, ResponseOf, VerbName } from '../../shared/ipc/contract';
import { ipcContract } from '../../shared/ipc/contract';
import { IpcValidationError } from '../../shared/ipc/schema';
import type { SenderInfo } from '../security/sender';
import { IpcFailure } from './failure';
import type { Handlers } from './handlers';

export type Dispatch = <K extends VerbName>(
  verb: K,
  sender: SenderInfo,
  raw: unknown,
) => Promise<IpcResult<ResponseOf<K>>>;

export interface DispatchOptions {
  readonly handlers: Handlers;
  readonly isTrusted: (sender: SenderInfo) => boolean;
  /** Refusals and internal errors are reported here (main logs them to stderr). */
  readonly report?: (message: string) => void;
}

export function createDispatcher(options: DispatchOptions): Dispatch {
  const report = options.report ?? (() => undefined);
  return async function dispatch<K extends VerbName>(
    verb: K,
    sender: SenderInfo,
    raw: unknown,
  ): Promise<IpcResult<ResponseOf<K>>> {
    if (!options.isTrusted(sender)) {
      report(
        `IPC ${verb} refused: sender webContents ${sender.webContentsId} (${sender.frameUrl ?? 'no frame'}) is not an app window.`,
      );
      return {
        ok: false,
        error: { code: 'forbidden-sender', message: 'This page may not use the workbench.' },
      };
    }
    let request: RequestOf<K>;
    try {
      request = ipcContract[verb].request.parse(raw, 'request') as RequestOf<K>;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      report(`IPC ${verb} refused: ${message}`);
      return { ok: false, error: { code: 'invalid-request', message } };
    }
    try {
      // The handler table is keyed by verb, so handlers[verb] takes RequestOf<K>; TypeScript
      // cannot correlate the two through the generic, hence the narrow cast.
      const handler = options.handlers[verb] as (request: RequestOf<K>) => Promise<ResponseOf<K>>;
      const value = await handler(request);
      return {
        ok: true,
        value: ipcContract[verb].response.parse(value, 'response') as ResponseOf<K>,
      };
    } catch (error) {
      if (error instanceof IpcFailure)
        return { ok: false, error: { code: error.code, message: error.message } };
      if (error instanceof IpcValidationError) {
        report(`IPC ${verb} produced an invalid response: ${error.message}`);
        return {
          ok: false,
          error: {
            code: 'internal',
            message: `The workbench produced an unexpected answer (${error.message}).`,
          },
        };
      }
      const message = error instanceof Error ? error.message : String(error);
      report(`IPC ${verb} failed: ${message}`);
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}
