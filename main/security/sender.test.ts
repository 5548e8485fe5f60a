import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './sender';

const own = new Set([3]);
const app = { webContentsId: 3, frameUrl: 'app://workbench/index.html', isTopFrame: true };

describe('isTrustedSender', () => {
  it("answers the top frame of the app's own window on the app origin", () => {
    expect(isTrustedSender(app, own)).toBe(true);
    expect(
      isTrustedSender({ ...app, frameUrl: 'app://workbench/index.html#/workspace' }, own),
    ).toBe(true);
  });
  it.each([
    ['a foreign webContents', { ...app, webContentsId: 4 }],
    ['a subframe', { ...app, isTopFrame: false }],
    ['a destroyed or navigated frame', { ...app, frameUrl: null }],
    ['a remote origin', { ...app, frameUrl: 'https://evil.example/index.html' }],
    ['localhost', { ...app, frameUrl: 'http://127.0.0.1:5173/' }],
    ['file://', { ...app, frameUrl: 'file:///home/a/index.html' }],
    ['the app scheme with another host', { ...app, frameUrl: 'app://evil/index.html' }],
    ['the app host with credentials', { ...app, frameUrl: 'app://user:pw@workbench/index.html' }],
    ['the app host with a port', { ...app, frameUrl: 'app://workbench:8080/index.html' }],
    ['about:blank', { ...app, frameUrl: 'about:blank' }],
    ['data:', { ...app, frameUrl: 'data:text/html,<script>1</script>' }],
  ])('refuses %s', (_label, sender) => {
    expect(isTrustedSender(sender, own)).toBe(false);
  });
  it('refuses everyone once the window has closed', () => {
    expect(isTrustedSender(app, new Set())).toBe(false);
  });
});
