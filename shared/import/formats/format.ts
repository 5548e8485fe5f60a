/**
 * What a tabular format is: a signature test over the first records (header found by content,
 * not file name) and a row handler that turns records into canonical rows.
 */
import type { CanonicalTable, StoredPolarity } from '../../model/schema';
import type { ProblemList } from '../problems';
import type { SinkRow } from '../sink';
import type { ImportOptions } from '../types';
import type { ObservationValidator } from '../validate';

/** Indicator columns a format may know (the rest stay null). */
export interface IndicatorFields {
  readonly name?: string | null;
  readonly unit?: string | null;
  readonly multiplier?: number | null;
  readonly value_type?: string | null;
  readonly polarity?: StoredPolarity | null;
  readonly definition?: string | null;
  readonly source?: string | null;
}

/** A record as parsed: fields are raw text. */
export type Fields = readonly string[];

export interface LoadContext {
  readonly file: string;
  readonly sourceFileId: number;
  readonly problems: ProblemList;
  readonly options: ImportOptions;
  /** Queue a row for a canonical table (written in Arrow batches). */
  write(table: CanonicalTable, row: SinkRow): void;
  /**
   * Validate, flag and write one observation (dropped if flagged and the options say so).
   * `percent`: the value is a percentage by the source's own unit (enables the 0-100 check).
   */
  observation(row: SinkRow, rowNumber: number, percent: boolean): void;
  readonly validator: ObservationValidator;
  /** Note that source row `rowNumber` had an unreadable number: its observations get flagged. */
  unreadable(rowNumber: number): void;
  /** Remember an area seen in the data (first name/type wins); written once at the end. */
  area(code: string, name: string | null, type: string | null, parent?: string | null): void;
  /** Remember an indicator seen in the data; added to `indicator` if not already known. */
  indicator(id: string, fields: IndicatorFields): void;
}

export interface RowHandler {
  /** One data record after the header. `rowNumber` is the 1-based data row. */
  row(fields: Fields, rowNumber: number): void;
  /**
   * True when this record ends the table (e.g. Nomis footer notes): it and every later record
   * are skipped. Checked before the field-count check.
   */
  endsTable?(fields: Fields): boolean;
  /** After the last record. */
  finish?(): void;
}

export interface TabularFormat {
  readonly id: string;
  readonly label: string;
  /**
   * The index of the header record among `sample` (the file's first records) if this format's
   * signature is there, else -1.
   */
  detect(sample: readonly Fields[]): number;
  /**
   * Field-count policy: `exact` (default) rejects rows whose field count differs from the
   * header's; `any` leaves it to the handler. `minFields` accepts rows short of the header by
   * trailing optional columns (older Fingertips exports omit the last, "Compared to goal").
   */
  readonly ragged?: 'exact' | 'any';
  minFields?(header: Fields): number;
  /** Metadata formats replace indicator rows with the same id; data formats only add new ones. */
  readonly indicatorPolicy?: 'skip-existing' | 'replace-existing';
  /** `preamble`: the records above the header (titles, notes), for formats that read them. */
  start(ctx: LoadContext, header: Fields, preamble: readonly Fields[]): RowHandler;
}

/**
 * Header key for matching: lower case with everything but letters and digits removed, so
 * that Fingertips' `Lower CI 95.0 limit`, janitor's `lower_ci_95_0_limit` and fingertipsR's
 * `LowerCI95.0limit` are the same column.
 */
export function norm(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Index of each wanted header (by normalised alias) in `header`; -1 when absent. */
export function locate<K extends string>(
  header: Fields,
  aliases: Readonly<Record<K, readonly string[]>>,
): Record<K, number> {
  const normalised = header.map(norm);
  const out = {} as Record<K, number>;
  for (const key of Object.keys(aliases) as K[]) {
    const wanted = aliases[key].map(norm);
    out[key] = normalised.findIndex((h) => wanted.includes(h));
  }
  return out;
}

/** The first record in `sample` (within `scan` records) for which `test` holds, or -1. */
export function findHeader(sample: readonly Fields[], test: (normalised: string[]) => boolean, scan = 12): number {
  for (let i = 0; i < Math.min(sample.length, scan); i++) {
    if (test(sample[i]!.map(norm))) return i;
  }
  return -1;
}
