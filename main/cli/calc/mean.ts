/** `calc mean`: `phe_mean`, Student's t limits (shared/methods/mean). */
import { mean } from '../../../shared/methods/mean';
import { CliError } from '../cliError';
import type { MethodAdapter } from './adapter';
import { recordTable } from './output';

export const adapter: MethodAdapter = {
  options: {
    value: { type: 'string', required: true, column: true, help: 'COL: the values to average' },
  },
  fields: { values: 'value' },
  run(input) {
    if (input.options.string('multiplier') !== undefined) {
      throw new CliError(
        'mean: --multiplier does not apply to a mean; scale the values instead.',
        2,
      );
    }
    const confidence = input.options.confidence();
    const records = mean({ values: input.numeric('value'), groupBy: input.groupBy, confidence });
    return recordTable(records, input.groupNames, confidence, [
      ['count', (r) => r.count],
      ['sum', (r) => r.sum],
      ['stdev', (r) => r.stdev],
      ['statistic', (r) => r.statistic],
      ['method', (r) => r.method],
      ['note', (r) => r.note],
    ]);
  },
};
