/**
 * Applied to every webContents the app ever creates (app 'web-contents-created'): no new
 * windows, no navigation off the app origin, no <webview>. Allowed https links go to the OS
 * browser through the one allow-list. Decisions live in main/security/navigation.ts.
 */
import type { WebContents } from 'electron';
import { shell } from 'electron';
import { decideNavigation, decideWindowOpen } from '../security/navigation';

function openExternally(url: string | null): void {
  if (url !== null) void shell.openExternal(url);
}

export function hardenWebContents(contents: WebContents, report: (message: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    openExternally(decision.openExternally);
    if (decision.openExternally === null) report(`Denied a new window for ${url.slice(0, 200)}`);
    return { action: decision.action };
  });
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.allow) return;
    event.preventDefault();
    openExternally(decision.openExternally);
    if (decision.openExternally === null) report(`Denied navigation to ${event.url.slice(0, 200)}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!decideNavigation(event.url).allow) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    // A redirect is never the user's intent: no external opening here.
    if (!decideNavigation(event.url).allow) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
