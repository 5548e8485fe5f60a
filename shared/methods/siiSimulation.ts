/**
 * Monte Carlo confidence limits for the slope and relative indices of inequality, as
 * PHEindicatormethods 2.1.0 `phe_sii` simulates them (its internal `SimulationFunc`).
 *
 * For each of R repetitions, every quantile's value is redrawn from N(value, se²) on the
 * modelling scale (natural, log or logit), taken back to the natural scale unless the regression
 * itself is on the transformed scale, weighted by √a_i, and refitted with the least-squares
 * coefficients from `simulationCoefficients`. The limits are order statistics of the R simulated
 * slopes (and RIIs) at positions round(R·α/2) and round(R·(1 − α/2)).
 *
 * Draw order matters for reproducing R: R draws `rnorm(R·k, value, se)` into a k×R matrix, so
 * repetition r takes draws r·k … r·k + k − 1, one per quantile in order. A quantile with se = 0
 * consumes no draw (R's `rnorm` returns the mean). All arrays are typed and allocated once per
 * area; nothing is allocated per repetition.
 */
import type { NormalSource } from './random';
import { RRandom } from './random';

/** How simulated values go back to the regression scale: none, exp, or inverse logit. */
export type BackTransform = 'identity' | 'exp' | 'expit';

export interface SimulationInput {
  /** Quantile values on the modelling scale (value, log(value) or logit(value)). */
  readonly mean: Float64Array;
  /** Standard errors on the modelling scale. */
  readonly se: Float64Array;
  readonly sqrtShare: Float64Array;
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly backTransform: BackTransform;
  readonly repetitions: number;
}

/** Simulated intercepts α_r and slopes β_r, one per repetition. */
export interface Simulated {
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
}

/**
 * Runs the repetitions for one area with `random` (consumed in R's order). `out` buffers may be
 * passed in to reuse memory across areas.
 */
export function simulateSlopes(input: SimulationInput, random: NormalSource, out?: Simulated): Simulated {
  const { mean, se, sqrtShare, alpha, beta, backTransform, repetitions } = input;
  const intercept = out?.intercept.length === repetitions ? out.intercept : new Float64Array(repetitions);
  const slope = out?.slope.length === repetitions ? out.slope : new Float64Array(repetitions);
  const k = mean.length;
  const transform = backTransform === 'identity' ? 0 : backTransform === 'exp' ? 1 : 2;
  // Quantiles with se = 0 take no draw, so a repetition uses `perRep` draws.
  let perRep = 0;
  for (let i = 0; i < k; i++) if (se[i] !== 0) perRep++;
  // Draws come in batches of whole repetitions, generated in one tight loop.
  const batch = Math.max(1, Math.min(repetitions, Math.floor(CHUNK / Math.max(perRep, 1))));
  const z = new Float64Array(batch * perRep);
  const fill = random instanceof RRandom ? (n: number) => random.fillNormal(z, n) : (n: number) => fillFrom(random, z, n);
  for (let start = 0; start < repetitions; start += batch) {
    const reps = Math.min(batch, repetitions - start);
    fill(reps * perRep);
    let d = 0;
    if (transform === 0 && perRep === k) {
      // The common case (natural scale, every se > 0), quantile by quantile over the batch so
      // each inner loop has its coefficients in registers. The sums still run over quantiles in
      // order, from 0, as R's matrix product does.
      const end = start + reps;
      intercept.fill(0, start, end);
      slope.fill(0, start, end);
      for (let i = 0; i < k; i++) {
        const mu = mean[i]!;
        const sd = se[i]!;
        const w = sqrtShare[i]!;
        const ca = alpha[i]!;
        const cb = beta[i]!;
        for (let rep = start, j = i; rep < end; rep++, j += k) {
          const y = (mu + sd * z[j]!) * w;
          intercept[rep] = intercept[rep]! + ca * y;
          slope[rep] = slope[rep]! + cb * y;
        }
      }
      continue;
    }
    for (let rep = start; rep < start + reps; rep++) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < k; i++) {
        const sd = se[i]!;
        let y = sd === 0 ? mean[i]! : mean[i]! + sd * z[d++]!;
        if (transform === 1) y = Math.exp(y);
        else if (transform === 2) {
          const e = Math.exp(y);
          y = e / (1 + e);
        }
        y *= sqrtShare[i]!;
        a += alpha[i]! * y;
        b += beta[i]! * y;
      }
      intercept[rep] = a;
      slope[rep] = b;
    }
  }
  return { intercept, slope };
}

/** Draws per batch (about 64 kB of doubles). */
const CHUNK = 8192;

function fillFrom(random: NormalSource, z: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) z[i] = random.normal();
}

/** R's `round(x)` for the positions: half to even (IEC 60559). */
function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/**
 * 1-based positions of the lower and upper limits among R sorted simulations at confidence c:
 * round(R·(1 − p)) and round(R·p) with p = c + (1 − c)/2, in the package's floating-point order.
 */
export function limitPositions(repetitions: number, confidence: number): readonly [number, number] {
  const p = confidence + (1 - confidence) / 2;
  return [roundHalfEven(repetitions * (1 - p)), roundHalfEven(repetitions * p)];
}
