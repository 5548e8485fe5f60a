/**
 * Indirectly standardised rates and ratios (SMRs): PHEindicatormethods 2.1.0
 * `calculate_ISRate` and `calculate_ISRatio`.
 *
 * Within a group, with observed counts x_i, populations n_i and reference counts and
 * populations X_i, N_i by age band:
 *
 *     E = Σ(X_i/N_i·n_i)                     expected events
 *     O = Σx_i, or the group's observed total when `observedTotals` is given
 *     ISRatio = O/E·refValue,                limits = L(O)/E·refValue
 *     ISRate  = O/E·refRate, refRate = ΣX/ΣN·m,  limits = L(O)/E·refRate
 *
 * L is the exact Poisson limit when O < 10 (method `Exact`) and Byar's otherwise (`Byars`).
 *
 * **The reference is joined by age-band label, never by position** (labels compared by
 * `normaliseAgeBand`). Every group must have each reference band exactly once; a missing,
 * unknown or repeated band throws `MethodInputError` naming group and band. A population of 0 in
 * a band is allowed (it adds nothing to E); negative values throw. Missing (`null`) counts,
 * populations and reference counts count as 0, as in the package; a reference population must be
 * > 0. A group whose expected count is 0 throws, since its ratio is undefined.
 *
 * References: Breslow & Day (1987) vol II ch 2; OHID Fingertips technical guidance,
 * "Indirectly standardised ratios and rates". Vectors:
 * fixtures/reference/pheindicatormethods/data/isr_*.csv.
 */
import type { GroupBy, GroupKey, KeyColumn, NumericColumn } from './columns';
import { assertMultiplier, groupRows, readRequired, readValue, rowCount } from './columns';
import { MethodInputError } from './errors';
import { normaliseAgeBand } from './esp2013';
import type { ConfidenceOption, LimitFields } from './levels';
import { resolveLevels, setLimits } from './levels';
import type { PoissonMethod } from './rate';
import { poissonLimits, poissonMethod } from './rate';

/** Reference (e.g. England) counts and populations by age band. */
export interface IsrReference {
  readonly ageBand: KeyColumn;
  readonly count: NumericColumn;
  readonly population: NumericColumn;
}

/** Observed totals per group, joined to the data on the same group-by column names. */
export interface ObservedTotals {
  readonly groupBy: GroupBy;
  readonly observed: NumericColumn;
}

export interface IsrOptions {
  /** Observed events per band; may be omitted when `observedTotals` is given. */
  readonly count?: NumericColumn;
  readonly population: NumericColumn;
  readonly ageBand: KeyColumn;
  readonly reference: IsrReference;
  readonly groupBy?: GroupBy;
  /** One observed total per group, instead of summing `count` (package v2.0.1+). */
  readonly observedTotals?: ObservedTotals;
  /** Default [0.95, 0.998]; null for no limits. */
  readonly confidence?: ConfidenceOption;
}

type IsrCommon = {
  readonly group: GroupKey;
  readonly label: string | undefined;
  readonly observed: number;
  readonly expected: number;
  readonly value: number;
  readonly statistic: string;
  readonly method: PoissonMethod;
};
export type IsRatioRecord = LimitFields & IsrCommon;
export type IsRateRecord = LimitFields & IsrCommon & { readonly refRate: number };

interface Reference {
  readonly bands: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** X_i/N_i by band. */
  readonly rates: Float64Array;
  readonly totalCount: number;
  readonly totalPopulation: number;
}

function prepareReference(reference: IsrReference): Reference {
  const rows = rowCount({
    'reference.ageBand': reference.ageBand,
    'reference.count': reference.count,
    'reference.population': reference.population,
  });
  const bands: string[] = [];
  const index = new Map<string, number>();
  const rates = new Float64Array(rows);
  let totalCount = 0;
  let totalPopulation = 0;
  for (let i = 0; i < rows; i++) {
    const band = normaliseAgeBand(String(reference.ageBand[i]));
    if (index.has(band))
      throw new MethodInputError(`age band ${band} appears twice`, undefined, 'reference.ageBand');
    const x = readValue(reference.count, i, 'reference.count', undefined) ?? 0;
    const n = readRequired(reference.population, i, 'reference.population', undefined);
    if (x < 0)
      throw new MethodInputError(
        `age band ${band}: count must be >= 0, got ${String(x)}`,
        undefined,
        'reference.count',
      );
    if (!(n > 0))
      throw new MethodInputError(
        `age band ${band}: population must be > 0, got ${String(n)}`,
        undefined,
        'reference.population',
      );
    index.set(band, i);
    bands.push(band);
    rates[i] = x / n;
    totalCount += x;
    totalPopulation += n;
  }
  return { bands, index, rates, totalCount, totalPopulation };
}

/** Observed O and expected E per group, in first-seen group order. */
function observedAndExpected(options: IsrOptions) {
  const { count, population, ageBand, groupBy, observedTotals } = options;
  if (count === undefined && observedTotals === undefined) {
    throw new MethodInputError('either count or observedTotals is required', undefined, 'count');
  }
  const ref = prepareReference(options.reference);
  const rows = rowCount({ count, population, ageBand });
  const groups = groupRows(groupBy, rows);
  const bands = ref.bands.length;
  const observed = new Float64Array(groups.count);
  const expected = new Float64Array(groups.count);
  const present = new Uint8Array(groups.count * bands);
  const cache = new Map<string | number | boolean | null, number>();
  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    const label = groups.labels[g];
    const raw = ageBand[i]!;
    let b = cache.get(raw);
    if (b === undefined) {
      b = ref.index.get(normaliseAgeBand(String(raw))) ?? -1;
      cache.set(raw, b);
    }
    if (b < 0)
      throw new MethodInputError(
        `age band "${String(raw)}" is not in the reference (its bands are ${ref.bands.join(', ')})`,
        label,
        'ageBand',
      );
    if (present[g * bands + b])
      throw new MethodInputError(
        `age band ${ref.bands[b]!} appears more than once (row ${String(i + 1)})`,
        label,
        'ageBand',
      );
    present[g * bands + b] = 1;
    const n = readValue(population, i, 'population', label) ?? 0;
    if (n < 0)
      throw new MethodInputError(
        `row ${String(i + 1)}: population must be >= 0, got ${String(n)}`,
        label,
        'population',
      );
    expected[g]! += ref.rates[b]! * n;
    if (count !== undefined) {
      const x = readValue(count, i, 'count', label) ?? 0;
      if (x < 0)
        throw new MethodInputError(
          `row ${String(i + 1)}: count must be >= 0, got ${String(x)}`,
          label,
          'count',
        );
      observed[g]! += x;
    }
  }
  for (let g = 0; g < groups.count; g++) {
    for (let b = 0; b < bands; b++) {
      if (!present[g * bands + b])
        throw new MethodInputError(
          `age band ${ref.bands[b]!} of the reference is missing`,
          groups.labels[g],
          'ageBand',
        );
    }
    if (!(expected[g]! > 0))
      throw new MethodInputError(
        'expected count is 0 (all populations are 0), so the ratio is undefined',
        groups.labels[g],
        'population',
      );
  }
  if (observedTotals !== undefined)
    joinObservedTotals(observedTotals, groups.labels, groups.keys, observed);
  return { groups, observed, expected, ref };
}

/** Replaces summed counts by the observed totals, joined on the group-by columns. */
function joinObservedTotals(
  totals: ObservedTotals,
  labels: readonly (string | undefined)[],
  keys: readonly GroupKey[],
  observed: Float64Array,
): void {
  const rows = rowCount({ 'observedTotals.observed': totals.observed });
  const lookup = groupRows(totals.groupBy, rows);
  const byLabel = new Map<string | undefined, number>();
  for (let i = 0; i < rows; i++) {
    const label = lookup.labels[lookup.index[i]!];
    if (byLabel.has(label))
      throw new MethodInputError(
        `more than one observed total for ${String(label)}`,
        label,
        'observedTotals.observed',
      );
    const x = readRequired(totals.observed, i, 'observedTotals.observed', label);
    if (x < 0)
      throw new MethodInputError(
        `observed total must be >= 0, got ${String(x)}`,
        label,
        'observedTotals.observed',
      );
    byLabel.set(label, x);
  }
  const expectedColumns = Object.keys(keys[0] ?? {}).join(', ');
  if (Object.keys(totals.groupBy).join(', ') !== expectedColumns) {
    throw new MethodInputError(
      `must be grouped by the same columns as the data (${expectedColumns})`,
      undefined,
      'observedTotals.groupBy',
    );
  }
  labels.forEach((label, g) => {
    const x = byLabel.get(label);
    if (x === undefined)
      throw new MethodInputError(
        'no observed total for this group',
        label,
        'observedTotals.observed',
      );
    observed[g] = x;
  });
}

function build(
  options: IsrOptions,
  factor: (ref: Reference) => number,
  statistic: string,
  withRefRate: boolean,
): (IsRatioRecord & { refRate?: number })[] {
  const levels = resolveLevels(options.confidence);
  const { groups, observed, expected, ref } = observedAndExpected(options);
  const scale = factor(ref);
  const out: (IsRatioRecord & { refRate?: number })[] = [];
  for (let g = 0; g < groups.count; g++) {
    const o = observed[g]!;
    const e = expected[g]!;
    const record: IsRatioRecord & { refRate?: number } = {
      group: groups.keys[g]!,
      label: groups.labels[g],
      observed: o,
      expected: e,
      value: (o / e) * scale,
      statistic,
      method: poissonMethod(o),
    };
    if (withRefRate) record.refRate = scale;
    setLimits(record, levels, (level) => {
      const [lower, upper] = poissonLimits(o, level);
      return [lower === null ? null : (lower / e) * scale, (upper / e) * scale];
    });
    out.push(record);
  }
  return out;
}

/** `calculate_ISRatio`: O/E × `refValue` (default 1) per group, first-seen order. */
export function isRatio(options: IsrOptions & { readonly refValue?: number }): IsRatioRecord[] {
  const refValue = options.refValue ?? 1;
  assertMultiplier(refValue, 'refValue');
  return build(
    options,
    () => refValue,
    `indirectly standardised ratio x ${String(refValue)}`,
    false,
  );
}

/** `calculate_ISRate`: O/E × reference rate per `multiplier` (default 100000) per group. */
export function isRate(options: IsrOptions & { readonly multiplier?: number }): IsRateRecord[] {
  const multiplier = options.multiplier ?? 100000;
  assertMultiplier(multiplier);
  const refRate = (ref: Reference) => (ref.totalCount / ref.totalPopulation) * multiplier;
  return build(
    options,
    refRate,
    `indirectly standardised rate per ${String(multiplier)}`,
    true,
  ) as IsRateRecord[];
}
