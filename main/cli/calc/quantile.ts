/**
 * `calc quantile`: assigns each row to one of N quantiles within its group (`phe_quantile`,
 * shared/methods/quantile). Output: every input column, then `quantile` (empty where the value
 * is missing).
 */
import { quantile } from '../../../shared/methods/quantile';
import { CliError } from '../cliError';
import type { MethodAdapter } from './adapter';
import { warningLines } from './output';
import { parseFlag, withRowColumns } from './rowOutput';

export const adapter: MethodAdapter = {
  options: {
    value: { type: 'string', required: true, column: true, help: 'COL: the values to rank' },
    quantiles: {
      type: 'string',
      required: true,
      help: 'N: number of quantiles (10 for deciles, 5 for quintiles)',
    },
    invert: { type: 'boolean', help: 'the highest values go in quantile 1 (default: the lowest)' },
    'invert-column': {
      type: 'string',
      column: true,
      help: "COL: TRUE/FALSE per row, constant within a group (the package's inverttype = 'field', e.g. polarity)",
    },
    'too-few': {
      type: 'string',
      help: "what a group with fewer values than quantiles gets: 'error' (default) or 'missing' (empty quantiles and a warning, as the package)",
    },
  },
  fields: { values: 'value', nQuantiles: 'quantiles', invert: 'invert-column' },
  run(input) {
    const { options } = input;
    for (const common of ['multiplier', 'confidence']) {
      if (options.string(common) !== undefined)
        throw new CliError(`quantile: --${common} does not apply to quantiles.`, 2);
    }
    const nQuantiles = options.number('quantiles', { integer: true, min: 2 })!;
    let invert: boolean | boolean[] = options.flag('invert');
    if (options.string('invert-column') !== undefined) {
      if (options.flag('invert'))
        throw new CliError('quantile: give --invert or --invert-column, not both.', 2);
      const column = input.column('invert-column');
      invert = input.text('invert-column').map((cell, i) => {
        const flag = parseFlag(cell);
        if (flag === undefined) {
          throw new CliError(
            `${input.table.file}: row ${String(i + 1)}, column '${column}': '${cell}' is not TRUE or FALSE.`,
          );
        }
        return flag;
      });
    }
    const tooFew = options.string('too-few') ?? 'error';
    if (tooFew !== 'error' && tooFew !== 'missing') {
      throw new CliError(`quantile: --too-few must be error or missing, got '${tooFew}'.`, 2);
    }
    const result = quantile({
      values: input.numeric('value'),
      groupBy: input.groupBy,
      nQuantiles,
      invert,
      tooFewValues: tooFew,
    });
    const table = withRowColumns(input.table, { quantile: result.quantile });
    const warnings = warningLines(result.warnings);
    return { ...table, warnings };
  },
};
