/**
 * The one helper for putting names into SQL. Values are never pasted into SQL text: bind them
 * as parameters (`?`) through `Engine.query`. Identifiers (table and column names, which
 * cannot be parameters) go through `ident`, which double-quotes and escapes them.
 */

/** Quote an identifier: `ident('Area Code')` -> `"Area Code"`; embedded quotes are doubled. */
export function ident(name: string): string {
  if (name.length === 0) throw new Error('An SQL identifier cannot be empty.');
  if (name.includes('\u0000')) throw new Error('An SQL identifier cannot contain a NUL character.');
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote a possibly schema-qualified name given as parts: `qualified('main', 't')` -> `"main"."t"`. */
export function qualified(...parts: string[]): string {
  return parts.map(ident).join('.');
}

/**
 * Quote a string literal, for the few places DuckDB does not accept a bound parameter (e.g. a
 * file name inside `COPY ... TO '...'` or a `CREATE TYPE ... AS ENUM (...)`).
 */
export function literal(value: string): string {
  if (value.includes('\u0000')) throw new Error('An SQL string cannot contain a NUL character.');
  return `'${value.replaceAll("'", "''")}'`;
}
