/**
 * Test support for the PHEindicatormethods reference vectors
 * (fixtures/reference/pheindicatormethods, see its README.md). Pure: tests read the file text
 * with node:fs and hand it here.
 *
 * CSV conventions of those files: numbers are shortest round-trip decimals, `NA` is missing,
 * strings are double-quoted, logicals are TRUE/FALSE.
 */

export type Cell = number | string | boolean | null;
export type Row = Readonly<Record<string, Cell>>;

function parseLine(line: string): { text: string; quoted: boolean }[] {
  const cells: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let text = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else {
          text += line[i];
          i++;
        }
      }
      cells.push({ text, quoted: true });
      i++; // comma
    } else {
      const end = line.indexOf(',', i);
      const stop = end < 0 ? line.length : end;
      cells.push({ text: line.slice(i, stop), quoted: false });
      i = stop + 1;
    }
  }
  return cells;
}

function convert(cell: { text: string; quoted: boolean }): Cell {
  if (cell.quoted) return cell.text;
  if (cell.text === 'NA' || cell.text === '') return null;
  if (cell.text === 'TRUE') return true;
  if (cell.text === 'FALSE') return false;
  const n = Number(cell.text);
  if (Number.isNaN(n) && cell.text !== 'NaN') throw new Error(`not a number: ${cell.text}`);
  return n;
}

/** Parses one reference CSV into rows keyed by header. */
export function parseReferenceCsv(text: string): Row[] {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = parseLine(lines[0]!).map((c) => c.text);
  return lines.slice(1).map((line) => {
    const cells = parseLine(line);
    return Object.fromEntries(header.map((h, j) => [h, convert(cells[j]!)]));
  });
}

/** A numeric column of `rows` (null for NA). Throws if a cell is not a number or NA. */
export function numbers(rows: readonly Row[], name: string): (number | null)[] {
  return rows.map((r) => {
    const v = r[name];
    if (v === null || typeof v === 'number') return v;
    throw new Error(`column ${name}: ${String(v)} is not numeric`);
  });
}

/** A numeric cell that must be present. */
export function num(row: Row, name: string): number {
  const v = row[name];
  if (typeof v !== 'number') throw new Error(`column ${name}: ${String(v)} is not a number`);
  return v;
}

/** A string cell. */
export function str(row: Row, name: string): string {
  const v = row[name];
  if (typeof v !== 'string') throw new Error(`column ${name}: ${String(v)} is not a string`);
  return v;
}

/**
 * Relative difference |a − e| / |e| (absolute when e = 0). Both null counts as a match (0);
 * one null and one number counts as Infinity, so a missing value can never pass.
 */
export function relErr(actual: number | null | undefined, expected: number | null): number {
  if (expected === null) return actual === null ? 0 : Infinity;
  if (actual === null || actual === undefined || Number.isNaN(actual)) return Infinity;
  if (actual === expected) return 0;
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

/** Largest `relErr` over paired values. Throws on length mismatch. */
export function maxRelErr(
  actual: readonly (number | null | undefined)[],
  expected: readonly (number | null)[],
): number {
  if (actual.length !== expected.length)
    throw new Error(`length ${String(actual.length)} vs ${String(expected.length)}`);
  let worst = 0;
  for (let i = 0; i < actual.length; i++) worst = Math.max(worst, relErr(actual[i], expected[i]!));
  return worst;
}
