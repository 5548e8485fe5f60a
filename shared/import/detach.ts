/**
 * A copy of a string that does not share memory with the text it was parsed from. V8 keeps a
 * field cut from a parsed chunk (13+ characters) as a slice of that chunk, so one value kept
 * for the whole import pins its whole decoded chunk (megabytes): on a 1M-row file with new
 * areas throughout, kept area names retained the entire decoded text (found by the import
 * benchmark: peak RSS 1.76 GB -> 1.45 GB once detached). Use it only for values kept until
 * the end of the import (areas, indicators, problem messages); per-row values are short-lived.
 */
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function detach<T extends string | null>(s: T): T {
  return (s === null || s.length < 13 ? s : decoder.decode(encoder.encode(s))) as T;
}
