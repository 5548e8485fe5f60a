/**
 * Provenance: every import leaves one `source_file` row (name, size, SHA-256, format, time,
 * rows, problems) and every data row points to it. The hash also recognises a file that was
 * imported before, whatever it is called now.
 */
import type { Engine } from '../engine/engine';
import { scalarNumber, stringColumn, numberColumn } from '../engine/columns';
import { ident } from '../engine/sql';
import { FILE_OWNED_TABLES } from '../model/schema';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // The DOM typing of digest() wants an ArrayBuffer-backed view; file bytes always are one
  // (never a SharedArrayBuffer), and copying a large file just to satisfy the type would cost
  // its size again in memory.
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export interface ExistingFile {
  readonly id: number;
  readonly name: string;
}

/** The earlier import of the same bytes, if any. */
export async function findBySha256(engine: Engine, sha256: string): Promise<ExistingFile | undefined> {
  const t = await engine.query('SELECT id, name FROM source_file WHERE sha256 = ? ORDER BY id LIMIT 1', [sha256]);
  if (t.numRows === 0) return undefined;
  return { id: numberColumn(t, 'id')[0]!, name: stringColumn(t, 'name')[0] ?? '' };
}

/** Remove a file and every row that came from it (used by `onDuplicate: 'replace'`). */
export async function removeSourceFile(engine: Engine, id: number): Promise<void> {
  for (const table of FILE_OWNED_TABLES) {
    await engine.query(`DELETE FROM ${ident(table)} WHERE source_file_id = ?`, [id]);
  }
  await engine.query('DELETE FROM source_file WHERE id = ?', [id]);
}

/** The next file id. Called inside the import's transaction, so ids cannot collide. */
export async function nextSourceFileId(engine: Engine): Promise<number> {
  return scalarNumber(await engine.query('SELECT CAST(coalesce(max(id), 0) + 1 AS INTEGER) AS id FROM source_file'));
}

export interface SourceFileRecord {
  readonly id: number;
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
  readonly format: string;
  readonly importedAt: string;
  readonly rows: number;
  readonly warnings: string;
}

export async function insertSourceFile(engine: Engine, r: SourceFileRecord): Promise<void> {
  await engine.query('INSERT INTO source_file (id, name, size, sha256, format, imported_at, rows, warnings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
    r.id,
    r.name,
    r.size,
    r.sha256,
    r.format,
    r.importedAt,
    r.rows,
    r.warnings,
  ]);
}
