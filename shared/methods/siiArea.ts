/**
 * SII, RII and intercept with simulated limits for one area (see `sii.ts` for the definitions),
 * and the order in which PHEindicatormethods simulates areas.
 */
import type { GroupKey } from './columns';
import type { Level } from './levels';
import { orderStatistics } from './orderStatistic';
import type { NormalSource } from './random';
import type { AreaData, SiiValueType } from './siiInput';
import { relativeRanks, simulationCoefficients, weightedFit } from './siiRegression';
import { limitPositions, simulateSlopes } from './siiSimulation';

export interface AreaSettings {
  readonly type: SiiValueType;
  readonly transform: boolean;
  readonly multiplier: number;
  readonly repetitions: number;
  readonly levels: readonly Level[];
}

type Estimate = Record<string, number | null>;

export interface AreaResult {
  readonly quantiles: number;
  readonly population: number;
  readonly sii: Estimate & { value: number | null };
  readonly rii: Estimate & { value: number | null };
  readonly intercept: number | null;
  readonly note?: string;
}

/** Inverse link: exp for rates, inverse logit for proportions (as the package writes it). */
function inverseLink(v: number, type: SiiValueType): number {
  if (type === 'rate') return Math.exp(v);
  if (type === 'proportion') return Math.exp(v) / (1 + Math.exp(v));
  return v;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Group indices in the order dplyr's `group_by` + `arrange` puts them: by each group-by column
 * in turn, numbers ascending, strings by code point (C locale), FALSE before TRUE, NA last.
 */
export function areaOrder(keys: readonly GroupKey[], names: readonly string[]): number[] {
  const rank = (v: unknown): number => (v === null ? 3 : typeof v === 'boolean' ? 0 : typeof v === 'number' ? 1 : 2);
  const compare = (p: GroupKey, q: GroupKey): number => {
    for (const name of names) {
      const u = p[name] ?? null;
      const v = q[name] ?? null;
      if (rank(u) !== rank(v)) return rank(u) - rank(v);
      if (u === null || v === null || u === v) continue;
      if (typeof u === 'string' && typeof v === 'string') return u < v ? -1 : 1; // UTF-16 order = code point for BMP text
      return Number(u) < Number(v) ? -1 : 1;
    }
    return 0;
  };
  return keys.map((_, g) => g).sort((g, h) => compare(keys[g]!, keys[h]!) || g - h);
}

/** Buffers of one simulation's length, reused from area to area (no per-area garbage). */
export interface Workspace {
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
  readonly ratio: Float64Array;
}

export function workspace(repetitions: number): Workspace {
  return { intercept: new Float64Array(repetitions), slope: new Float64Array(repetitions), ratio: new Float64Array(repetitions) };
}

/** Point estimates and, for each level, simulated limits, for one complete area. */
export function siiForArea(area: AreaData, settings: AreaSettings, random: NormalSource, work: Workspace = workspace(settings.repetitions)): AreaResult {
  const { type, transform, multiplier: m, repetitions, levels } = settings;
  const ranks = relativeRanks(area.population);
  // Without transform the regression is on the natural scale: y = g(g⁻¹(value)), as in R.
  const y = transform ? area.mean : area.mean.map((v) => inverseLink(v, type));
  const { intercept: alpha, slope: beta } = weightedFit(ranks, y);
  let population = 0;
  for (const n of area.population) population += n;

  const sii: Estimate & { value: number | null } = { value: null };
  const rii: Estimate & { value: number | null } = { value: null };
  let intercept: number | null;
  if (!transform) {
    sii.value = finite(beta * m);
    const r = (alpha + beta) / alpha;
    rii.value = finite(m < 0 ? 1 / r : r);
    intercept = finite(alpha);
  } else {
    const g0 = inverseLink(alpha, type);
    const g1 = inverseLink(alpha + beta, type);
    sii.value = finite((g1 - g0) * m);
    rii.value = finite(m < 0 ? 1 / (g1 / g0) : g1 / g0);
    intercept = finite(g0 * Math.abs(m));
  }
  let note: string | undefined;
  if (sii.value === null || rii.value === null || intercept === null) {
    note = 'not calculable: the fitted value at rank 0 is 0 or the fit overflowed; check the values';
  }
  const result = (): AreaResult => {
    const base = { quantiles: area.quantiles.length, population, sii, rii, intercept };
    return note === undefined ? base : { ...base, note };
  };
  if (levels.length === 0) return result();

  const co = simulationCoefficients(ranks);
  const backTransform = transform || type === 'other' ? 'identity' : type === 'rate' ? 'exp' : 'expit';
  const sims = simulateSlopes({ mean: area.mean, se: area.se, ...co, backTransform, repetitions }, random, work);
  const slopes = sims.slope;
  const positions = levels.flatMap((level) => limitPositions(repetitions, level.confidence));
  if (!transform) {
    const ratios = work.ratio;
    let nan = false;
    for (let r = 0; r < repetitions; r++) {
      const ratio = (slopes[r]! + sims.intercept[r]!) / sims.intercept[r]!;
      ratios[r] = m < 0 ? 1 / ratio : ratio;
      slopes[r] = slopes[r]! * m;
      // R's sort() drops NaN, which would shift every position: report instead.
      if (Number.isNaN(ratios[r]! + slopes[r]!)) nan = true;
    }
    const s = nan ? undefined : orderStatistics(slopes, positions);
    const q = nan ? undefined : orderStatistics(ratios, positions);
    if (nan) note = 'simulation produced undefined values (an intercept of 0); limits not calculable';
    levels.forEach((level, l) => {
      sii[`lower${level.suffix}`] = s?.[2 * l] ?? null;
      sii[`upper${level.suffix}`] = s?.[2 * l + 1] ?? null;
      rii[`lower${level.suffix}`] = q?.[2 * l] ?? null;
      rii[`upper${level.suffix}`] = q?.[2 * l + 1] ?? null;
    });
  } else {
    // Limits of the log/logit-scale slope, placed symmetrically about the fitted midpoint.
    const s = ordered(slopes, positions);
    if (s === undefined) note = 'simulation produced undefined values; limits not calculable';
    const mid = (alpha + (alpha + beta)) / 2;
    const g = (v: number): number => inverseLink(v, type);
    levels.forEach((level, l) => {
      const lo = s?.[2 * l] ?? NaN;
      const hi = s?.[2 * l + 1] ?? NaN;
      const [i0, i1, x0, x1] = [mid - lo / 2, mid - hi / 2, mid + lo / 2, mid + hi / 2];
      const flip = m < 0;
      sii[`lower${level.suffix}`] = finite(((flip ? g(x1) - g(i1) : g(x0) - g(i0))) * m);
      sii[`upper${level.suffix}`] = finite(((flip ? g(x0) - g(i0) : g(x1) - g(i1))) * m);
      rii[`lower${level.suffix}`] = finite(flip ? 1 / (g(x1) / g(i1)) : g(x0) / g(i0));
      rii[`upper${level.suffix}`] = finite(flip ? 1 / (g(x0) / g(i0)) : g(x1) / g(i1));
    });
  }
  return result();
}

/** Order statistics at `positions`, or undefined if any simulated value is NaN. */
function ordered(values: Float64Array, positions: readonly number[]): Float64Array | undefined {
  for (const v of values) if (Number.isNaN(v)) return undefined;
  return orderStatistics(values, positions);
}
