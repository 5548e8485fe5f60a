/**
 * Life expectancy at every start age with confidence limits: PHEindicatormethods 2.1.0
 * `phe_life_expectancy` (Chiang II abridged life table with the Silcocks et al. variance for the
 * final interval; the formulas are in `lifeTable.ts`).
 *
 * Age bands: the package's 20 bands 0, 1-4, 5-9, …, 85-89, 90+ (`AGE_BANDS_90_PLUS`, the
 * default), or 19 bands closing at 85+ (`AGE_BANDS_85_PLUS`) for populations published only to
 * 85+. The package hard-codes 20 bands. The 85+ table uses exactly the same formulas: none of
 * them depends on where the open interval starts (see `lifeTable.ts`), and the papers the method
 * comes from worked with an 85+ open interval (Silcocks et al. 2001; Eayres & Williams 2004).
 * There is no 85+ reference vector, so that variant is checked by hand calculation in the tests.
 *
 * Suppression, as the package: a group with negative deaths, a population ≤ 0 in any band, not
 * exactly one row per age band, deaths > population in any band, or a total population ≤ 5,000
 * gets null values and limits, one warning, and its rows come after the calculated groups (in
 * that order of reasons, then first-seen order). A value whose 95% interval is wider than 20 years
 * (1.96·SE > 10, whatever levels are requested) is null but its limits are still given. Zero
 * deaths in the final band makes life expectancy infinite: null with a warning (the package
 * returns NA silently). Limits that are not finite numbers are null with a `note`.
 *
 * Other differences, deliberate: calculated groups keep first-seen order (the package sorts them
 * by group key); `popsUsed`/`deathsUsed` are given for every row (the package drops them when an
 * ungrouped table is suppressed); warnings name each group (the package warns once per reason);
 * missing or non-finite deaths or population are an error.
 *
 * Reference vectors: fixtures/reference/pheindicatormethods/data/life_expectancy_*.csv.
 */
import type { GroupBy, GroupKey, NumericColumn } from './columns';
import { groupRows, readValue, rowCount } from './columns';
import type { MethodWarning } from './errors';
import { MethodInputError } from './errors';
import type { ConfidenceOption, LimitFields } from './levels';
import { resolveLevels } from './levels';
import { chiangLifeTable } from './lifeTable';
import { qnormR } from './random';
import type { Suppression } from './lifeExpectancyChecks';
import { AGE_BANDS_90_PLUS, SUPPRESSION_MESSAGES, assertAgeBands, suppressionOf } from './lifeExpectancyChecks';

export type { Suppression } from './lifeExpectancyChecks';
export { AGE_BANDS_85_PLUS, AGE_BANDS_90_PLUS } from './lifeExpectancyChecks';

export interface LifeExpectancyOptions {
  readonly deaths: NumericColumn;
  readonly population: NumericColumn;
  /** Start age of each row's band: a number, or a label whose first integer is the start age ("10 - 14"). */
  readonly startAge: Float64Array | readonly (number | string)[];
  /** One life table per group; omit for one table. */
  readonly groupBy?: GroupBy;
  /** `AGE_BANDS_90_PLUS` (default) or `AGE_BANDS_85_PLUS`. */
  readonly ageBands?: readonly number[];
  /** Default [0.95, 0.998]; null for no limits. */
  readonly confidence?: ConfidenceOption;
  /** Start ages to return; default all. Ages not among the bands are ignored (all, with a warning, if none is). */
  readonly leAge?: readonly number[];
}

export type LifeExpectancyRecord = LimitFields & {
  readonly group: GroupKey;
  /** `Area=E09000002`; undefined when ungrouped. */
  readonly label: string | undefined;
  readonly startAge: number;
  /** Life expectancy at startAge in years; null when suppressed (see `suppressed`). */
  readonly value: number | null;
  readonly standardError: number | null;
  /** Population and deaths from this age band upwards. */
  readonly popsUsed: number;
  readonly deathsUsed: number;
  readonly suppressed?: Suppression;
  /** Why value or limits are null. */
  readonly note?: string;
};

export interface LifeExpectancyWarning extends MethodWarning {
  /** The suppression reason, or `le-age` when no requested age is a band. */
  readonly code: Suppression | 'le-age';
}

export interface LifeExpectancyResult {
  readonly records: readonly LifeExpectancyRecord[];
  readonly warnings: readonly LifeExpectancyWarning[];
}

/** 1.959964 (R's qnorm(0.975)): the wide-interval rule is on the 95% interval. */
const Z95 = qnormR(0.975);

function parseAge(v: number | string, i: number, group: string | undefined): number {
  const age = typeof v === 'number' ? v : Number(/\d+/.exec(v)?.[0] ?? NaN);
  if (!Number.isFinite(age)) throw new MethodInputError(`row ${String(i + 1)}: start age ${String(v)} has no number in it`, group, 'startAge');
  return age;
}

/** `phe_life_expectancy`: one record per group and start age. */
export function lifeExpectancy(options: LifeExpectancyOptions): LifeExpectancyResult {
  const bands = options.ageBands ?? AGE_BANDS_90_PLUS;
  assertAgeBands(bands);
  const levels = resolveLevels(options.confidence);
  const { deaths, population, startAge } = options;
  // The types make these required; the check is for callers without them (e.g. JSON input).
  for (const [column, field] of [[deaths, 'deaths'], [population, 'population'], [startAge, 'startAge']] as const) {
    if ((column as unknown) === undefined) throw new MethodInputError('this column is required', undefined, field);
  }
  const rows = rowCount({ deaths, population, startAge });
  const groups = groupRows(options.groupBy, rows);
  const members: number[][] = Array.from({ length: groups.count }, () => []);
  const ages = new Float64Array(rows);
  const deathsAt = new Float64Array(rows);
  const popsAt = new Float64Array(rows);
  const seen = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    const label = groups.labels[g];
    ages[i] = parseAge(startAge[i]!, i, label);
    if (!bands.includes(ages[i]!)) {
      throw new MethodInputError(`row ${String(i + 1)}: start age ${String(startAge[i])} is not one of the age bands ${bands.join(', ')}`, label, 'startAge');
    }
    seen.add(ages[i]!);
    const read = (column: NumericColumn, field: string): number => {
      const v = readValue(column, i, field, label);
      if (v === null) throw new MethodInputError(`row ${String(i + 1)}: ${field} is missing`, label, field);
      return v;
    };
    deathsAt[i] = read(deaths, 'deaths');
    popsAt[i] = read(population, 'population');
    members[g]!.push(i);
  }
  const absent = bands.filter((b) => !seen.has(b));
  if (absent.length > 0 && rows > 0) {
    throw new MethodInputError(`no row has start age ${absent.join(', ')}; the start ages must cover the age bands ${bands.join(', ')}`, undefined, 'startAge');
  }

  const warnings: LifeExpectancyWarning[] = [];
  const calculated: LifeExpectancyRecord[][] = [];
  const suppressedRecords = new Map<Suppression, LifeExpectancyRecord[][]>();
  for (let g = 0; g < groups.count; g++) {
    const label = groups.labels[g];
    const order = members[g]!.sort((i, j) => ages[i]! - ages[j]!);
    const d = Float64Array.from(order, (i) => deathsAt[i]!);
    const p = Float64Array.from(order, (i) => popsAt[i]!);
    const x = Float64Array.from(order, (i) => ages[i]!);
    const used = cumulativeFromTop(p, d);
    const base = (j: number) => ({ group: groups.keys[g]!, label, startAge: x[j]!, popsUsed: used.pops[j]!, deathsUsed: used.deaths[j]! });
    const reason = suppressionOf(x, d, p, bands);
    if (reason !== undefined) {
      warnings.push({ group: label, code: reason, message: SUPPRESSION_MESSAGES[reason] });
      const nulls = Object.fromEntries(levels.flatMap((l) => [[`lower${l.suffix}`, null], [`upper${l.suffix}`, null]]));
      const list = suppressedRecords.get(reason) ?? [];
      list.push(Array.from(x, (_, j) => ({ ...base(j), value: null, standardError: null, ...nulls, suppressed: reason }) as LifeExpectancyRecord));
      suppressedRecords.set(reason, list);
      continue;
    }
    const table = chiangLifeTable(x, d, p);
    const records: LifeExpectancyRecord[] = [];
    const wide: number[] = [];
    let infinite = false;
    for (let j = 0; j < x.length; j++) {
      const e = table.e[j]!;
      const se = table.se[j]!;
      const record: Record<string, unknown> = { ...base(j), value: e, standardError: Number.isFinite(se) ? se : null };
      for (const level of levels) {
        const lower = e - level.z * se;
        const upper = e + level.z * se;
        record[`lower${level.suffix}`] = Number.isFinite(lower) ? lower : null;
        record[`upper${level.suffix}`] = Number.isFinite(upper) ? upper : null;
      }
      if (e === Infinity) {
        infinite = true;
        record.value = null;
        record.suppressed = 'no-deaths-in-final-band';
        record.note = 'no deaths in the final age band, so life expectancy is infinite';
      } else if (Z95 * se > 10) {
        wide.push(x[j]!);
        record.value = null;
        record.suppressed = 'wide-interval';
        record.note = '95% confidence interval wider than 20 years; limits are still given';
      } else if (!Number.isFinite(se) && levels.length > 0) {
        record.note = 'standard error not calculable (no survivors to this age); limits are null';
      }
      records.push(record as LifeExpectancyRecord);
    }
    if (infinite) warnings.push({ group: label, code: 'no-deaths-in-final-band', message: SUPPRESSION_MESSAGES['no-deaths-in-final-band'] });
    if (wide.length > 0) {
      warnings.push({ group: label, code: 'wide-interval', message: `${SUPPRESSION_MESSAGES['wide-interval']} (start ages ${wide.join(', ')})` });
    }
    calculated.push(records);
  }

  const ordered = [...calculated, ...[...SUPPRESSION_ORDER].flatMap((r) => suppressedRecords.get(r) ?? [])].flat();
  return { records: filterAges(ordered, options.leAge, bands, warnings), warnings };
}

const SUPPRESSION_ORDER: readonly Suppression[] = ['negative-deaths', 'non-positive-population', 'age-bands', 'deaths-exceed-population', 'small-population'];

/** Σ population and deaths from each band to the oldest (rows in ascending age). */
function cumulativeFromTop(pops: Float64Array, deaths: Float64Array): { pops: Float64Array; deaths: Float64Array } {
  const out = { pops: new Float64Array(pops.length), deaths: new Float64Array(pops.length) };
  let p = 0;
  let d = 0;
  for (let j = pops.length - 1; j >= 0; j--) {
    p += pops[j]!;
    d += deaths[j]!;
    out.pops[j] = p;
    out.deaths[j] = d;
  }
  return out;
}

function filterAges(
  records: LifeExpectancyRecord[],
  leAge: readonly number[] | undefined,
  bands: readonly number[],
  warnings: LifeExpectancyWarning[],
): LifeExpectancyRecord[] {
  if (leAge === undefined) return records;
  if (!leAge.some((a) => bands.includes(a))) {
    warnings.push({ group: undefined, code: 'le-age', message: `leAge ${leAge.join(', ')} is not among the age bands; life expectancy is returned for all ages` });
    return records;
  }
  return records.filter((r) => leAge.includes(r.startAge));
}
