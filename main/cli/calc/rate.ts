/** `calc rate`: `phe_rate`, exact Poisson limits below 10 events, Byar's from 10 (shared/methods/rate). */
import { rate } from '../../../shared/methods/rate';
import type { MethodAdapter } from './adapter';
import { recordTable } from './output';

export const adapter: MethodAdapter = {
  options: {
    count: { type: 'string', required: true, column: true, help: 'COL: the number of events (x)' },
    population: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: the population or person-years (n); default multiplier 100000',
    },
  },
  fields: { numerator: 'count', denominator: 'population' },
  run(input) {
    const confidence = input.options.confidence();
    const records = rate({
      numerator: input.numeric('count'),
      denominator: input.numeric('population'),
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
