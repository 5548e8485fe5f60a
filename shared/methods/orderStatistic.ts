/**
 * Order statistics of a large sample without sorting it: the k-th smallest values, as
 * `sort(x)[k]` in R, found by quickselect (Hoare 1961, "Algorithm 65: Find") in expected O(n).
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

/**
 * The values at 1-based sorted positions `positions` (as R's `sort(values)[positions]`).
 * Reorders `values` in place. `values` must not contain NaN. Positions must lie in
 * 1..values.length.
 */
export function orderStatistics(values: Float64Array, positions: readonly number[]): Float64Array {
  const n = values.length;
  const order = positions.map((p, i) => [p, i] as const).sort((u, v) => u[0] - v[0]);
  const out = new Float64Array(positions.length);
  let lo = 0;
  for (const [p, i] of order) {
    if (!(Number.isInteger(p) && p >= 1 && p <= n)) {
      throw new RangeError(`order statistic position ${String(p)} is outside 1..${String(n)}`);
    }
    const k = p - 1;
    // Values left of the previous position are all ≤ it, so the search can start there.
    selectInPlace(values, k, lo, n - 1);
    out[i] = values[k]!;
    lo = k;
  }
  return out;
}
