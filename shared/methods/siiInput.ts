/**
 * Input checks and per-area preparation for `sii` (PHEindicatormethods 2.1.0 `phe_sii`).
 *
 * The package's checks, in its order, each raised as `MethodInputError` naming group and field:
 * population ≤ 0 or missing; se < 0 or missing; a missing confidence limit; for proportions a
 * value or limit outside [0, 1] and, when only x is given, x ≤ 0; 5 to 100 distinct quantiles.
 * We add the checks the package leaves to NaN: values and limits must be finite and, on the log
 * or logit scale, strictly inside the scale's domain (a rate > 0, a proportion in (0, 1)); the
 * upper limit must not be below the lower; a quantile may appear only once per area.
 */
import type { NumericColumn } from './columns';
import { readValue } from './columns';
import { qnormR } from './random';
import { MethodInputError } from './errors';

/** `other` (e.g. life expectancy), `rate` (log scale) or `proportion` (logit scale, 0-1). */
export type SiiValueType = 'other' | 'rate' | 'proportion';

/** The columns `sii` reads. */
export interface SiiColumns {
  readonly quantile: NumericColumn;
  readonly population: NumericColumn;
  readonly value?: NumericColumn;
  readonly x?: NumericColumn;
  readonly se?: NumericColumn;
  readonly lowerCl?: NumericColumn;
  readonly upperCl?: NumericColumn;
}

/**
 * z for converting 95% limits to a standard error, `qnorm(0.975)` as the package computes it:
 * input limits are always taken to be 95%, whatever confidence is requested for the SII.
 */
export const INPUT_LIMITS_Z = qnormR(0.975);

/** One area's quantiles in ascending quantile order, on the modelling scale. */
export interface AreaData {
  readonly quantiles: Float64Array;
  readonly population: Float64Array;
  /** Value on the modelling scale: value, log(value) or logit(value). */
  readonly mean: Float64Array;
  /** Standard error on the modelling scale. */
  readonly se: Float64Array;
}

function toScale(v: number, type: SiiValueType): number {
  if (type === 'rate') return Math.log(v);
  if (type === 'proportion') return Math.log(v / (1 - v));
  return v;
}

/** Whether v is inside the domain of the modelling scale. */
function inDomain(v: number, type: SiiValueType): boolean {
  if (type === 'rate') return v > 0;
  if (type === 'proportion') return v > 0 && v < 1;
  return true;
}

const DOMAIN: Record<SiiValueType, string> = {
  other: 'a finite number',
  rate: 'greater than 0 (rates are modelled on the log scale)',
  proportion: 'strictly between 0 and 1 (proportions are modelled on the logit scale)',
};

/** Reads and checks one area's rows (`rows`, in input order) and sorts them by quantile. */
export function prepareArea(
  columns: SiiColumns,
  rows: readonly number[],
  type: SiiValueType,
  group: string | undefined,
): AreaData {
  const k = rows.length;
  const order = [...rows];
  const q = (i: number): number => {
    const v = readValue(columns.quantile, i, 'quantile', group);
    if (v === null) throw new MethodInputError(`row ${String(i + 1)}: quantile is missing`, group, 'quantile');
    return v;
  };
  order.sort((i, j) => q(i) - q(j));
  const out = {
    quantiles: new Float64Array(k),
    population: new Float64Array(k),
    mean: new Float64Array(k),
    se: new Float64Array(k),
  };
  for (let j = 0; j < k; j++) {
    const i = order[j]!;
    const at = `row ${String(i + 1)}: `;
    out.quantiles[j] = q(i);
    if (j > 0 && out.quantiles[j] === out.quantiles[j - 1]) {
      throw new MethodInputError(`${at}quantile ${String(q(i))} appears more than once in this area`, group, 'quantile');
    }
    const n = readValue(columns.population, i, 'population', group);
    if (n === null || !(n > 0)) {
      throw new MethodInputError(`${at}population must be greater than 0, got ${String(n)}`, group, 'population');
    }
    out.population[j] = n;
    let value: number | null;
    let valueField = 'value';
    if (columns.value !== undefined) {
      value = readValue(columns.value, i, 'value', group);
    } else {
      valueField = 'x';
      const x = readValue(columns.x!, i, 'x', group);
      if (x !== null && !(x > 0)) throw new MethodInputError(`${at}count x must be greater than 0, got ${String(x)}`, group, 'x');
      value = x === null ? null : x / n;
    }
    if (value === null) throw new MethodInputError(`${at}${valueField} is missing`, group, valueField);
    if (type === 'proportion' && !(value >= 0 && value <= 1)) {
      throw new MethodInputError(`${at}proportion ${String(value)} is not between 0 and 1`, group, valueField);
    }
    if (!inDomain(value, type)) throw new MethodInputError(`${at}${valueField} must be ${DOMAIN[type]}, got ${String(value)}`, group, valueField);
    out.mean[j] = toScale(value, type);
    out.se[j] = columns.se !== undefined ? readSe(columns.se, i, group) : seFromLimits(columns, i, type, group);
  }
  return out;
}

function readSe(column: NumericColumn, i: number, group: string | undefined): number {
  const se = readValue(column, i, 'se', group);
  if (se === null || !(se >= 0)) {
    throw new MethodInputError(`row ${String(i + 1)}: standard error must be 0 or more, got ${String(se)}`, group, 'se');
  }
  return se;
}

/** se = (U − L)/(2·1.959964) on the modelling scale, from the row's 95% limits. */
function seFromLimits(columns: SiiColumns, i: number, type: SiiValueType, group: string | undefined): number {
  const at = `row ${String(i + 1)}: `;
  const lower = readValue(columns.lowerCl!, i, 'lowerCl', group);
  const upper = readValue(columns.upperCl!, i, 'upperCl', group);
  if (lower === null) throw new MethodInputError(`${at}lower confidence limit is missing`, group, 'lowerCl');
  if (upper === null) throw new MethodInputError(`${at}upper confidence limit is missing`, group, 'upperCl');
  for (const [v, field] of [[lower, 'lowerCl'], [upper, 'upperCl']] as const) {
    if (type === 'proportion' && !(v >= 0 && v <= 1)) {
      throw new MethodInputError(`${at}confidence limit ${String(v)} is not between 0 and 1`, group, field);
    }
    if (!inDomain(v, type)) {
      throw new MethodInputError(`${at}confidence limit must be ${DOMAIN[type]}, got ${String(v)}; supply se instead`, group, field);
    }
  }
  if (upper < lower) {
    throw new MethodInputError(`${at}upper limit ${String(upper)} is below lower limit ${String(lower)}`, group, 'upperCl');
  }
  return (toScale(upper, type) - toScale(lower, type)) / INPUT_LIMITS_Z / 2;
}
