/**
 * Turns a `MethodInputError` from a shared method into a message about the user's file: the
 * method names its own field (`numerator`), the adapter knows which option, and so which column,
 * that field came from (`--numerator Deaths`).
 */
import type { MethodInputError } from '../../../shared/methods/errors';
import { CliError } from '../cliError';
import type { MethodAdapter } from './adapter';
import type { CalcOptions } from './options';
import { COMMON_OPTIONS } from './options';

export function methodErrorToCli(
  error: MethodInputError,
  method: string,
  file: string,
  adapter: MethodAdapter,
  options: CalcOptions,
): CliError {
  const prefix =
    error.group === undefined ? `${error.field}: ` : `${error.group}, ${error.field}: `;
  const detail = error.message.startsWith(prefix)
    ? error.message.slice(prefix.length)
    : error.message;
  // Ungrouped row-by-row methods label a record `row=3`.
  const group =
    error.group === undefined
      ? ''
      : error.group.startsWith('row=')
        ? ` at ${error.group.replace('=', ' ')}`
        : ` in group ${error.group}`;
  const source =
    adapter.fields[error.field] ?? (error.field in COMMON_OPTIONS ? error.field : undefined);
  if (typeof source === 'object') {
    return new CliError(`${method}: invalid input${group}, ${source.text}: ${detail}`);
  }
  const spec =
    source === undefined ? undefined : (adapter.options[source] ?? COMMON_OPTIONS[source]);
  const value = source === undefined ? undefined : options.string(source);
  const where =
    source === undefined
      ? `field ${error.field}`
      : spec?.column === true && value !== undefined
        ? `column '${value}' (--${source})`
        : `--${source}`;
  return new CliError(`${method}: invalid input in ${file}${group}, ${where}: ${detail}`);
}
