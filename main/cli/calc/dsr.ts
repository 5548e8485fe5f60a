/**
 * `calc dsr`: directly standardised rates with Dobson limits (`calculate_dsr`,
 * shared/methods/dsr). The standard population is ESP2013 by default, or a column of weights
 * (one per row, constant within each age band, as the package's `stdpop` column), joined to the
 * data by age-band label.
 */
import type { KeyColumn, NumericColumn } from '../../../shared/methods/columns';
import { dsr } from '../../../shared/methods/dsr';
import type { StandardPopulation } from '../../../shared/methods/esp2013';
import { ESP2013, normaliseAgeBand, standardPopulation } from '../../../shared/methods/esp2013';
import { CliError } from '../cliError';
import type { CalcInput, MethodAdapter } from './adapter';
import { recordTable } from './output';

/** A standard population from a weight column: one weight per band, the same on every row. */
export function standardFromColumn(
  input: CalcInput,
  bands: KeyColumn,
  weights: NumericColumn,
): StandardPopulation {
  const column = input.column('standard-population');
  const byBand = new Map<string, { label: string; weight: number; row: number }>();
  for (let i = 0; i < bands.length; i++) {
    const label = String(bands[i]);
    const weight = weights[i];
    if (weight === null || weight === undefined) {
      throw new CliError(
        `${input.table.file}: row ${String(i + 1)}, column '${column}': the standard population weight is missing.`,
      );
    }
    const key = normaliseAgeBand(label);
    const seen = byBand.get(key);
    if (seen === undefined) byBand.set(key, { label, weight, row: i + 1 });
    else if (seen.weight !== weight) {
      throw new CliError(
        `${input.table.file}: row ${String(i + 1)}, column '${column}': age band '${label}' has weight ${String(weight)} but row ${String(seen.row)} gave ${String(seen.weight)}; the standard population column must give each age band one weight (run groups with different standards separately).`,
      );
    }
  }
  const entries = [...byBand.values()];
  return standardPopulation(
    `column ${column}`,
    entries.map((e) => e.label),
    entries.map((e) => e.weight),
  );
}

export const adapter: MethodAdapter = {
  options: {
    count: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: events in the age band (missing counts as 0)',
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
      help: "COL: age-band label ('0-4', '00-04', '90+', ...)",
    },
    'standard-population': {
      type: 'string',
      column: true,
      help: "esp2013 (default) or COL: standard population weight of each row's age band",
    },
    'event-frequency': {
      type: 'string',
      column: true,
      help: 'COL: non-independent events; each row counts the people with this many events',
    },
  },
  fields: {
    count: 'count',
    population: 'population',
    ageBand: 'age-band',
    eventFrequency: 'event-frequency',
    standardPopulation: 'standard-population',
  },
  run(input) {
    const confidence = input.options.confidence();
    const ageBand = input.text('age-band');
    const standardOption = input.options.string('standard-population')?.trim();
    const standard =
      standardOption === undefined || standardOption.toLowerCase() === 'esp2013'
        ? ESP2013
        : standardFromColumn(input, ageBand, input.numeric('standard-population'));
    const records = dsr({
      count: input.numeric('count'),
      population: input.numeric('population'),
      ageBand,
      standard,
      groupBy: input.groupBy,
      confidence,
      multiplier: input.options.number('multiplier'),
      eventFrequency: input.optionalNumeric('event-frequency'),
    });
    return recordTable(records, input.groupNames, confidence, [
      ['count', (r) => r.count],
      ['denominator', (r) => r.population],
      ['statistic', (r) => r.statistic],
      ['method', (r) => r.method],
      ['note', (r) => r.note],
    ]);
  },
};
