/**
 * Which IPC senders main will answer. Only the top frame of a window main itself created, while
 * it shows the app's own origin. Anything else (a foreign or destroyed webContents, a subframe,
 * a page that somehow navigated elsewhere) gets `forbidden-sender` and nothing is touched.
 */
import { isAppUrl } from './appUrl';

/** What main can learn about a sender from an IPC event (see senderInfoFromEvent in main/desktop/ipc.ts). */
export interface SenderInfo {
  readonly webContentsId: number;
  /** The sending frame's URL; null when the frame has gone (navigated or destroyed). */
  readonly frameUrl: string | null;
  /** False for iframes. */
  readonly isTopFrame: boolean;
}

export function isTrustedSender(
  sender: SenderInfo,
  ownWebContentsIds: ReadonlySet<number>,
): boolean {
  return (
    ownWebContentsIds.has(sender.webContentsId) && sender.isTopFrame && isAppUrl(sender.frameUrl)
  );
}
