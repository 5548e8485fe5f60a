/**
 * Insert JavaScript columns into a DuckDB table through Arrow IPC: one bulk write instead of
 * tens of thousands of INSERTs (the shipped LSOA lookups are ~70,000 rows). Text columns only:
 * the geography tables are all codes and names.
 */
import { Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { Engine } from '../engine/engine';
import { ident } from '../engine/sql';

let staging = 0;

/** Append rows (given as equal-length text columns) to the existing `table`. */
export async function insertTextColumns(
  engine: Engine,
  table: string,
  columns: Readonly<Record<string, readonly (string | null)[]>>,
): Promise<void> {
  const names = Object.keys(columns);
  const vectors = Object.fromEntries(names.map((n) => [n, utf8Vector(columns[n]!)]));
  const arrow = new Table(vectors);
  if (arrow.numRows === 0) return;
  // A staging table, then INSERT ... BY NAME, so that the target keeps its own column types and
  // order and any column not given stays NULL.
  const stage = `_geography_stage_${String(++staging)}`;
  await engine.insertArrowIPC(stage, tableToIPC(arrow, 'stream'), 'create');
  try {
    await engine.exec(`INSERT INTO ${ident(table)} BY NAME SELECT * FROM ${ident(stage)}`);
  } finally {
    await engine.exec(`DROP TABLE IF EXISTS ${ident(stage)}`);
  }
}

const encoder = new TextEncoder();

/**
 * UTF-8 strings with offsets and a validity bitmap, built directly. Not apache-arrow's
 * vectorFromArray: its builders compile a null-check with `new Function`, which the renderer's
 * CSP (script-src without 'unsafe-eval', renderer/index.html) refuses.
 */
function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  const validity = new Uint8Array((n + 7) >> 3);
  const encoded: (Uint8Array | null)[] = values.map((v) => (v === null ? null : encoder.encode(v)));
  const bytes = new Uint8Array(encoded.reduce((s, e) => s + (e?.length ?? 0), 0));
  let at = 0;
  let nulls = 0;
  encoded.forEach((e, i) => {
    if (e === null) nulls++;
    else {
      validity[i >> 3]! |= 1 << (i & 7);
      bytes.set(e, at);
      at += e.length;
    }
    offsets[i + 1] = at;
  });
  return makeVector(
    makeData({
      type: new Utf8(),
      length: n,
      nullCount: nulls,
      valueOffsets: offsets,
      data: bytes,
      nullBitmap: validity,
    }),
  );
}
