/**
 * `jsna-workbench calc <method> --input F --output F ...`: reads a CSV, runs one shared method
 * through its adapter (main/cli/calc/<method>.ts) and writes the results as CSV.
 *
 * Output columns: the --group-by columns, `value`, the limits named by level
 * (`lower95,upper95,lower998,upper998`), then the method's own columns. Numbers are written at
 * full precision (shortest round trip); missing values as empty cells.
 */
import { MethodInputError } from '../../../shared/methods/errors';
import { CliError } from '../cliError';
import { CalcInput } from '../calc/adapter';
import type { OutTable } from '../calc/csvTable';
import { readCsv, writeCsv } from '../calc/csvTable';
import { methodErrorToCli } from '../calc/methodError';
import { COMMON_OPTIONS, describeOptions, parseCalcOptions } from '../calc/options';
import { METHODS, findMethod } from '../calc/registry';

export const usage = `Usage: jsna-workbench calc <method> --input FILE --output FILE [options]

Methods:
${METHODS.map((m) => `  ${m.name}${m.load === undefined ? ' (not available in this build)' : ''}\n      ${m.summary}\n      ${m.synopsis}`).join('\n')}

Options for every method:
${describeOptions(COMMON_OPTIONS)}

Output: the group-by columns, value, then lower95,upper95,lower998,upper998 (one pair per
--confidence level), then the method's columns; numbers at full precision, missing values empty.
Without --group-by, proportion and rate give one result per input row, in file order (as
PHEindicatormethods does); quantile and funnel-significance add columns to every input row.
Rows are numbered from 1 after the header. Exit status: 0 done, 1 bad input, 2 bad options.`;

const METHOD_LIST = METHODS.map((m) => m.name).join(', ');

export async function run(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name.startsWith('-')) {
    throw new CliError(
      `name a method first, one of: ${METHOD_LIST}.\nRun 'jsna-workbench calc --help' for the options.`,
      2,
    );
  }
  const entry = findMethod(name);
  if (entry === undefined)
    throw new CliError(`unknown method '${name}'; methods: ${METHOD_LIST}.`, 2);
  if (entry.load === undefined) {
    throw new CliError(
      `${name}: the ${name} method is not available in this build (its shared method has not landed yet).`,
    );
  }
  const adapter = await entry.load();
  const options = parseCalcOptions(name, adapter.options, rest);
  const input = new CalcInput(readCsv(options.required('input', 'the input CSV file')), options);
  let result: OutTable;
  try {
    result = await adapter.run(input);
  } catch (error) {
    if (error instanceof MethodInputError)
      throw methodErrorToCli(error, name, input.table.file, adapter, options);
    throw error;
  }
  const output = options.required('output', 'the output CSV file');
  writeCsv(output, result);
  for (const warning of result.warnings ?? [])
    console.error(`jsna-workbench calc ${name}: warning: ${warning}`);
  if (output !== '-')
    console.error(
      `jsna-workbench calc ${name}: wrote ${String(result.rows.length)} rows to ${output}`,
    );
  return 0;
}
