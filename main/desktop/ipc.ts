/** Registers one ipcMain handler per contract verb, all going through the dispatcher. */
import type { IpcMainInvokeEvent } from 'electron';
import { ipcMain } from 'electron';
import { ipcContract, verbNames } from '../../shared/ipc/contract';
import type { Dispatch } from '../ipc/dispatch';
import type { SenderInfo } from '../security/sender';

export function senderInfoFromEvent(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isTopFrame: frame !== null && frame.parent === null,
  };
}

export function registerIpc(dispatch: Dispatch): void {
  for (const verb of verbNames) {
    ipcMain.handle(ipcContract[verb].channel, (event, raw: unknown) =>
      dispatch(verb, senderInfoFromEvent(event), raw),
    );
  }
}
