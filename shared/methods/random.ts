/**
 * A seedable normal random number generator that reproduces R's default generators bit for bit.
 *
 * R (≥ 3.6) defaults to `RNGkind("Mersenne-Twister", "Inversion", "Rejection")`. After
 * `set.seed(seed)`, `rnorm()` draws come from:
 *
 * - **Seeding** (R `RNG.c`, `RNG_Init`): the seed is scrambled by 50 steps of the LCG
 *   `seed = 69069·seed + 1 (mod 2³²)`; the 625 words of `.Random.seed[-1]` are then the next 625
 *   LCG values. The first word is the Mersenne-Twister position `mti`, reset to 624 (so the
 *   first draw regenerates the state); the other 624 are the MT19937 state.
 * - **Uniforms** (`unif_rand`): MT19937 (Matsumoto & Nishimura 1998) output × 2⁻³², mapped
 *   away from exactly 0 and 1 (R's `fixup`).
 * - **Normals** (`norm_rand`, kind "Inversion"): two uniforms make one 59-bit uniform,
 *   u = (⌊2²⁷·u₁⌋ + u₂)/2²⁷, and the draw is Φ⁻¹(u) by Wichura's AS 241 (`qnorm`).
 * - `rnorm(mu, sigma)` returns mu + sigma·norm_rand(), and returns mu **without consuming a
 *   draw** when sigma = 0.
 *
 * The arithmetic is IEEE double throughout, so the stream is identical to R's on any platform;
 * only `qnorm`'s tail branch calls `Math.log`, which may differ from the C library's `log` in the
 * last bit on rare arguments. References: R sources `src/main/RNG.c`, `src/nmath/snorm.c`,
 * `src/nmath/qnorm.c`; Wichura MJ (1988) Algorithm AS 241, Applied Statistics 37:477-484.
 */

/** A source of standard normal draws (R's `norm_rand`). */
export interface NormalSource {
  /** The next N(0, 1) draw. */
  normal(): number;
}

// MT19937 constants (N = 624 words, M = 397, MATRIX_A = 0x9908b0df, tempering masks 0x9d2c5680
// and 0xefc60000), R's output scale 2⁻³² and fixup value 1/(2·(2³² − 1)), and R's BIG = 2²⁷ are
// written as literals in the hot functions below; see `twist` for why.
const N = 624;

/** Mersenne-Twister + Inversion normals, seeded exactly as R's `set.seed(seed)`. */
export class RRandom implements NormalSource {
  /** MT19937 state (as signed 32-bit words; only the bits matter). */
  private readonly mt = new Int32Array(N);
  /** The 624 uniforms of the current state, tempered and scaled in one pass. */
  private readonly block = new Float64Array(N);
  private next = N;
  /** Scratch for `fillNormal`. */
  private probabilities = new Float64Array(0);
  private tails = new Int32Array(0);

  /** Same stream as R after `set.seed(seed)` (seed: an integer, as R's `as.integer`). */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || Math.abs(seed) > 2147483647) {
      throw new RangeError(`seed must be an integer in ±2147483647 (an R integer), got ${String(seed)}`);
    }
    let s = seed | 0;
    for (let j = 0; j < 50; j++) s = (Math.imul(69069, s) + 1) | 0;
    // The first LCG value fills .Random.seed[2] (mti), which R then resets to 624.
    s = (Math.imul(69069, s) + 1) | 0;
    for (let j = 0; j < N; j++) {
      s = (Math.imul(69069, s) + 1) | 0;
      this.mt[j] = s;
    }
  }

  /** Regenerates the state and converts all 624 outputs to uniforms. */
  private refill(): void {
    twist(this.mt);
    temper(this.mt, this.block);
    this.next = 0;
  }

  /** R's `unif_rand()`: a uniform in (0, 1). */
  uniform(): number {
    if (this.next === N) this.refill();
    return this.block[this.next++]!;
  }

  /**
   * Advances the stream past `count` uniforms (two per normal draw) without converting them, as
   * if they had been drawn: whole blocks cost only the state regeneration.
   */
  skipUniforms(count: number): this {
    if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`cannot skip ${String(count)} uniforms`);
    let left = count;
    const inBlock = Math.min(left, N - this.next);
    this.next += inBlock;
    left -= inBlock;
    while (left >= N) {
      twist(this.mt);
      left -= N;
    }
    // Here either left = 0, or the current block is used up (next = N) and `block` is stale,
    // which is fine: the next draw regenerates it.
    if (left > 0) {
      this.refill();
      this.next = left;
    }
    return this;
  }

  /** R's `norm_rand()` with normal kind "Inversion". */
  normal(): number {
    const u1 = this.uniform();
    const u = Math.trunc(134217728 * u1) + this.uniform();
    return qnormR(u / 134217728);
  }

  /**
   * Fills `out[0..count)` with successive `normal()` draws: the fast path for bulk use. The
   * central AS 241 branch is evaluated for every draw without branching (so the CPU can overlap
   * draws), then the ~15% of draws in the tails are recomputed.
   */
  fillNormal(out: Float64Array, count = out.length): void {
    if (this.probabilities.length < count) {
      this.probabilities = new Float64Array(count);
      this.tails = new Int32Array(count);
    }
    const ps = this.probabilities;
    const tails = this.tails;
    const block = this.block;
    let next = this.next;
    let nTails = 0;
    let i = 0;
    while (i < count) {
      if (next === 624) {
        this.refill();
        next = 0;
      }
      // Draws whose two uniforms are both in the current block: no refill checks inside.
      const end = Math.min(count, i + ((624 - next) >> 1));
      for (; i < end; i++, next += 2) {
        const p = (Math.trunc(134217728 * block[next]!) + block[next + 1]!) / 134217728;
        const q = p - 0.5;
        ps[i] = p;
        out[i] = qnormCentral(q);
        // Branch-free append of tail draws, recomputed below.
        tails[nTails] = i;
        nTails += Math.abs(q) > 0.425 ? 1 : 0;
      }
      if (i < count && next === 623) {
        // One uniform left: the draw straddles two blocks.
        const u1 = block[623]!;
        this.refill();
        const p = (Math.trunc(134217728 * u1) + block[0]!) / 134217728;
        ps[i] = p;
        out[i] = qnormCentral(p - 0.5);
        tails[nTails] = i;
        nTails += Math.abs(p - 0.5) > 0.425 ? 1 : 0;
        i++;
        next = 1;
      }
    }
    this.next = next;
    for (let t = 0; t < nTails; t++) {
      const j = tails[t]!;
      out[j] = qnormTail(ps[j]!);
    }
  }
}

/**
 * MT19937 state regeneration (R's `MT_genrand` refill; mag01[y & 1] written branch-free).
 * Constants are literals on purpose: V8 does not constant-fold module-level bindings, and masks
 * beyond ±2³⁰ are heap numbers there, which made this loop four times slower.
 */
function twist(mt: Int32Array): void {
  let kk = 0;
  for (; kk < 227; kk++) {
    const y = (mt[kk]! & -2147483648) | (mt[kk + 1]! & 0x7fffffff);
    mt[kk] = mt[kk + 397]! ^ (y >>> 1) ^ (-(y & 1) & -1727483681);
  }
  for (; kk < 623; kk++) {
    const y = (mt[kk]! & -2147483648) | (mt[kk + 1]! & 0x7fffffff);
    mt[kk] = mt[kk - 227]! ^ (y >>> 1) ^ (-(y & 1) & -1727483681);
  }
  const y = (mt[623]! & -2147483648) | (mt[0]! & 0x7fffffff);
  mt[623] = mt[396]! ^ (y >>> 1) ^ (-(y & 1) & -1727483681);
}

/** Tempering and R's scaling to [0, 1) with `fixup` (literal constants as in `twist`). */
function temper(mt: Int32Array, block: Float64Array): void {
  for (let i = 0; i < 624; i++) {
    let y = mt[i]!;
    y ^= y >>> 11;
    y ^= (y << 7) & -1658038656; // 0x9d2c5680
    y ^= (y << 15) & -272236544; // 0xefc60000
    y ^= y >>> 18;
    // × 2⁻³², then R's fixup: 0 becomes 1/(2·(2³² − 1)); 1 cannot occur.
    block[i] = y === 0 ? 1.1641532185403984e-10 : (y >>> 0) * 2.3283064365386963e-10;
  }
}

/** AS 241 for 0.075 ≤ p ≤ 0.925, q = p − 0.5 (the same expression as in `qnormR`). */
function qnormCentral(q: number): number {
  const r = 0.180625 - q * q;
  /* eslint-disable no-loss-of-precision -- AS 241 coefficients verbatim, see qnormR */
  return (
    (q *
      (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
        45921.953931549871457) *
        r +
        13731.693765509461125) *
        r +
        1971.5909503065514427) *
        r +
        133.14166789178437745) *
        r +
        3.387132872796366608)) /
    (((((((r * 5226.495278852854561 + 28729.085735721942674) * r + 39307.89580009271061) * r +
      21213.794301586595867) *
      r +
      5394.1960214247511077) *
      r +
      687.1870074920579083) *
      r +
      42.313330701600911252) *
      r +
      1)
  );
  /* eslint-enable no-loss-of-precision */
}

/**
 * Φ⁻¹(p), the standard normal quantile, computed exactly as R's `qnorm(p)` (Wichura's AS 241,
 * R `src/nmath/qnorm.c`, lower tail, not log). p = 0 and 1 give ∓Infinity; p outside [0, 1] or
 * NaN gives NaN.
 */
export function qnormR(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) return qnormCentral(q);
  return qnormTail(p);
}

/** AS 241 for p < 0.075 or p > 0.925 (0 < p < 1). */
function qnormTail(p: number): number {
  /* eslint-disable no-loss-of-precision -- AS 241's published 20-digit coefficients, kept
     verbatim for auditing; they round to the same doubles as in R's C source. */
  const q = p - 0.5;
  // r = min(p, 1 − p) < 0.075; R writes 1 − p as 0.5 − p + 0.5.
  let r = q > 0 ? 0.5 - p + 0.5 : p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r += -1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r += -5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  /* eslint-enable no-loss-of-precision */
  return q < 0 ? -val : val;
}
