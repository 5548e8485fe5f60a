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
  const option =
    adapter.fields[error.field] ?? (error.field in COMMON_OPTIONS ? error.field : undefined);
  const spec =
    option === undefined ? undefined : (adapter.options[option] ?? COMMON_OPTIONS[option]);
  const value = option === undefined ? undefined : options.string(option);
  const where =
    option === undefined
      ? `field ${error.field}`
      : spec?.column === true && value !== undefined
        ? `column '${value}' (--${option})`
        : `--${option}`;
  // Ungrouped row-by-row methods label a record `row=3`.
  const group =
    error.group === undefined
      ? ''
      : error.group.startsWith('row=')
        ? ` at ${error.group.replace('=', ' ')}`
        : ` in group ${error.group}`;
  return new CliError(`${method}: invalid input in ${file}${group}, ${where}: ${detail}`);
}
