/**
 * Options of `jsna-workbench calc <method>`: node:util `parseArgs` in strict mode, with a
 * declared spec per method on top of the common options, and typed readers whose errors name
 * the option and say what was expected.
 */
import { parseArgs } from 'node:util';
import { CliError } from '../cliError';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One line for the usage text. */
  readonly help: string;
  /** A required option is reported missing before any file is read. */
  readonly required?: boolean;
  /** The value names an input column (so method errors about it can name the column). */
  readonly column?: boolean;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** Options every method takes. */
export const COMMON_OPTIONS: OptionSpecs = {
  input: {
    type: 'string',
    required: true,
    help: 'input CSV file (header row; empty or NA cells are missing)',
  },
  output: { type: 'string', required: true, help: "output CSV file ('-' for standard output)" },
  'group-by': {
    type: 'string',
    column: true,
    help: 'COL[,COL...]: one result per combination of these columns',
  },
  multiplier: { type: 'string', help: 'N: scale the value and limits (e.g. 100 for a percentage)' },
  confidence: { type: 'string', help: "levels, default 0.95,0.998 ('none' for no limits)" },
};

/** Parsed option values with readers that turn bad values into `CliError`s. */
export class CalcOptions {
  constructor(
    private readonly method: string,
    private readonly values: Readonly<Record<string, string | boolean | undefined>>,
  ) {}

  /** A string option, or undefined when absent. */
  string(name: string): string | undefined {
    const v = this.values[name];
    return typeof v === 'string' ? v : undefined;
  }

  /** A string option that must be present. */
  required(name: string, what = 'a column name'): string {
    const v = this.string(name);
    if (v === undefined || v.trim() === '') {
      throw new CliError(`${this.method}: --${name} is required (${what}).`, 2);
    }
    return v.trim();
  }

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** A numeric option, or undefined when absent. */
  number(
    name: string,
    check?: { integer?: boolean; min?: number; max?: number },
  ): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const v = Number(text.trim());
    const bad =
      text.trim() === '' ||
      !Number.isFinite(v) ||
      (check?.integer === true && !Number.isInteger(v)) ||
      (check?.min !== undefined && v < check.min) ||
      (check?.max !== undefined && v > check.max);
    if (bad) {
      const kind = check?.integer === true ? 'an integer' : 'a number';
      const range =
        check?.min !== undefined && check.max !== undefined
          ? ` from ${String(check.min)} to ${String(check.max)}`
          : check?.min !== undefined
            ? ` >= ${String(check.min)}`
            : '';
      throw new CliError(`${this.method}: --${name} must be ${kind}${range}, got '${text}'.`, 2);
    }
    return v;
  }

  /** A comma-separated list option (`--group-by Area,Sex`), empty when absent. */
  list(name: string): string[] {
    const text = this.string(name);
    if (text === undefined) return [];
    const items = text.split(',').map((s) => s.trim());
    if (items.some((s) => s === '')) {
      throw new CliError(`${this.method}: --${name} has an empty item in '${text}'.`, 2);
    }
    return items;
  }

  /**
   * `--confidence`: undefined (the method's default, 95% and 99.8%), null for `none`, or the
   * listed levels. The methods check the range ([0.9, 1)) and name the level that is wrong.
   */
  confidence(): number[] | null | undefined {
    const text = this.string('confidence');
    if (text === undefined) return undefined;
    if (text.trim().toLowerCase() === 'none') return null;
    return this.list('confidence').map((item) => {
      const v = Number(item);
      if (!Number.isFinite(v)) {
        throw new CliError(
          `${this.method}: --confidence must be levels like 0.95,0.998, got '${text}'.`,
          2,
        );
      }
      return v;
    });
  }
}

/** Parses `args` against the common and the method's options (strict: unknown options are errors). */
export function parseCalcOptions(
  method: string,
  specs: OptionSpecs,
  args: readonly string[],
): CalcOptions {
  const all: OptionSpecs = { ...COMMON_OPTIONS, ...specs };
  let values: Record<string, string | boolean | undefined>;
  try {
    const parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(all).map(([name, spec]) => [name, { type: spec.type }]),
      ),
      strict: true,
      allowPositionals: false,
    });
    values = parsed.values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new CliError(
      `${method}: ${(error as Error).message}\nRun 'jsna-workbench calc --help' for the options.`,
      2,
    );
  }
  for (const [name, spec] of Object.entries(all)) {
    if (spec.required === true && values[name] === undefined) {
      throw new CliError(`${method}: --${name} is required (${spec.help}).`, 2);
    }
  }
  return new CalcOptions(method, values);
}

/** Usage lines for a set of options. */
export function describeOptions(specs: OptionSpecs): string {
  return Object.entries(specs)
    .map(
      ([name, spec]) => `    --${name}${spec.required === true ? '' : ' (optional)'}: ${spec.help}`,
    )
    .join('\n');
}
