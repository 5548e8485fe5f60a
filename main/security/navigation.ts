/**
 * What happens when the page tries to leave itself. The renderer is a single page: it never
 * needs to navigate, open windows or redirect. Links to allowed public sources open in the
 * user's browser through the one allow-list (externalLinks.ts); everything else is denied.
 */
import { isAppUrl } from './appUrl';
import { allowedExternalUrl } from './externalLinks';

export interface NavigationDecision {
  /** Whether the navigation may proceed in the app window. */
  readonly allow: boolean;
  /** Set when the URL should be opened in the user's browser instead. */
  readonly openExternally: string | null;
}

/**
 * `will-navigate` / `will-redirect` / `will-frame-navigate`: stay on the app origin or not at
 * all. (Reloading is a separate path and still works.)
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { allow: true, openExternally: null };
  return { allow: false, openExternally: allowedExternalUrl(url) };
}

/** `setWindowOpenHandler`: never a new Electron window; allowed https links go to the browser. */
export function decideWindowOpen(url: string): {
  readonly action: 'deny';
  readonly openExternally: string | null;
} {
  return { action: 'deny', openExternally: allowedExternalUrl(url) };
}
