/**
 * Order statistics of a large sample without sorting it: the k-th smallest values, as
 * `sort(x)[k]` in R. Large arrays use one bracketing pass per rank from a sorted sample (Floyd &
 * Rivest 1975); otherwise, and as the fallback, quickselect (Hoare 1961, "Algorithm 65: Find").
 * Both are expected O(n) and exact: the result is the element a full sort would put there.
 *
 * Used for the simulated confidence limits of the slope index of inequality, where 100,000
 * simulated slopes per area need two or four order statistics each: a full sort would dominate
 * the run time.
 */

/** Below this length a range is finished with insertion sort. */
const SMALL = 16;

function insertionSort(a: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= lo && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Rearranges `a[lo..hi]` so that `a[k]` is the value a sort would put there, everything before
 * it is ≤ and everything after it is ≥. Median-of-three pivots; after 64 partitions without
 * converging (adversarial input) the remaining range is sorted instead, bounding the worst case
 * at O(n log n).
 */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  let rounds = 0;
  while (hi - lo > SMALL) {
    if (++rounds > 64) {
      a.subarray(lo, hi + 1).sort();
      return;
    }
    const mid = (lo + hi) >>> 1;
    // Median of a[lo], a[mid], a[hi] as the pivot.
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return; // j < k < i: a[k] equals the pivot and is in place
  }
  insertionSort(a, lo, hi);
}

/** Sample size for the sampling pass; ranges shorter than SAMPLED use quickselect only. */
const SAMPLE = 1024;
const SAMPLED = 16 * SAMPLE;

/**
 * One pass for rank k: elements are bracketed by two values read from the sorted sample around
 * k's expected place (± 4 binomial standard deviations), those inside the bracket are copied out
 * and the rank is selected among them (Floyd & Rivest 1975, "Algorithm 489"). Returns undefined
 * when the bracket misses, which happens with probability < 1e-4; the caller then falls back.
 */
function selectBySample(values: Float64Array, k: number, sample: Float64Array, buffer: Float64Array): number | undefined {
  const n = values.length;
  const f = k / n;
  const margin = 4 * Math.sqrt(SAMPLE * f * (1 - f)) + 2;
  const lo = sample[Math.max(0, Math.floor(f * SAMPLE - margin))]!;
  const hi = sample[Math.min(SAMPLE - 1, Math.ceil(f * SAMPLE + margin))]!;
  let below = 0;
  let kept = 0;
  const capacity = buffer.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < lo) below++;
    else if (v <= hi) {
      if (kept === capacity) return undefined;
      buffer[kept++] = v;
    }
  }
  if (k < below || k >= below + kept) return undefined;
  selectInPlace(buffer, k - below, 0, kept - 1);
  return buffer[k - below]!;
}

/**
 * The values at 1-based sorted positions `positions` (as R's `sort(values)[positions]`).
 * May reorder `values`. `values` must not contain NaN. Positions must lie in 1..values.length.
 */
export function orderStatistics(values: Float64Array, positions: readonly number[]): Float64Array {
  const n = values.length;
  for (const p of positions) {
    if (!(Number.isInteger(p) && p >= 1 && p <= n)) {
      throw new RangeError(`order statistic position ${String(p)} is outside 1..${String(n)}`);
    }
  }
  const out = new Float64Array(positions.length);
  let pending = positions.map((p, i) => [p, i] as const);
  if (n >= SAMPLED) {
    // A sorted systematic sample brackets each rank; one pass each, no reordering.
    const sample = new Float64Array(SAMPLE);
    const stride = n / SAMPLE;
    for (let j = 0; j < SAMPLE; j++) sample[j] = values[Math.floor(j * stride)]!;
    sample.sort();
    const buffer = new Float64Array(Math.ceil(n / 8));
    pending = pending.filter(([p, i]) => {
      const v = selectBySample(values, p - 1, sample, buffer);
      if (v === undefined) return true;
      out[i] = v;
      return false;
    });
  }
  let lo = 0;
  for (const [p, i] of pending.sort((u, v) => u[0] - v[0])) {
    const k = p - 1;
    // Values left of the previous position are all ≤ it, so the search can start there.
    selectInPlace(values, k, lo, n - 1);
    out[i] = values[k]!;
    lo = k;
  }
  return out;
}
