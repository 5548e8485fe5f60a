/**
 * Directly standardised rates with Dobson confidence limits: PHEindicatormethods 2.1.0
 * `calculate_dsr` (and the deprecated `phe_dsr`, which gives the same numbers).
 *
 * Within a group, with band counts x_i, populations n_i and standard weights w_i:
 *
 *     DSR = m·Σ(x_i·w_i/n_i) / Σw_i
 *     V   = Σ(x_i·w_i²/n_i²) / (Σw_i)²            O = Σx_i
 *     limit = DSR + √(V/O)·(B(O) − O)·m           B = Byar's lower or upper limit of O
 *
 * When O < 10 the value and limits are null (statistic `dsr NA for total count < 10`), as the
 * package suppresses them.
 *
 * Non-independent events (`eventFrequency` given): each row counts the *people* who had exactly
 * f events in the band. Events are Σf·x_f, which give the DSR and O; the variance is Σf²·V_f with
 * V_f the Dobson variance of the people counts at frequency f (method `Dobson, with confidence
 * adjusted for non-independent events`). Rows of one group and band must share one population.
 *
 * **The standard population is joined by age-band label, never by position.** Labels are
 * compared in canonical form (`normaliseAgeBand`: `00-04`, `0 to 4` and `0–4` all join `0-4`).
 * Every group must have exactly the standard's bands: a band that is missing, not in the
 * standard, or repeated (for one event frequency) throws `MethodInputError` naming group and band.
 *
 * Missing counts (`null`) are treated as 0, as the package does; missing populations throw.
 * Counts < 0, populations ≤ 0 and NaN/infinite values throw `MethodInputError`.
 *
 * References: Dobson AJ, Kuulasmaa K, Eberle E & Scherer J (1991) Statistics in Medicine
 * 10:457-462; OHID Fingertips technical guidance, "Directly standardised rates". Vectors:
 * fixtures/reference/pheindicatormethods/data/dsr_*.csv.
 */
import { byarsLowerZ, byarsUpperZ } from './byars';
import type { GroupBy, GroupKey, KeyColumn, NumericColumn } from './columns';
import { assertMultiplier, groupRows, readRequired, readValue, rowCount } from './columns';
import { MethodInputError } from './errors';
import type { StandardPopulation } from './esp2013';
import { ESP2013, normaliseAgeBand } from './esp2013';
import type { ConfidenceOption, LimitFields } from './levels';
import { resolveLevels, setLimits, setNullLimits } from './levels';

export interface DsrOptions {
  /** Events per band, or people with `eventFrequency` events when that is given. null = 0. */
  readonly count: NumericColumn;
  /** Population per band (> 0). */
  readonly population: NumericColumn;
  /** Age-band label per row, joined to the standard population. */
  readonly ageBand: KeyColumn;
  /** Default ESP2013. */
  readonly standard?: StandardPopulation;
  readonly groupBy?: GroupBy;
  /** Default [0.95, 0.998]; null for no limits. */
  readonly confidence?: ConfidenceOption;
  /** Default 100000. */
  readonly multiplier?: number;
  /** Non-independent events: the number of events each person counted in the row had. */
  readonly eventFrequency?: NumericColumn;
}

export type DsrRecord = LimitFields & {
  readonly group: GroupKey;
  readonly label: string | undefined;
  /** Total events O. */
  readonly count: number;
  /** Total population (each band once). */
  readonly population: number;
  readonly value: number | null;
  /** `dsr per <m>`, or `dsr NA for total count < 10`. */
  readonly statistic: string;
  readonly method: 'Dobson' | 'Dobson, with confidence adjusted for non-independent events';
  readonly note?: string;
};

/** Row → standard band index, with a cache so each distinct label is normalised once. */
function bandLookup(
  standard: StandardPopulation,
): (label: string | number | boolean | null, group: string | undefined) => number {
  const canonical = new Map(standard.bands.map((band, i) => [band, i]));
  const cache = new Map<string | number | boolean | null, number>();
  return (label, group) => {
    let b = cache.get(label);
    if (b === undefined) {
      if (label === null || typeof label === 'boolean')
        throw new MethodInputError(
          `age band ${String(label)} is not a band label`,
          group,
          'ageBand',
        );
      b = canonical.get(normaliseAgeBand(label)) ?? -1;
      cache.set(label, b);
    }
    if (b < 0) {
      throw new MethodInputError(
        `age band "${String(label)}" is not in the standard population ${standard.name} (its bands are ${standard.bands.join(', ')})`,
        group,
        'ageBand',
      );
    }
    return b;
  };
}

/** `calculate_dsr`: one record per group in first-seen order. */
export function dsr(options: DsrOptions): DsrRecord[] {
  const { count, population, ageBand, groupBy, eventFrequency } = options;
  const standard = options.standard ?? ESP2013;
  const multiplier = options.multiplier ?? 100000;
  assertMultiplier(multiplier);
  const levels = resolveLevels(options.confidence);
  const rows = rowCount({ count, population, ageBand, eventFrequency });
  const groups = groupRows(groupBy, rows);
  const bands = standard.bands.length;
  const band = bandLookup(standard);
  const independent = eventFrequency === undefined;

  const s1 = new Float64Array(groups.count); // Σ f·x·w/n
  const s2 = new Float64Array(groups.count); // Σ f²·x·w²/n²
  const events = new Float64Array(groups.count);
  const bandPop = new Float64Array(groups.count * bands).fill(Number.NaN); // population seen for (group, band)
  const seen = independent ? undefined : new Map<string, number>(); // (group, band, f) → row

  for (let i = 0; i < rows; i++) {
    const g = groups.index[i]!;
    const label = groups.labels[g];
    const b = band(ageBand[i]!, label);
    const x = readValue(count, i, 'count', label) ?? 0;
    const n = readRequired(population, i, 'population', label);
    const f = independent ? 1 : readRequired(eventFrequency, i, 'eventFrequency', label);
    if (x < 0)
      throw new MethodInputError(
        `row ${String(i + 1)}: count must be >= 0, got ${String(x)}`,
        label,
        'count',
      );
    if (!(n > 0))
      throw new MethodInputError(
        `row ${String(i + 1)}: population must be > 0, got ${String(n)} (age band ${standard.bands[b]!})`,
        label,
        'population',
      );
    if (!(f > 0))
      throw new MethodInputError(
        `row ${String(i + 1)}: event frequency must be > 0, got ${String(f)}`,
        label,
        'eventFrequency',
      );
    const cell = g * bands + b;
    const previous = bandPop[cell]!;
    if (Number.isNaN(previous)) {
      bandPop[cell] = n;
    } else if (independent) {
      throw new MethodInputError(
        `age band ${standard.bands[b]!} appears more than once (row ${String(i + 1)})`,
        label,
        'ageBand',
      );
    } else if (previous !== n) {
      throw new MethodInputError(
        `rows for age band ${standard.bands[b]!} have different populations (${String(previous)} and ${String(n)}); each band needs one population`,
        label,
        'population',
      );
    }
    if (seen !== undefined) {
      const key = `${String(cell)}:${String(f)}`;
      if (seen.has(key)) {
        throw new MethodInputError(
          `age band ${standard.bands[b]!} has two rows for event frequency ${String(f)}`,
          label,
          'eventFrequency',
        );
      }
      seen.set(key, i);
    }
    const w = standard.weights[b]!;
    s1[g]! += (f * x * w) / n;
    s2[g]! += (f * f * x * w * w) / (n * n);
    events[g]! += f * x;
  }

  const totalWeight = standard.weights.reduce((a, w) => a + w, 0);
  const method = independent
    ? 'Dobson'
    : 'Dobson, with confidence adjusted for non-independent events';
  const out: DsrRecord[] = [];
  for (let g = 0; g < groups.count; g++) {
    let totalPop = 0;
    for (let b = 0; b < bands; b++) {
      const n = bandPop[g * bands + b]!;
      if (Number.isNaN(n)) {
        throw new MethodInputError(
          `age band ${standard.bands[b]!} of the standard population ${standard.name} is missing`,
          groups.labels[g],
          'ageBand',
        );
      }
      totalPop += n;
    }
    const o = events[g]!;
    const record: Record<string, unknown> = {
      group: groups.keys[g],
      label: groups.labels[g],
      count: o,
      population: totalPop,
    };
    if (o < 10) {
      record.value = null;
      setNullLimits(record, levels);
      record.statistic = 'dsr NA for total count < 10';
      record.note = `total count ${String(o)} is below 10: value suppressed`;
    } else {
      const value = (s1[g]! / totalWeight) * multiplier;
      const spread = Math.sqrt(s2[g]! / (totalWeight * totalWeight) / o) * multiplier;
      record.value = value;
      setLimits(record, levels, (level) => {
        const lower = byarsLowerZ(o, level.z);
        return [
          lower === null ? null : value + spread * (lower - o),
          value + spread * (byarsUpperZ(o, level.z) - o),
        ];
      });
      record.statistic = `dsr per ${String(multiplier)}`;
    }
    record.method = method;
    out.push(record as DsrRecord);
  }
  return out;
}
