/**
 * Arrow IPC bytes of a query result, whichever apache-arrow instance built it.
 *
 * duckdb-wasm's blocking Node build bundles its own copy of apache-arrow, so the tables it
 * returns fail `instanceof` checks in ours and `tableToIPC` silently writes zero bytes for them
 * (checked with apache-arrow 17 / duckdb-wasm 1.32). The browser build shares our copy. For a
 * foreign table we rebuild each column's Data with our own type objects around the same
 * buffers (no copy of the values), which covers the scalar types a workspace stores
 * (manifest.ts COLUMN_TYPE).
 */
import type { DataType } from 'apache-arrow';
import {
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Field,
  Float,
  Int,
  Binary,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Time,
  Timestamp,
  Type,
  Utf8,
  makeData,
  tableToIPC,
  type Data,
} from 'apache-arrow';

/** The same type, built from our apache-arrow (matched by typeId and parameters). */
function localType(t: DataType): DataType {
  // The foreign type has the same fields as ours; read them structurally.
  const any = t as unknown as {
    isSigned: boolean;
    bitWidth: 8 | 16 | 32 | 64 | 128;
    precision: Float['precision'];
    unit: number;
    scale: number;
    timezone: string | null;
  };
  switch (t.typeId) {
    case Type.Bool:
      return new Bool();
    case Type.Int:
      return new Int(any.isSigned, any.bitWidth as Int['bitWidth']);
    case Type.Float:
      return new Float(any.precision);
    case Type.Utf8:
      return new Utf8();
    case Type.Binary:
      return new Binary();
    case Type.Date:
      return any.unit === 0 ? new DateDay() : new DateMillisecond();
    case Type.Decimal:
      return new Decimal(any.scale, any.precision, any.bitWidth);
    case Type.Timestamp:
      return new Timestamp(any.unit as Timestamp['unit'], any.timezone);
    case Type.Time:
      return new Time(any.unit as Time['unit'], any.bitWidth as Time['bitWidth']);
    default:
      throw new TypeError(`A workspace cannot store Arrow type ${String(t)}.`);
  }
}

function localData(d: Data, type: DataType): Data {
  // Buffers are passed as they are: offsets for Utf8/Binary, values, validity bitmap.
  return makeData({
    type,
    offset: d.offset,
    length: d.length,
    nullCount: d.nullCount,
    nullBitmap: d.nullBitmap,
    data: d.values,
    valueOffsets: d.valueOffsets,
  } as Parameters<typeof makeData>[0]);
}

/** Arrow IPC stream bytes for `table`; an empty table still carries its schema. */
export function ipcStreamOf(table: Table): Uint8Array {
  if (
    table instanceof Table &&
    table.batches.length > 0 &&
    table.batches.every((b) => b instanceof RecordBatch)
  )
    return tableToIPC(table, 'stream');
  const fields = table.schema.fields.map((f) => new Field(f.name, localType(f.type), f.nullable));
  const schema = new Schema(fields);
  const batches = table.batches
    .filter((b) => b.numRows > 0)
    .map((batch) => {
      const children = fields.map((f, i) => localData(batch.data.children[i]!, f.type));
      return new RecordBatch(
        schema,
        makeData({ type: new Struct(fields), length: batch.numRows, nullCount: 0, children }),
      );
    });
  if (batches.length === 0) {
    const children = fields.map((f) =>
      makeData({ type: f.type, length: 0, nullCount: 0 } as Parameters<typeof makeData>[0]),
    );
    batches.push(
      new RecordBatch(
        schema,
        makeData({ type: new Struct(fields), length: 0, nullCount: 0, children }),
      ),
    );
  }
  return tableToIPC(new Table(batches), 'stream');
}
