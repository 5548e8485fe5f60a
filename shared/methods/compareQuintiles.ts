/**
 * Fingertips quintile comparator (comparison method 15), in both forms Fingertips has used. The
 * result always says which one was used, because they can disagree on tied and boundary values.
 *
 * - `legacy-percentile` (fingertips-open `QuintilesComparer` / `ValueCategoriesCalculator`,
 *   FINGERTIPS-METHODS.md §3.1): bounds P20, P40, P60, P80, max of all valid values, each percentile
 *   by linear interpolation at position (n − 1)·f + 1 (Excel PERCENTILE.INC, R quantile type 7),
 *   rounded to 10 dp; category = first i with value ≤ bound_i, so a tie goes to the lower category;
 *   for RAG high-is-good the index is reversed (6 − i) so category 1 is always the best fifth.
 * - `ntile` (FingertipsNext stored procedure, §3.2): SQL `NTILE(5) OVER (ORDER BY Value)`: equal-count
 *   groups of the ranked rows (the first n mod 5 groups take one extra row); rows with equal values can
 *   land in different groups. Ties are broken by input order here (SQL leaves them unspecified).
 *
 * Both need at least 5 valid values; otherwise nothing is compared.
 */
import { MethodInputError } from './errors';
import type { Polarity } from './compare';

export type QuintileMethod = 'legacy-percentile' | 'ntile';

export type QuintileLabel =
  | 'Best'
  | 'Better'
  | 'Middle'
  | 'Worse'
  | 'Worst'
  | 'Lowest'
  | 'Low'
  | 'High'
  | 'Highest'
  | 'Not compared';

export interface QuintileCategory {
  /** 1-5, or null when not compared. Legacy RAG: 1 = best fifth. NTILE: 1 = lowest values. No judgement: 1 = lowest. */
  readonly quintile: number | null;
  readonly label: QuintileLabel;
  readonly reason?: string;
}

export interface QuintileResult {
  readonly method: QuintileMethod;
  /** Legacy only: [P20, P40, P60, P80, max] rounded to 10 dp; empty when fewer than 5 values. */
  readonly bounds: readonly number[];
  /** One per input value, in input order. */
  readonly categories: readonly QuintileCategory[];
}

const MIN_VALUES = 5;
const RAG_BEST_FIRST: readonly QuintileLabel[] = ['Best', 'Better', 'Middle', 'Worse', 'Worst'];
const LOW_TO_HIGH: readonly QuintileLabel[] = ['Lowest', 'Low', 'Middle', 'High', 'Highest'];

/** Legacy percentile-bound quintiles. `values` may contain null (missing): those are not compared. */
export function quintilesLegacy(
  values: readonly (number | null)[],
  polarity: Polarity,
): QuintileResult {
  const valid = validValues(values);
  const method: QuintileMethod = 'legacy-percentile';
  const early = tooFew(values, valid, polarity, method);
  if (early) return early;
  const sorted = [...valid].sort((a, b) => a - b);
  const bounds = [0.2, 0.4, 0.6, 0.8, 1].map((f) => roundTo10(percentileInc(sorted, f)));
  const categories = values.map((v): QuintileCategory => {
    if (v === null) return { quintile: null, label: 'Not compared', reason: 'missing value' };
    const i = bounds.findIndex((b) => v <= b) + 1; // always found: the last bound is the max
    if (polarity === 'no-judgement') return { quintile: i, label: LOW_TO_HIGH[i - 1]! };
    const q = polarity === 'high-is-good' ? 6 - i : i;
    return { quintile: q, label: RAG_BEST_FIRST[q - 1]! };
  });
  return { method, bounds, categories };
}

/** FingertipsNext NTILE(5) quintiles. Quintile 1 holds the lowest values whatever the polarity. */
export function quintilesNtile(
  values: readonly (number | null)[],
  polarity: Polarity,
): QuintileResult {
  const valid = validValues(values);
  const method: QuintileMethod = 'ntile';
  const early = tooFew(values, valid, polarity, method);
  if (early) return early;
  const order = values
    .map((v, index) => ({ v, index }))
    .filter((x): x is { v: number; index: number } => x.v !== null)
    .sort((a, b) => a.v - b.v || a.index - b.index);
  const n = order.length;
  const base = Math.floor(n / 5);
  const extra = n % 5;
  const quintileOf = new Map<number, number>();
  let position = 0;
  for (let q = 1; q <= 5; q++) {
    const size = base + (q <= extra ? 1 : 0);
    for (let k = 0; k < size; k++) quintileOf.set(order[position++]!.index, q);
  }
  const categories = values.map((v, index): QuintileCategory => {
    if (v === null) return { quintile: null, label: 'Not compared', reason: 'missing value' };
    const q = quintileOf.get(index)!;
    // FingertipsNext labels: high is good 1 = WORST ... 5 = BEST; low is good 1 = BEST ... 5 = WORST.
    if (polarity === 'no-judgement') return { quintile: q, label: LOW_TO_HIGH[q - 1]! };
    const label = polarity === 'low-is-good' ? RAG_BEST_FIRST[q - 1]! : RAG_BEST_FIRST[5 - q]!;
    return { quintile: q, label };
  });
  return { method, bounds: [], categories };
}

/** Excel PERCENTILE.INC / R type 7 on sorted values: linear interpolation at 1-based position (n − 1)·f + 1. */
export function percentileInc(sorted: readonly number[], f: number): number {
  const h = (sorted.length - 1) * f;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function roundTo10(x: number): number {
  return Math.round(x * 1e10) / 1e10;
}

function validValues(values: readonly (number | null)[]): number[] {
  values.forEach((v, i) => {
    if (v !== null && !Number.isFinite(v)) {
      throw new MethodInputError(
        `${String(v)} is not a finite number`,
        `row=${String(i + 1)}`,
        'value',
      );
    }
  });
  return values.filter((v): v is number => v !== null);
}

function tooFew(
  values: readonly (number | null)[],
  valid: readonly number[],
  polarity: Polarity,
  method: QuintileMethod,
): QuintileResult | undefined {
  const reason =
    polarity === 'not-applicable'
      ? 'polarity is not applicable'
      : valid.length < MIN_VALUES
        ? `quintiles need at least ${String(MIN_VALUES)} values; ${String(valid.length)} given`
        : undefined;
  if (reason === undefined) return undefined;
  const categories = values.map((v): QuintileCategory => ({
    quintile: null,
    label: 'Not compared',
    reason: v === null ? 'missing value' : reason,
  }));
  return { method, bounds: [], categories };
}
