/** Small helpers shared by the benchmarks: timing, medians and a printed table. */

/** Milliseconds taken by `work`. */
export async function time(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface BenchRow {
  readonly step: string;
  readonly [column: string]: string | number;
}

/** Print rows as an aligned table; numbers get 1 decimal place. */
export function printTable(title: string, rows: readonly BenchRow[]): void {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: string | number | undefined): string =>
    v === undefined ? '' : typeof v === 'number' ? v.toFixed(v < 10 ? 2 : 1) : v;
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  console.log(`\n${title}`);
  console.log(columns.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(columns.map((c, i) => cell(r[c]).padEnd(widths[i]!)).join('  '));
}

/** Peak resident set size of this process so far, in MB (Linux: from /proc; else current RSS). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
