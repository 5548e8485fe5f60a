/**
 * The LoadContext formats write through: canonical-table sinks, observation validation and
 * flagging, and the areas and indicators seen in the data (written once, at the end, adding
 * only codes the workspace does not already have).
 */
import type { Engine } from '../engine/engine';
import type { CanonicalTable } from '../model/schema';
import { looksLikeFormula } from './cells';
import { detach } from './detach';
import type { IndicatorFields, LoadContext } from './formats/format';
import type { ProblemList } from './problems';
import { ROW_VALUES } from './rowValues';
import { TABLE_COLUMNS, TableSink, type SinkRow } from './sink';
import type { ImportOptions, ProblemCode } from './types';
import { ObservationValidator } from './validate';

const OBSERVATION_FLAGS = TABLE_COLUMNS.observation.findIndex(([name]) => name === 'flags');
const OBSERVATION_SOURCE_ROW = TABLE_COLUMNS.observation.findIndex(([name]) => name === 'source_row');

export class Loader implements LoadContext {
  readonly validator: ObservationValidator;
  private readonly sinks = new Map<CanonicalTable, TableSink>();
  private readonly areas = new Map<string, SinkRow>();
  private readonly indicators = new Map<string, SinkRow>();
  rowsDropped = 0;

  constructor(
    private readonly engine: Engine,
    readonly file: string,
    readonly sourceFileId: number,
    readonly problems: ProblemList,
    readonly options: ImportOptions,
    private readonly indicatorPolicy: 'skip-existing' | 'replace-existing' = 'skip-existing',
  ) {
    this.validator = new ObservationValidator(problems, options.knownAreaCodes);
  }

  private sink(table: CanonicalTable): TableSink {
    let sink = this.sinks.get(table);
    if (sink === undefined) {
      sink = new TableSink(this.engine, table, `_import_stage_${table}`);
      this.sinks.set(table, sink);
    }
    return sink;
  }

  write(table: CanonicalTable, row: SinkRow): void {
    this.sink(table).push(ROW_VALUES[table](row, this.sourceFileId));
  }

  /** The last source row with an unreadable number (rows are read in order). */
  private unreadableRow = -1;

  unreadable(rowNumber: number): void {
    this.unreadableRow = rowNumber;
  }

  observation(row: SinkRow, rowNumber: number, percent: boolean): void {
    const values = ROW_VALUES.observation(row, this.sourceFileId);
    const flags: ProblemCode[] = this.validator.check(values, rowNumber, percent);
    // A numeric cell of this source row held text that is neither a number nor a suppression
    // marker (reported with its row and column when read): flag the row, so that "drop
    // flagged rows" drops it rather than keeping a row with a silently missing number.
    if (rowNumber === this.unreadableRow) flags.push('unreadable-number');
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (typeof value === 'string' && looksLikeFormula(value)) {
        flags.push('formula-like-text');
        this.problems.add(
          'formula-like-text',
          'warning',
          `"${value.slice(0, 60)}" would run as a formula in a spreadsheet.`,
          'It is stored as plain text and neutralised in exports; check where the file came from.',
          { row: rowNumber, column: TABLE_COLUMNS.observation[c]![0] },
        );
        break;
      }
    }
    if (flags.length > 0 && this.options.flaggedRows === 'drop') {
      this.rowsDropped++;
      return;
    }
    values[OBSERVATION_FLAGS] = flags.length === 0 ? null : flags.length === 1 ? flags[0]! : [...new Set(flags)].join(';');
    values[OBSERVATION_SOURCE_ROW] = rowNumber;
    this.sink('observation').push(values);
  }

  area(code: string, name: string | null, type: string | null, parent: string | null = null): void {
    if (code === '' || this.areas.has(code)) return;
    this.areas.set(code, { code: detach(code), name: detach(name), type: detach(type), parent_code: detach(parent), vintage: null, source: `source_file:${String(this.sourceFileId)}` });
  }

  indicator(id: string, fields: IndicatorFields): void {
    const seen = this.indicators.get(id);
    if (seen !== undefined && this.indicatorPolicy === 'skip-existing') return;
    const kept: Record<string, string | number | null> = { id: detach(id), source: detach(fields.source ?? `source_file:${String(this.sourceFileId)}`) };
    for (const [key, value] of Object.entries(fields)) {
      if (key !== 'source') kept[key] = typeof value === 'string' ? detach(value) : (value ?? null);
    }
    this.indicators.set(kept.id as string, kept);
  }

  /** True when any sink has a full batch waiting. */
  get batchReady(): boolean {
    for (const sink of this.sinks.values()) if (sink.full) return true;
    return false;
  }

  async flushFull(): Promise<void> {
    for (const sink of this.sinks.values()) if (sink.full) await sink.flush();
  }

  /** Flush everything, then the areas and indicators. Returns rows written per table. */
  async finish(): Promise<Partial<Record<CanonicalTable, number>>> {
    for (const sink of this.sinks.values()) await sink.flush();
    const written: Partial<Record<CanonicalTable, number>> = {};
    for (const [table, sink] of this.sinks) written[table] = sink.written;
    if (this.areas.size > 0) {
      const areaSink = new TableSink(this.engine, 'area', '_import_stage_area', Number.MAX_SAFE_INTEGER, { column: 'code', mode: 'skip-existing' });
      for (const row of this.areas.values()) areaSink.push(ROW_VALUES.area(row, this.sourceFileId));
      await areaSink.flush();
    }
    if (this.indicators.size > 0) {
      const indicatorSink = new TableSink(this.engine, 'indicator', '_import_stage_indicator', Number.MAX_SAFE_INTEGER, { column: 'id', mode: this.indicatorPolicy });
      for (const row of this.indicators.values()) indicatorSink.push(ROW_VALUES.indicator(row, this.sourceFileId));
      await indicatorSink.flush();
      if (this.indicatorPolicy === 'replace-existing') written.indicator = this.indicators.size;
    }
    return written;
  }
}
