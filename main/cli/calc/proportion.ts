/** `calc proportion`: `phe_proportion`, Wilson score limits (shared/methods/proportion). */
import { proportion } from '../../../shared/methods/proportion';
import type { MethodAdapter } from './adapter';
import { recordTable } from './output';

export const adapter: MethodAdapter = {
  options: {
    numerator: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: the count with the characteristic (x)',
    },
    denominator: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: the population at risk (n)',
    },
  },
  fields: { numerator: 'numerator', denominator: 'denominator' },
  run(input) {
    const confidence = input.options.confidence();
    const records = proportion({
      numerator: input.numeric('numerator'),
      denominator: input.numeric('denominator'),
      groupBy: input.groupBy,
      confidence,
      multiplier: input.options.number('multiplier'),
    });
    return recordTable(records, input.groupNames, confidence, [
      ['count', (r) => r.numerator],
      ['denominator', (r) => r.denominator],
      ['statistic', (r) => r.statistic],
      ['method', (r) => r.method],
      ['note', (r) => r.note],
    ]);
  },
};
