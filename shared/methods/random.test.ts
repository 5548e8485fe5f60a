import quantileNormal from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { RRandom, qnormR } from './random';

// Expected draws: R's printed output (7 significant digits, so tolerance 5e-7 relative) of
//   set.seed(42); runif(3)   set.seed(42); rnorm(3)   set.seed(1); rnorm(2)   set.seed(123); rnorm(3)
// under R's default RNGkind (Mersenne-Twister, Inversion). Full-precision evidence is in
// sii.test.ts: simulated SII limits equal PHEindicatormethods' own doubles after set.seed(20240101).
const PRINTED = 5e-7;
const close = (got: number, want: number): void => expect(Math.abs(got - want) / Math.abs(want)).toBeLessThanOrEqual(PRINTED);

describe('RRandom reproduces R after set.seed()', () => {
  it('set.seed(42); runif(3)', () => {
    const r = new RRandom(42);
    [0.914806, 0.9370754, 0.2861395].forEach((want) => close(r.uniform(), want));
  });
  it.each([
    [42, [1.3709584, -0.5646982, 0.3631284]],
    [1, [-0.6264538, 0.1836433]],
    [123, [-0.56047565, -0.23017749, 1.55870831]],
  ] as const)('set.seed(%s); rnorm()', (seed, want) => {
    const r = new RRandom(seed);
    want.forEach((w) => close(r.normal(), w));
  });
  it('fillNormal gives exactly the normal() stream, across MT block boundaries', () => {
    const a = new RRandom(20240101);
    const b = new RRandom(20240101);
    for (const n of [1, 311, 312, 313, 623, 624, 625, 8192, 7]) {
      const z = new Float64Array(n);
      b.fillNormal(z);
      for (let i = 0; i < n; i++) expect(z[i]).toBe(a.normal());
      expect(b.uniform()).toBe(a.uniform());
    }
  });
  it('rejects seeds that are not R integers', () => {
    expect(() => new RRandom(1.5)).toThrow(/seed must be an integer/);
    expect(() => new RRandom(2 ** 31)).toThrow(/seed must be an integer/);
  });
});

describe('qnormR (AS 241, as R qnorm)', () => {
  it('qnorm(0.975) = 1.959963984540054 (R, print(digits = 16)); exact at the ends', () => {
    expect(Math.abs(qnormR(0.975) - 1.959963984540054)).toBeLessThanOrEqual(1e-15);
    expect(qnormR(0.5)).toBe(0);
    expect(qnormR(0)).toBe(-Infinity);
    expect(qnormR(1)).toBe(Infinity);
    expect(qnormR(1.5)).toBeNaN();
  });
  it('far tails: qnorm(1e-10) = -6.361340902404056 and qnorm(1e-5) = -4.264890793922826 (R, digits = 16)', () => {
    expect(Math.abs(qnormR(1e-10) + 6.361340902404056)).toBeLessThanOrEqual(1e-15 * 6.4);
    expect(Math.abs(qnormR(1e-5) + 4.264890793922826)).toBeLessThanOrEqual(1e-15 * 4.3);
    expect(qnormR(1e-300)).toBeLessThan(-37); // AS 241's r > 5 branch; stdlib returns -Infinity here
  });
  it('agrees with @stdlib normal quantile (an independent algorithm) to 1e-15 relative on [0.001, 0.999]', () => {
    // stdlib loses accuracy below ~1e-6 (e.g. 1e-12 is off by 4e-7), so it is no reference there.
    let worst = 0;
    for (let p = 0.001; p < 0.999; p += 0.00137) {
      const want = quantileNormal(p, 0, 1);
      worst = Math.max(worst, Math.abs(qnormR(p) - want) / Math.abs(want));
    }
    expect(worst).toBeLessThanOrEqual(1e-15);
  });
});

describe('RRandom.skipUniforms', () => {
  it.each([0, 1, 2, 623, 624, 625, 1248, 5000, 100_001])('skipping %s uniforms equals drawing them', (n) => {
    for (const drawnFirst of [0, 5, 624]) {
      const a = new RRandom(11);
      const b = new RRandom(11);
      for (let i = 0; i < drawnFirst; i++) {
        a.uniform();
        b.uniform();
      }
      for (let i = 0; i < n; i++) a.uniform();
      b.skipUniforms(n);
      for (let i = 0; i < 700; i++) expect(b.uniform()).toBe(a.uniform());
    }
  });
});
