import { describe, expect, it } from 'vitest';
import { allowedExternalUrl, EXTERNAL_LINK_HOSTS } from './externalLinks';
import { decideNavigation, decideWindowOpen } from './navigation';

describe('decideNavigation (will-navigate, will-redirect, will-frame-navigate)', () => {
  it('stays on the app origin', () => {
    expect(decideNavigation('app://workbench/index.html')).toEqual({
      allow: true,
      openExternally: null,
    });
  });
  it.each([
    'https://evil.example/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://elsewhere/index.html',
    'javascript:alert(1)',
    'data:text/html,<h1>x</h1>',
    'about:blank',
    'chrome://settings',
    'not a url',
  ])('denies %s and does not open it externally', (url) => {
    expect(decideNavigation(url)).toEqual({ allow: false, openExternally: null });
  });
  it('denies an allowed public source in-app but opens it in the browser', () => {
    expect(decideNavigation('https://fingertips.phe.org.uk/profile/health-profiles')).toEqual({
      allow: false,
      openExternally: 'https://fingertips.phe.org.uk/profile/health-profiles',
    });
  });
});

describe('decideWindowOpen (setWindowOpenHandler)', () => {
  it.each([
    'app://workbench/index.html',
    'https://evil.example/',
    'about:blank',
    '',
    'https://www.ons.gov.uk/',
  ])('never opens an Electron window for %j', (url) => {
    expect(decideWindowOpen(url).action).toBe('deny');
  });
  it('hands allowed links to the OS browser only', () => {
    expect(decideWindowOpen('https://www.ons.gov.uk/census').openExternally).toBe(
      'https://www.ons.gov.uk/census',
    );
    expect(decideWindowOpen('https://evil.example/').openExternally).toBeNull();
  });
});

describe('allowedExternalUrl (the one external-link allow-list)', () => {
  it('allows https on the listed hosts exactly', () => {
    for (const host of EXTERNAL_LINK_HOSTS)
      expect(allowedExternalUrl(`https://${host}/x?y=1#z`)).toBe(`https://${host}/x?y=1#z`);
    expect(allowedExternalUrl('https://WWW.GOV.UK/guidance')).toBe('https://www.gov.uk/guidance');
  });
  it.each([
    ['http, not https', 'http://www.gov.uk/'],
    ['a lookalike subdomain', 'https://www.gov.uk.evil.example/'],
    ['a parent domain', 'https://gov.uk/'],
    ['a sibling subdomain', 'https://evil.gov.uk/'],
    ['credentials that disguise the host', 'https://www.gov.uk@evil.example/'],
    ['credentials on an allowed host', 'https://user:pw@www.gov.uk/'],
    ['an explicit port', 'https://www.gov.uk:8443/'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['javascript:', 'javascript:alert(1)'],
    ['smb: (credential leak on Windows)', 'smb://fileserver/share'],
    ['an unparseable string', 'https://'],
    ['a huge URL', `https://www.gov.uk/${'a'.repeat(3000)}`],
  ])('refuses %s', (_label, url) => {
    expect(allowedExternalUrl(url)).toBeNull();
  });
});
