/** Number and list formatting for figure text (en-GB, no locale lookups: tests stay stable). */

/** Fixed decimals, with a proper minus sign for negatives. */
export function fixed(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return 'no value';
  const text = Math.abs(value).toFixed(decimals);
  return value < 0 && Number(text) !== 0 ? `\u2212${text}` : text;
}

/** "A", "A and B", "A, B and C". */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
