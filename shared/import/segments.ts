/**
 * Split a CSV file's bytes into segments of whole records, so that a large file is decoded
 * and parsed a few megabytes at a time instead of as one string as large as the file (a
 * 200 MB export would otherwise cost its size again, twice over, in memory).
 *
 * A segment ends at a line feed that is outside quotes. Quote state is tracked on bytes:
 * `"` (0x22) and LF (0x0A) never occur inside a multi-byte UTF-8 sequence, and Windows-1252
 * is single-byte, so the scan is exact for both. A doubled quote (`""`) toggles twice and
 * leaves the state unchanged, as CSV escaping intends. A damaged file with an unbalanced
 * quote simply gets one long final segment, where the parser reports the quote.
 */
const QUOTE = 0x22;
const LF = 0x0a;

export const SEGMENT_BYTES = 1 << 22;

/** Segment boundaries [start, end) covering bytes[from, bytes.length). */
export function* segmentBoundaries(bytes: Uint8Array, from: number, target = SEGMENT_BYTES): Generator<[number, number]> {
  let start = from;
  let inQuotes = false;
  let scanned = from;
  while (start < bytes.length) {
    const wanted = start + target;
    if (wanted >= bytes.length) {
      yield [start, bytes.length];
      return;
    }
    // Carry the quote state up to the wanted size, then find the next unquoted LF.
    let end = -1;
    for (let i = scanned; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (b === LF && !inQuotes && i + 1 >= wanted) {
        end = i + 1;
        break;
      }
    }
    if (end < 0) {
      yield [start, bytes.length];
      return;
    }
    yield [start, end];
    start = end;
    scanned = end;
  }
}
