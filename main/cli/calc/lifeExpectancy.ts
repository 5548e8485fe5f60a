/**
 * `calc life-expectancy`: life expectancy at every start age, Chiang II with Silcocks' final
 * interval (`phe_life_expectancy`, shared/methods/lifeExpectancy). One output row per group and
 * start age: the group-by columns, `start_age`, `value` and its limits, then the standard error,
 * the population and deaths used from that age on, and why a value is missing. Suppressed groups
 * (e.g. total population <= 5,000) come after the calculated ones, as in the package, and each
 * gets a warning on standard error.
 */
import type { GroupKey } from '../../../shared/methods/columns';
import type { LifeExpectancyRecord } from '../../../shared/methods/lifeExpectancy';
import {
  AGE_BANDS_85_PLUS,
  AGE_BANDS_90_PLUS,
  lifeExpectancy,
} from '../../../shared/methods/lifeExpectancy';
import { CliError } from '../cliError';
import type { MethodAdapter } from './adapter';
import { recordTable, warningLines } from './output';

export const adapter: MethodAdapter = {
  options: {
    'start-age': {
      type: 'string',
      required: true,
      column: true,
      help: "COL: start age of the band (0, 1, 5, ..., 90, or labels like '5-9')",
    },
    population: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: population of the band',
    },
    deaths: { type: 'string', required: true, column: true, help: 'COL: deaths in the band' },
    'age-bands': {
      type: 'string',
      help: '90plus (default: 0, 1, 5, ..., 90+, as the package) or 85plus (19 bands to 85+)',
    },
    'le-age': { type: 'string', help: 'N[,N...]: only these start ages (default all)' },
  },
  fields: {
    startAge: 'start-age',
    population: 'population',
    deaths: 'deaths',
    ageBands: 'age-bands',
    leAge: 'le-age',
  },
  run(input) {
    const { options } = input;
    if (options.string('multiplier') !== undefined)
      throw new CliError('life-expectancy: --multiplier does not apply.', 2);
    const bands = options.string('age-bands') ?? '90plus';
    if (bands !== '90plus' && bands !== '85plus') {
      throw new CliError(
        `life-expectancy: --age-bands must be 90plus or 85plus, got '${bands}'.`,
        2,
      );
    }
    const leAge = options.list('le-age').map((age) => {
      const v = Number(age);
      if (!Number.isFinite(v))
        throw new CliError(`life-expectancy: --le-age must be ages like 0,65, got '${age}'.`, 2);
      return v;
    });
    const confidence = options.confidence();
    const result = lifeExpectancy({
      startAge: input.text('start-age'),
      population: input.numeric('population'),
      deaths: input.numeric('deaths'),
      groupBy: input.groupBy,
      ageBands: bands === '85plus' ? AGE_BANDS_85_PLUS : AGE_BANDS_90_PLUS,
      confidence,
      leAge: leAge.length === 0 ? undefined : leAge,
    });
    // start_age identifies the row within its group, so it goes with the group-by columns.
    const rows = result.records.map((r) => ({
      ...r,
      group: { ...r.group, start_age: r.startAge } as GroupKey,
    }));
    const table = recordTable<LifeExpectancyRecord>(
      rows,
      [...input.groupNames, 'start_age'],
      confidence,
      [
        ['se', (r) => r.standardError],
        ['pops_used', (r) => r.popsUsed],
        ['deaths_used', (r) => r.deathsUsed],
        ['suppressed', (r) => r.suppressed],
        ['note', (r) => r.note],
      ],
    );
    const warnings = warningLines(result.warnings);
    return { ...table, warnings };
  },
};
