/**
 * Inputs and results shared by the WHO HEAT summary measures (Health Equity Assessment Toolkit,
 * Technical Notes; Schlotheuber & Hosseinpoor 2022, doi:10.3390/ijerph19063697).
 *
 * Input is one row per subgroup of one dimension (e.g. IMD quintile, sex, ethnic group) for one
 * setting, indicator and period, as columns. `checkHeatInput` validates it once and returns the
 * normalised form every measure reads.
 */
import quantile from '@stdlib/stats-base-dists-normal-quantile';
import { assertConfidence } from '../confidence';
import { MethodInputError } from '../errors';

export interface HeatInput {
  /** Subgroup names (unique). */
  readonly subgroups: readonly string[];
  /** Subgroup estimates, on the indicator's scale (e.g. percent, rate per 1,000). */
  readonly estimates: readonly number[];
  /** Population of each subgroup (counts, or shares if `populationIsShare`); null = unknown. */
  readonly populations?: readonly (number | null)[];
  /** Standard error of each estimate; null = unknown. */
  readonly se?: readonly (number | null)[];
  /**
   * Ordered dimensions only: rank of each subgroup, lowest = most disadvantaged (e.g. IMD quintile 1
   * = most deprived), highest = most advantaged. Distinct numbers. Omitted for an ordered dimension:
   * the rows are taken in the order given, most disadvantaged first.
   */
  readonly order?: readonly number[];
  /** True for an ordered dimension (deprivation, education, income); false for sex, region, ethnicity. */
  readonly ordered: boolean;
  /** True when higher is better (e.g. screening coverage); false for adverse indicators (mortality). */
  readonly favourable: boolean;
  /** Name of the reference subgroup (non-ordered dimensions), if one is chosen. */
  readonly referenceSubgroup?: string | null;
  /** Alternative to `referenceSubgroup`: a flag per subgroup, at most one true (HEAT Plus template style). */
  readonly referenceFlags?: readonly boolean[];
  /** The overall indicator value for the setting (e.g. the England or borough value). */
  readonly settingAverage?: number | null;
  /** The indicator scale: 100 for a percentage, 1000 for a rate per 1,000. Needed by SII/RII, PAF/PAR CIs. */
  readonly scale?: number | null;
  /** True when `populations` are shares (summing to about 1) rather than counts. */
  readonly populationIsShare?: boolean;
  /** Confidence level of the intervals; default 0.95. */
  readonly level?: number;
  /** For error messages, e.g. `Indicator=90366, Dimension=IMD quintile`. */
  readonly group?: string;
}

/** The 21 HEAT summary measures. */
export type HeatMeasureId =
  | 'D'
  | 'R'
  | 'ACI'
  | 'RCI'
  | 'SII'
  | 'RII'
  | 'BGV'
  | 'BGSD'
  | 'COV'
  | 'MDMU'
  | 'MDMW'
  | 'MDBU'
  | 'MDBW'
  | 'MDRU'
  | 'MDRW'
  | 'IDISU'
  | 'IDISW'
  | 'TI'
  | 'MLD'
  | 'PAF'
  | 'PAR';

/**
 * How the interval was obtained: `analytic` (a closed-form or model-based SE, normal interval),
 * `simulation` (Monte Carlo percentiles, HEAT's rule for measures with no analytic SE), or `none`.
 */
export type HeatCiMethod = 'analytic' | 'simulation' | 'none';

export interface HeatMeasureResult {
  readonly measure: HeatMeasureId;
  readonly name: string;
  /** The measure, or null when it does not apply (see `reason`). */
  readonly estimate: number | null;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly level: number;
  readonly ciMethod: HeatCiMethod;
  /** Where the interval rule comes from, or why there is none. */
  readonly ciNote: string;
  /** Subgroups the measure was anchored on (e.g. D's two subgroups, PAF's reference). */
  readonly subgroupsUsed?: readonly string[];
  /** The mean μ used, and where it came from. */
  readonly mean?: {
    readonly value: number;
    readonly source: 'setting average' | 'population-weighted mean';
  };
  /** Why the estimate (or its interval) could not be calculated. */
  readonly reason?: string;
}

/** Validated input. */
export interface HeatData {
  readonly names: readonly string[];
  readonly y: readonly number[];
  readonly pop: readonly number[] | null;
  /** Population shares (sum 1), when populations are known. */
  readonly share: readonly number[] | null;
  readonly se: readonly number[] | null;
  readonly order: readonly number[] | null;
  readonly ordered: boolean;
  readonly favourable: boolean;
  readonly reference: number | null;
  readonly settingAverage: number | null;
  readonly scale: number | null;
  readonly populationIsShare: boolean;
  readonly level: number;
  /** Two-sided normal quantile for `level`. */
  readonly z: number;
  readonly group: string | undefined;
  readonly n: number;
}

export function checkHeatInput(input: HeatInput): HeatData {
  const { group } = input;
  const n = input.subgroups.length;
  const level = input.level ?? 0.95;
  assertConfidence(level);
  if (n < 2)
    throw new MethodInputError(`needs at least 2 subgroups; got ${String(n)}`, group, 'subgroups');
  if (new Set(input.subgroups).size !== n)
    throw new MethodInputError('subgroup names must be unique', group, 'subgroups');
  const sameLength = (field: string, col: { length: number } | undefined): void => {
    if (col && col.length !== n) {
      throw new MethodInputError(
        `has ${String(col.length)} entries but there are ${String(n)} subgroups`,
        group,
        field,
      );
    }
  };
  sameLength('estimates', input.estimates);
  sameLength('populations', input.populations);
  sameLength('se', input.se);
  sameLength('order', input.order);
  const at = (i: number): string =>
    `${group === undefined ? '' : `${group}, `}Subgroup=${input.subgroups[i]!}`;
  input.estimates.forEach((v, i) => {
    if (!Number.isFinite(v))
      throw new MethodInputError(`${String(v)} is not a finite number`, at(i), 'estimates');
    if (v < 0) throw new MethodInputError('estimates must not be negative', at(i), 'estimates');
  });
  const pop = allKnown(input.populations, at, 'populations', (v) => v >= 0, 'must be ≥ 0');
  if (pop && !(pop.reduce((a, b) => a + b, 0) > 0))
    throw new MethodInputError('populations sum to 0', group, 'populations');
  const se = allKnown(input.se, at, 'se', (v) => v >= 0, 'must be ≥ 0');
  let order: number[] | null = null;
  if (input.ordered) {
    // Without an explicit order, the rows are taken as listed: most disadvantaged first.
    const given = input.order ?? input.subgroups.map((_, i) => i + 1);
    given.forEach((v, i) => {
      if (!Number.isFinite(v))
        throw new MethodInputError(`${String(v)} is not a finite number`, at(i), 'order');
    });
    if (new Set(given).size !== n)
      throw new MethodInputError('subgroup orders must be distinct', group, 'order');
    order = [...given];
  }
  let reference: number | null = null;
  if (input.referenceFlags) {
    sameLength('referenceFlags', input.referenceFlags);
    const flagged = input.referenceFlags.flatMap((f, i) => (f ? [i] : []));
    if (flagged.length > 1)
      throw new MethodInputError(
        'at most one subgroup can be the reference',
        group,
        'referenceFlags',
      );
    if (
      flagged.length === 1 &&
      input.referenceSubgroup !== undefined &&
      input.referenceSubgroup !== null &&
      input.subgroups[flagged[0]!] !== input.referenceSubgroup
    ) {
      throw new MethodInputError(
        'referenceFlags and referenceSubgroup disagree',
        group,
        'referenceFlags',
      );
    }
    reference = flagged[0] ?? null;
  }
  if (input.referenceSubgroup !== undefined && input.referenceSubgroup !== null) {
    reference = input.subgroups.indexOf(input.referenceSubgroup);
    if (reference < 0) {
      throw new MethodInputError(
        `reference subgroup '${input.referenceSubgroup}' is not one of the subgroups`,
        group,
        'referenceSubgroup',
      );
    }
  }
  const settingAverage = input.settingAverage ?? null;
  if (settingAverage !== null && !(Number.isFinite(settingAverage) && settingAverage > 0)) {
    throw new MethodInputError(
      'setting average must be a positive finite number',
      group,
      'settingAverage',
    );
  }
  const scale = input.scale ?? null;
  if (scale !== null && !(Number.isFinite(scale) && scale > 0)) {
    throw new MethodInputError(
      'scale must be a positive number such as 100 or 1000',
      group,
      'scale',
    );
  }
  if (scale !== null) {
    input.estimates.forEach((v, i) => {
      if (v > scale)
        throw new MethodInputError(
          `estimate ${String(v)} exceeds the scale ${String(scale)}`,
          at(i),
          'estimates',
        );
    });
  }
  const total = pop ? pop.reduce((a, b) => a + b, 0) : 0;
  return {
    names: input.subgroups,
    y: input.estimates,
    pop,
    share: pop ? pop.map((p) => p / total) : null,
    se,
    order,
    ordered: input.ordered,
    favourable: input.favourable,
    reference,
    settingAverage,
    scale,
    populationIsShare: input.populationIsShare ?? false,
    level,
    z: quantile(1 - (1 - level) / 2, 0, 1),
    group,
    n,
  };
}

/** A column with every entry known -> numbers; absent or any null -> null (the measure reports why). */
function allKnown(
  col: readonly (number | null)[] | undefined,
  at: (i: number) => string,
  field: string,
  ok: (v: number) => boolean,
  rule: string,
): number[] | null {
  if (!col) return null;
  col.forEach((v, i) => {
    if (v !== null && !(Number.isFinite(v) && ok(v)))
      throw new MethodInputError(`${String(v)} ${rule}`, at(i), field);
  });
  return col.some((v) => v === null) ? null : (col as number[]);
}
