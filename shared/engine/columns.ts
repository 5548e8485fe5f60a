/**
 * The one adapter from Arrow results to typed JavaScript columns.
 *
 * Results stay columnar: converting to row objects costs more than the query itself
 * (STACK-NOTES.md, measured 1.4 s vs 60-100 ms for 1M rows). Integer types that DuckDB returns as
 * 64-bit (BIGINT, HUGEINT via cast) and DECIMAL are converted explicitly, and a BIGINT that does
 * not fit a double exactly is an error rather than a silent rounding.
 */
import { DataType, type Table, type Vector, util } from 'apache-arrow';

/** A numeric column: missing values are NaN (methods validate and name them). */
export function numberColumn(table: Table, name: string): Float64Array {
  const vector = requireColumn(table, name);
  const out = new Float64Array(vector.length);
  const type = vector.type as DataType;
  if (DataType.isFloat(type) || (DataType.isInt(type) && type.bitWidth <= 32)) {
    let offset = 0;
    for (const chunk of vector.data) {
      const values = chunk.values as ArrayLike<number>;
      for (let i = 0; i < chunk.length; i++) {
        out[offset + i] = chunk.getValid(i) ? values[i]! : Number.NaN;
      }
      offset += chunk.length;
    }
    return out;
  }
  if (DataType.isInt(type)) {
    for (let i = 0; i < vector.length; i++) {
      const v = vector.get(i) as bigint | null;
      if (v === null) {
        out[i] = Number.NaN;
        continue;
      }
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new RangeError(
          `Column "${name}" row ${String(i + 1)}: ${v.toString()} is too large to hold exactly as a number.`,
        );
      }
      out[i] = Number(v);
    }
    return out;
  }
  if (DataType.isDecimal(type)) {
    const scale = type.scale;
    for (let i = 0; i < vector.length; i++) {
      const v = vector.get(i) as Parameters<typeof util.bigNumToNumber>[0] | null;
      out[i] = v === null ? Number.NaN : util.bigNumToNumber(v, scale);
    }
    return out;
  }
  throw new TypeError(`Column "${name}" is ${String(type)}, not a number; cast it in SQL first.`);
}

/** A text column; missing values are null. Non-text values are rendered with String(). */
export function stringColumn(table: Table, name: string): (string | null)[] {
  const vector = requireColumn(table, name);
  const out = new Array<string | null>(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const v: unknown = vector.get(i);
    out[i] = v === null || v === undefined ? null : typeof v === 'string' ? v : String(v);
  }
  return out;
}

/** The first row's value of a one-row result, as a number (e.g. `SELECT count(*)`). */
export function scalarNumber(table: Table, name?: string): number {
  const column = name ?? table.schema.fields[0]?.name;
  if (column === undefined || table.numRows === 0)
    throw new RangeError('The query returned no rows.');
  const value = numberColumn(table, column)[0]!;
  return value;
}

function requireColumn(table: Table, name: string): Vector {
  const vector = table.getChild(name);
  if (vector === null) {
    const names = table.schema.fields.map((f) => f.name).join(', ');
    throw new RangeError(`The result has no column "${name}" (it has: ${names}).`);
  }
  return vector;
}
