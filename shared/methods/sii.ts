/**
 * Slope and relative indices of inequality: PHEindicatormethods 2.1.0 `phe_sii`.
 *
 * For each area, quantiles (e.g. deprivation deciles, 1 = most deprived) are ranked by the
 * cumulative midpoint of their population share and the indicator is regressed on that rank with
 * population weights (`siiRegression.ts`; Low & Low 2004):
 *
 * - transform = false: SII = β·m, RII = (α + β)/α (1/RII when m < 0), intercept = α.
 * - transform = true (rates on the log scale, proportions on the logit scale; needs 95% limits,
 *   not se): with g the inverse link, SII = (g(α + β) − g(α))·m, RII = g(α + β)/g(α) (inverted
 *   when m < 0), intercept = g(α)·|m|.
 *
 * Confidence limits are simulated (`siiSimulation.ts`) with R's own generator (`random.ts`): with
 * the same `seed` as R's `set.seed(seed)` immediately before `phe_sii`, the limits match the
 * package exactly, because areas are simulated in the order dplyr sorts them (group-by columns
 * ascending, strings by code point as in the C locale), whatever order they are given in.
 * Records come back in first-seen order.
 *
 * Deliberate differences from the package, each because the package's result would be NaN or
 * wrong: values and limits outside the log/logit domain are rejected (see `siiInput.ts`); an area
 * missing quantiles is an error by default (`incompleteAreas: 'drop'` drops it with a warning, as
 * the package does); with transform = true the limits of a rate are swapped for m < 0, where the
 * package swaps for m < 1 and so returns lower > upper for 0 < m < 1.
 * Conventions of this workbench rather than differences of method: confidence levels are
 * fractions (0.95, not 95), the default levels are 95% and 99.8% (the package's is 95%), and RII
 * and intercept are always returned (the package's `rii`/`intercept` flags only pick columns and
 * do not change the random draws). Not ported: `reliability_stat`.
 *
 * Reference: Low A, Low A (2004) J Public Health 26:388-395; OHID Fingertips technical guidance,
 * "Slope index of inequality". Vectors: fixtures/reference/pheindicatormethods/data/sii_*.csv.
 */
import type { GroupBy, GroupKey } from './columns';
import { groupRows, rowCount } from './columns';
import type { MethodWarning } from './errors';
import { MethodInputError } from './errors';
import type { ConfidenceOption, LimitFields } from './levels';
import { resolveLevels } from './levels';
import type { NormalSource } from './random';
import { RRandom } from './random';
import type { AreaData, SiiColumns, SiiValueType } from './siiInput';
import { prepareArea } from './siiInput';
import { areaOrder, siiForArea, workspace } from './siiArea';

export type { SiiValueType } from './siiInput';

/** Seed used when none is given: the reference runs' `set.seed(20240101)`. */
export const DEFAULT_SII_SEED = 20240101;

export interface SiiOptions extends SiiColumns {
  /** One result per group; omit for one area. */
  readonly groupBy?: GroupBy;
  /** Default `other`. */
  readonly valueType?: SiiValueType;
  /** Regress on the log (rate) or logit (proportion) scale. Needs lowerCl/upperCl, not se. */
  readonly transform?: boolean;
  /** Scales SII and its limits (e.g. 100 for percentages); negative flips polarity. Default 1. */
  readonly multiplier?: number;
  /** Simulations per area, at least 1000. Default 100,000. */
  readonly repetitions?: number;
  /** Default [0.95, 0.998]; null or [] for point estimates only (no simulation). */
  readonly confidence?: ConfidenceOption;
  /** R `set.seed` value. Default `DEFAULT_SII_SEED`. Ignored when `random` is given. */
  readonly seed?: number;
  /** Own normal generator (consumed in R's order). */
  readonly random?: NormalSource;
  /** An area without every quantile: `error` (default) or `drop` with a warning (the package). */
  readonly incompleteAreas?: 'error' | 'drop';
  /**
   * Compute only the areas at positions [start, end) of the simulation order (the package's
   * sorted group order, over the areas kept), with the generator advanced exactly past the
   * earlier areas' draws. Workers given ranges that split [0, number of areas) between them
   * return exactly the records of one full run (and each returns the same warnings). Uses the
   * built-in R generator: not allowed with `random`.
   */
  readonly areaRange?: readonly [number, number];
}

/** A statistic with its limits (`lower95`, `upper95`, ...). */
export type SiiEstimate = LimitFields & {
  /** Null only when not calculable (see the record's `note`). */
  readonly value: number | null;
};

export interface SiiRecord {
  readonly group: GroupKey;
  /** `Area=E09000002`; undefined when ungrouped. */
  readonly label: string | undefined;
  readonly quantiles: number;
  readonly population: number;
  readonly sii: SiiEstimate;
  readonly rii: SiiEstimate;
  /** Fitted value at rank 0 (see module doc for the transformed scale). */
  readonly intercept: number | null;
  readonly note?: string;
}

export interface SiiResult {
  readonly records: readonly SiiRecord[];
  readonly warnings: readonly MethodWarning[];
  /** e.g. `simulation 100000 reps`. */
  readonly method: string;
}

function assertOptions(options: SiiOptions, type: SiiValueType, transform: boolean): void {
  const fail = (message: string, field: string): never => {
    throw new MethodInputError(message, undefined, field);
  };
  // The types make these required; the check is for callers without them (e.g. JSON input).
  if ((options.quantile as unknown) === undefined) fail('a quantile column is required', 'quantile');
  if ((options.population as unknown) === undefined) fail('a population column is required', 'population');
  if (!['other', 'rate', 'proportion'].includes(type)) fail(`must be other, rate or proportion, got ${String(type)}`, 'valueType');
  if (options.value === undefined && (options.x === undefined || type !== 'proportion')) {
    fail('a value column is required (or x, the count, when the value type is proportion)', 'value');
  }
  const limits = options.lowerCl !== undefined && options.upperCl !== undefined;
  if (options.se === undefined && !limits) fail('give either se or both lowerCl and upperCl', 'se');
  if (transform && type === 'other') fail('transform needs value type rate or proportion', 'transform');
  if (transform && (options.se !== undefined || !limits)) {
    fail('transform needs lowerCl and upperCl, and se must not be given', 'se');
  }
  const m = options.multiplier ?? 1;
  if (!(Number.isFinite(m) && m !== 0)) fail(`must be a finite non-zero number, got ${String(m)}`, 'multiplier');
  const reps = options.repetitions ?? 100_000;
  if (!(Number.isInteger(reps) && reps >= 1000)) fail(`must be a whole number of at least 1000, got ${String(reps)}`, 'repetitions');
}

/** `phe_sii`: SII, RII and intercept with simulated limits, one record per area. */
export function sii(options: SiiOptions): SiiResult {
  const type = options.valueType ?? 'other';
  const transform = options.transform ?? false;
  assertOptions(options, type, transform);
  const multiplier = options.multiplier ?? 1;
  const repetitions = options.repetitions ?? 100_000;
  const levels = resolveLevels(options.confidence);
  const { quantile, population, value, x, se, lowerCl, upperCl } = options;
  const rows = rowCount({ quantile, population, value, x, se, lowerCl, upperCl });
  const groups = groupRows(options.groupBy, rows);
  const members: number[][] = Array.from({ length: groups.count }, () => []);
  for (let i = 0; i < rows; i++) members[groups.index[i]!]!.push(i);

  const areas: AreaData[] = members.map((m, g) => prepareArea(options, m, type, groups.labels[g]));
  const warnings: MethodWarning[] = [];
  const all = new Set<number>();
  for (const a of areas) for (const q of a.quantiles) all.add(q);
  if (all.size < 5 || all.size > 100) {
    throw new MethodInputError(`found ${String(all.size)} distinct quantiles; the SII needs between 5 and 100`, undefined, 'quantile');
  }
  if (all.size > 10) {
    warnings.push({ group: undefined, message: `${String(all.size)} quantiles: small values in each quantile can make the SII unstable` });
  }
  const keep = areas.map((a, g) => {
    if (a.quantiles.length === all.size) return true;
    const missing = [...all].filter((q) => !a.quantiles.includes(q)).sort((p, q) => p - q);
    const message = `quantiles ${missing.join(', ')} are missing (${String(a.quantiles.length)} of ${String(all.size)} present)`;
    if (options.incompleteAreas !== 'drop') throw new MethodInputError(`${message}; the SII needs every quantile in every area`, groups.labels[g], 'quantile');
    warnings.push({ group: groups.labels[g], message: `${message}; this area has been left out` });
    return false;
  });

  const order = areaOrder(groups.keys, Object.keys(options.groupBy ?? {})).filter((g) => keep[g]);
  const [from, to] = options.areaRange ?? [0, order.length];
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && from <= to)) {
    throw new MethodInputError(`must be two whole numbers with 0 <= start <= end, got ${String(from)}, ${String(to)}`, undefined, 'areaRange');
  }
  if (options.areaRange !== undefined && options.random !== undefined) {
    throw new MethodInputError('areaRange needs the built-in generator (seed), not random', undefined, 'areaRange');
  }
  const generator = new RRandom(options.seed ?? DEFAULT_SII_SEED);
  const random = options.random ?? generator;
  const records: (SiiRecord | undefined)[] = new Array<SiiRecord | undefined>(groups.count);
  const settings = { type, transform, multiplier, repetitions, levels };
  const work = workspace(levels.length > 0 ? repetitions : 0);
  for (let rank = 0; rank < Math.min(to, order.length); rank++) {
    const g = order[rank]!;
    if (rank < from) {
      // Two uniforms per draw; a quantile with se = 0 takes none (see siiSimulation.ts).
      const draws = levels.length === 0 ? 0 : repetitions * areas[g]!.se.filter((v) => v !== 0).length;
      generator.skipUniforms(2 * draws);
      continue;
    }
    records[g] = { group: groups.keys[g]!, label: groups.labels[g], ...siiForArea(areas[g]!, settings, random, work) };
  }
  return {
    records: records.filter((r): r is SiiRecord => r !== undefined),
    warnings,
    method: `simulation ${String(repetitions)} reps`,
  };
}
