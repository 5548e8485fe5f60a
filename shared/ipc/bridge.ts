/**
 * Builds the `window.workbench` object from the contract. The preload passes a function that
 * sends on a channel (ipcRenderer.invoke), and exposes only the result: one verb per contract
 * entry, never the sender itself. Requests are checked here before they leave the renderer (a
 * clearer error, sooner); responses are checked on arrival. Main checks requests again.
 */
import type { IpcResult, RequestOf, ResponseOf, VerbName, WorkbenchApi } from './contract';
import { ipcContract, parseResult, verbNames } from './contract';
import { IpcValidationError } from './schema';

export type Invoke = (channel: string, request: unknown) => Promise<unknown>;

async function call<K extends VerbName>(
  invoke: Invoke,
  verb: K,
  request: unknown,
): Promise<IpcResult<ResponseOf<K>>> {
  let checked: RequestOf<K>;
  try {
    checked = ipcContract[verb].request.parse(request, 'request') as RequestOf<K>;
  } catch (error) {
    if (error instanceof IpcValidationError)
      return { ok: false, error: { code: 'invalid-request', message: error.message } };
    throw error;
  }
  const raw = await invoke(ipcContract[verb].channel, checked);
  try {
    return parseResult(verb, raw);
  } catch (error) {
    if (error instanceof IpcValidationError)
      return { ok: false, error: { code: 'invalid-response', message: error.message } };
    throw error;
  }
}

export function buildWorkbenchApi(invoke: Invoke): WorkbenchApi {
  const api: Record<string, (request?: unknown) => Promise<unknown>> = {};
  for (const verb of verbNames) {
    api[verb] = (request?: unknown) => call(invoke, verb, request);
  }
  // Each entry above is `call` for its own verb, so the object has the contract's shape.
  return Object.freeze(api) as unknown as WorkbenchApi;
}
