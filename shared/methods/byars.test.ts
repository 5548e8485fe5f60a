import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byarsLower, byarsUpper } from './byars';
import { MethodInputError } from './errors';
import { num, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Source: fixtures/reference/pheindicatormethods/data/byars_wilson.csv (manifest case byars_wilson).
// Tolerances (README "Tolerances"): pkg_* 1e-12 relative; exp_* 1.5e-8 relative.
const FILE = new URL(
  '../../fixtures/reference/pheindicatormethods/data/byars_wilson.csv',
  import.meta.url,
);
const rows = parseReferenceCsv(readFileSync(FILE, 'utf8')).filter(
  (r) => str(r, 'method') === 'byars',
);

describe("Byar's limits vs PHEindicatormethods 2.1.0 (byars_wilson.csv)", () => {
  it('has seven Byar rows', () => expect(rows.length).toBe(7));
  it.each(rows.map((r) => [str(r, 'case_id'), r] as const))('%s', (_id, r) => {
    const x = num(r, 'x');
    const c = num(r, 'confidence');
    const lower = byarsLower(x, c);
    const upper = byarsUpper(x, c);
    expect(relErr(lower, r.pkg_lower as number | null)).toBeLessThanOrEqual(1e-12);
    expect(relErr(upper, num(r, 'pkg_upper'))).toBeLessThanOrEqual(1e-12);
    expect(relErr(lower, r.exp_lower as number | null)).toBeLessThanOrEqual(1.5e-8);
    expect(relErr(upper, num(r, 'exp_upper'))).toBeLessThanOrEqual(1.5e-8);
  });
  it('bw_13: a negative lower limit (x = 1 at 99.8%) is null, not a negative number', () => {
    expect(byarsLower(1, 0.998)).toBeNull();
  });
});

describe("Byar's input errors (errors_and_warnings.csv, testByars.R)", () => {
  it('rejects x < 0', () => {
    expect(() => byarsLower(-1, 0.95)).toThrow(MethodInputError);
    expect(() => byarsUpper(-1, 0.95)).toThrow(/observed count must be a number >= 0/);
  });
  it.each([0.8, 50, 101])('rejects confidence %s', (c) => {
    expect(() => byarsLower(10, c)).toThrow(/confidence level/);
    expect(() => byarsUpper(10, c)).toThrow(/confidence level/);
  });
});
