/**
 * `calc sii`: slope and relative index of inequality with simulated limits (`phe_sii`,
 * shared/methods/sii). One row per area (--group-by): `value` is the SII with its limits, then
 * the RII and its limits when --rii is given, the intercept, and the quantile count and total
 * population used. Limits use R's generator: with the same --seed as R's `set.seed()` they match
 * the package exactly.
 */
import type { SiiValueType } from '../../../shared/methods/sii';
import { CliError } from '../cliError';
import type { MethodAdapter } from './adapter';
import type { OutCell } from './csvTable';
import type { Extra } from './output';
import { limitColumns, recordTable, warningLines } from './output';
import { siiInWorkers } from './siiParallel';

const VALUE_TYPES: readonly SiiValueType[] = ['rate', 'proportion', 'other'];

export const adapter: MethodAdapter = {
  options: {
    quantile: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: quantile number (e.g. deprivation decile, 1 = most deprived)',
    },
    population: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: population of the quantile',
    },
    value: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: the indicator value of the quantile',
    },
    se: {
      type: 'string',
      column: true,
      help: 'COL: standard error of the value (or give --lower and --upper)',
    },
    lower: { type: 'string', column: true, help: 'COL: lower 95% confidence limit of the value' },
    upper: { type: 'string', column: true, help: 'COL: upper 95% confidence limit of the value' },
    'value-type': { type: 'string', required: true, help: 'rate, proportion or other' },
    transform: {
      type: 'boolean',
      help: 'regress on the log (rate) or logit (proportion) scale; needs --lower/--upper',
    },
    rii: { type: 'boolean', help: 'also write the relative index of inequality and its limits' },
    repetitions: {
      type: 'string',
      help: 'N: simulations per area (default 100000, at least 1000)',
    },
    seed: { type: 'string', help: "N: random seed, as R's set.seed (default 20240101)" },
    threads: {
      type: 'string',
      help: 'N: worker threads for the simulation (default: one per CPU for large runs; results are identical)',
    },
  },
  fields: {
    quantile: 'quantile',
    population: 'population',
    value: 'value',
    se: 'se',
    lowerCl: 'lower',
    upperCl: 'upper',
    valueType: 'value-type',
    transform: 'transform',
    repetitions: 'repetitions',
    multiplier: 'multiplier',
  },
  async run(input) {
    const { options } = input;
    const valueType = options.required('value-type', 'rate, proportion or other') as SiiValueType;
    if (!VALUE_TYPES.includes(valueType)) {
      throw new CliError(
        `sii: --value-type must be rate, proportion or other, got '${valueType}'.`,
        2,
      );
    }
    if (
      options.string('se') !== undefined &&
      (options.string('lower') ?? options.string('upper')) !== undefined
    ) {
      throw new CliError('sii: give either --se or --lower and --upper, not both.', 2);
    }
    const confidence = options.confidence();
    const threads = options.number('threads', { integer: true, min: 1 });
    const result = await siiInWorkers(
      {
        quantile: input.numeric('quantile'),
        population: input.numeric('population'),
        value: input.numeric('value'),
        se: input.optionalNumeric('se'),
        lowerCl: input.optionalNumeric('lower'),
        upperCl: input.optionalNumeric('upper'),
        valueType,
        transform: options.flag('transform'),
        multiplier: options.number('multiplier'),
        repetitions: options.number('repetitions', { integer: true, min: 1000 }),
        seed: options.number('seed', { integer: true, min: -2147483647, max: 2147483647 }),
        groupBy: input.groupBy,
        confidence,
      },
      threads,
    );
    type Row = (typeof result.records)[number];
    const rii: Extra<Row>[] = options.flag('rii')
      ? [
          ['rii', (r) => r.rii.value],
          ...limitColumns(confidence).map((name): Extra<Row> => [
            `rii_${name}`,
            (r) => (r.rii as unknown as Readonly<Record<string, OutCell>>)[name],
          ]),
        ]
      : [];
    // recordTable reads value and limits from the record; the SII estimate carries them.
    const rows = result.records.map((r) => ({ ...r.sii, ...r, value: r.sii.value }));
    const table = recordTable(rows, input.groupNames, confidence, [
      ...rii,
      ['intercept', (r) => r.intercept],
      ['quantiles', (r) => r.quantiles],
      ['population', (r) => r.population],
      ['statistic', () => 'sii'],
      ['method', () => result.method],
      ['note', (r) => r.note],
    ]);
    const warnings = warningLines(result.warnings);
    return { ...table, warnings };
  },
};
