/**
 * `calc isr` and `calc isratio`: indirectly standardised rates and ratios
 * (`calculate_ISRate`, `calculate_ISRatio`; shared/methods/isr). The reference (e.g. England)
 * counts and populations by age band come from a second CSV with columns
 * `age_band,count,population`, joined to the data by age-band label.
 */
import type { IsrOptions, IsrReference } from '../../../shared/methods/isr';
import { isRate, isRatio } from '../../../shared/methods/isr';
import type { CalcInput, MethodAdapter } from './adapter';
import { numericColumn, readCsv, textColumn } from './csvTable';
import type { OptionSpecs } from './options';
import { recordTable } from './output';

const OPTIONS: OptionSpecs = {
  count: {
    type: 'string',
    required: true,
    column: true,
    help: 'COL: observed events in the age band',
  },
  population: {
    type: 'string',
    required: true,
    column: true,
    help: 'COL: population of the age band',
  },
  'age-band': {
    type: 'string',
    required: true,
    column: true,
    help: 'COL: age-band label, joined to the reference',
  },
  reference: {
    type: 'string',
    required: true,
    help: 'FILE: reference CSV with columns age_band,count,population',
  },
};

function readReference(input: CalcInput): IsrReference {
  const table = readCsv(input.options.required('reference', 'the reference CSV file'));
  return {
    ageBand: textColumn(table, 'age_band', 'reference'),
    count: numericColumn(table, 'count', 'reference'),
    population: numericColumn(table, 'population', 'reference'),
  };
}

function common(input: CalcInput): IsrOptions {
  return {
    count: input.numeric('count'),
    population: input.numeric('population'),
    ageBand: input.text('age-band'),
    reference: readReference(input),
    groupBy: input.groupBy,
    confidence: input.options.confidence(),
  };
}

const reference = (column: string) => ({ text: `column '${column}' of the --reference file` });
const FIELDS: MethodAdapter['fields'] = {
  count: 'count',
  population: 'population',
  ageBand: 'age-band',
  'reference.ageBand': reference('age_band'),
  'reference.count': reference('count'),
  'reference.population': reference('population'),
  refValue: 'multiplier',
};

/** `calc isr`: O/E × the reference rate, per --multiplier (default 100,000). */
export const rateAdapter: MethodAdapter = {
  options: OPTIONS,
  fields: FIELDS,
  run(input) {
    const options = common(input);
    const records = isRate({ ...options, multiplier: input.options.number('multiplier') });
    return recordTable(records, input.groupNames, options.confidence, [
      ['count', (r) => r.observed],
      ['expected', (r) => r.expected],
      ['reference_rate', (r) => r.refRate],
      ['statistic', (r) => r.statistic],
      ['method', (r) => r.method],
    ]);
  },
};

/** `calc isratio`: O/E × --multiplier (the package's `refvalue`, default 1; 100 for an SMR). */
export const ratioAdapter: MethodAdapter = {
  options: OPTIONS,
  fields: FIELDS,
  run(input) {
    const options = common(input);
    const records = isRatio({ ...options, refValue: input.options.number('multiplier') });
    return recordTable(records, input.groupNames, options.confidence, [
      ['count', (r) => r.observed],
      ['expected', (r) => r.expected],
      ['statistic', (r) => r.statistic],
      ['method', (r) => r.method],
    ]);
  },
};
