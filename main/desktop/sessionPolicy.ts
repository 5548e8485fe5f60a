/** Session-wide refusals: network requests and permission prompts. Decisions live in main/security/network.ts. */
import type { Session } from 'electron';
import { decidePermission, isAllowedRequest } from '../security/network';

export function applySessionPolicy(
  session: Session,
  options: { allowDevTools: boolean; report: (message: string) => void },
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, options);
    if (!allowed) options.report(`Blocked a network request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    callback(decidePermission(permission, webContents.getURL()));
  });
  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // Downloads are never started by the app itself (exports go through the save dialog).
  session.on('will-download', (event) => event.preventDefault());
}
