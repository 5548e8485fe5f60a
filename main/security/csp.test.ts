import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkedHeaderCsp,
  cspFromIndexHtml,
  cspProblems,
  FALLBACK_CSP,
  parseCsp,
  securityHeaders,
} from './csp';

describe('cspProblems', () => {
  it('accepts the fallback policy', () => {
    expect(cspProblems(FALLBACK_CSP)).toEqual([]);
  });
  it.each([
    [
      'a remote host',
      "default-src 'self'; script-src 'self' https://cdn.jsdelivr.net; object-src 'none'; base-uri 'none'",
      /script-src allows https:\/\/cdn/,
    ],
    [
      'any https',
      "default-src 'self' https:; script-src 'self'; object-src 'none'; base-uri 'none'",
      /default-src allows https:/,
    ],
    [
      'a wildcard',
      "default-src *; script-src 'self'; object-src 'none'; base-uri 'none'",
      /default-src allows \*/,
    ],
    [
      'eval',
      "default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'",
      /unsafe-eval/,
    ],
    [
      'inline script',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'",
      /script-src allows 'unsafe-inline'/,
    ],
    [
      'remote fetch',
      "default-src 'self'; script-src 'self'; connect-src 'self' https://api.example; object-src 'none'; base-uri 'none'",
      /connect-src/,
    ],
    [
      'websockets',
      "default-src 'self'; script-src 'self'; connect-src ws:; object-src 'none'; base-uri 'none'",
      /connect-src allows ws:/,
    ],
    [
      'plugins',
      "default-src 'self'; script-src 'self'; object-src 'self'; base-uri 'none'",
      /object-src allows 'self'/,
    ],
    [
      'no script-src',
      "default-src 'self'; object-src 'none'; base-uri 'none'",
      /script-src is missing/,
    ],
    [
      'no object-src',
      "default-src 'self'; script-src 'self'; base-uri 'none'",
      /object-src is missing/,
    ],
    [
      'a report endpoint',
      "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; report-uri https://x",
      /report-uri/,
    ],
  ])('refuses %s', (_label, policy, problem) => {
    expect(cspProblems(policy).join('; ')).toMatch(problem);
  });
  it('counts only the first occurrence of a directive, as browsers do', () => {
    expect(parseCsp("script-src 'self'; script-src https://x").get('script-src')).toEqual([
      "'self'",
    ]);
  });
});

describe('checkedHeaderCsp', () => {
  it('uses the fallback when index.html has no policy, and adds header-only directives', () => {
    const header = checkedHeaderCsp(null);
    expect(header.startsWith(FALLBACK_CSP)).toBe(true);
    expect(parseCsp(header).get('frame-ancestors')).toEqual(["'none'"]);
  });
  it('throws on a lax policy rather than serving it', () => {
    expect(() =>
      checkedHeaderCsp(
        "default-src *; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'",
      ),
    ).toThrow(/not strict enough/);
  });
  it('has the directives the brief requires', () => {
    const d = parseCsp(checkedHeaderCsp(null));
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
  });
});

describe("the renderer's own policy (renderer/index.html, the one copy)", () => {
  const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
  const policy = cspFromIndexHtml(html);
  it('is present and passes the check', () => {
    expect(policy).not.toBeNull();
    expect(cspProblems(policy!)).toEqual([]);
  });
  it('never mentions a network scheme or host', () => {
    expect(policy).not.toMatch(/https?:|wss?:|\*|\.(com|org|net|uk|io)\b/);
  });
});

describe('securityHeaders', () => {
  it('sends the policy and forbids sniffing', () => {
    const headers = securityHeaders('x');
    expect(headers['Content-Security-Policy']).toBe('x');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('cspFromIndexHtml', () => {
  it('reads the meta tag and nothing else', () => {
    expect(
      cspFromIndexHtml(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />`,
      ),
    ).toBe("default-src 'self'");
    expect(cspFromIndexHtml('<html></html>')).toBeNull();
  });
});
