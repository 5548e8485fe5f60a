/**
 * The contract between `calc` and one method adapter, and the context an adapter reads its
 * columns from. An adapter is a small pure function from input columns to an output table; it
 * never touches files or the console.
 */
import type { GroupBy, NumericColumn } from '../../../shared/methods/columns';
import type { CsvTable, OutTable } from './csvTable';
import { numericColumn, textColumn } from './csvTable';
import type { CalcOptions, OptionSpecs } from './options';

export interface MethodAdapter {
  /** Method-specific options (the common ones are added by `calc`). */
  readonly options: OptionSpecs;
  /**
   * Where each field a method reports in `MethodInputError` came from, so errors can name the
   * user's column: the option that names its column (`numerator` -> `'numerator'`, for
   * `--numerator Deaths`), or a description of another source (`{ text: "column 'count' of
   * the --reference file" }`). Fields not listed are reported as they are.
   */
  readonly fields: Readonly<Record<string, string | { readonly text: string }>>;
  /** May be asynchronous (e.g. the SII on worker threads). */
  run(input: CalcInput): OutTable | Promise<OutTable>;
}

/** What an adapter gets: the parsed input file and options, with column readers. */
export class CalcInput {
  /** `--group-by` column names, in order (empty when not given). */
  readonly groupNames: readonly string[];
  /** `--group-by` key columns for the methods, or undefined when not given. */
  readonly groupBy: GroupBy | undefined;

  constructor(
    readonly table: CsvTable,
    readonly options: CalcOptions,
  ) {
    this.groupNames = options.list('group-by');
    this.groupBy =
      this.groupNames.length === 0
        ? undefined
        : Object.fromEntries(
            this.groupNames.map((name) => [name, textColumn(table, name, 'group-by')]),
          );
  }

  /** The numeric column named by a required option (`--numerator Deaths` -> the Deaths column). */
  numeric(option: string): NumericColumn {
    return numericColumn(this.table, this.options.required(option), option);
  }

  /** Like `numeric`, or undefined when the option is absent. */
  optionalNumeric(option: string): NumericColumn | undefined {
    const name = this.options.string(option);
    return name === undefined ? undefined : numericColumn(this.table, name.trim(), option);
  }

  /** The text column named by a required option. */
  text(option: string): string[] {
    return textColumn(this.table, this.options.required(option), option);
  }

  /** The column name an option gives (for messages and output headers). */
  column(option: string): string {
    return this.options.required(option);
  }
}
