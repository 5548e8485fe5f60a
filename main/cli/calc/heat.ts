/**
 * `calc heat`: the WHO HEAT summary measures of inequality across the subgroups of one dimension
 * (shared/methods/heat), one set per --group-by group (e.g. per indicator and period). One output
 * row per group and measure: the group-by columns, `measure`, `value` and its limits, then the
 * measure's name, standard error, how the interval was found, and why a value is missing.
 *
 * --multiplier is the indicator's scale (100 for a percentage, 1000 for a rate per 1,000), which
 * HEAT needs for SII/RII and the PAF/PAR intervals. Intervals for the measures without an analytic
 * standard error (BGSD, COV, MD*, IDIS*) need simulation, which the command line does not run.
 */
import type { GroupKey } from '../../../shared/methods/columns';
import { groupRows } from '../../../shared/methods/columns';
import type { HeatMeasureResult } from '../../../shared/methods/heat';
import { heatMeasures } from '../../../shared/methods/heat';
import { resolveLevels } from '../../../shared/methods/levels';
import { CliError } from '../cliError';
import type { CalcInput, MethodAdapter } from './adapter';
import { recordTable } from './output';

interface HeatRow {
  readonly group: GroupKey;
  readonly value: number | null;
  readonly result: HeatMeasureResult;
  readonly [limit: `lower${string}` | `upper${string}`]: number | null;
}

/** Per-group columns as plain arrays (HEAT takes one subgroup set at a time). */
function pick<T>(column: ArrayLike<T>, rows: readonly number[]): T[] {
  return rows.map((i) => column[i]!);
}

/** The ordering of an ordered dimension: --order, else numeric subgroup labels. */
function orderColumn(
  input: CalcInput,
  subgroups: readonly string[],
): ArrayLike<number | null> | undefined {
  if (!input.options.flag('ordered')) return undefined;
  if (input.options.string('order') !== undefined) return input.numeric('order');
  return subgroups.map((label, i) => {
    const v = Number(label);
    if (label === '' || !Number.isFinite(v)) {
      throw new CliError(
        `heat: --ordered needs --order COL (1 = most disadvantaged), or subgroup labels that are numbers; row ${String(i + 1)} has '${label}'.`,
        2,
      );
    }
    return v;
  });
}

export const adapter: MethodAdapter = {
  options: {
    subgroup: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: subgroup name (e.g. IMD quintile, sex)',
    },
    value: { type: 'string', required: true, column: true, help: "COL: the subgroup's estimate" },
    population: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: population of the subgroup',
    },
    se: {
      type: 'string',
      required: true,
      column: true,
      help: 'COL: standard error of the estimate',
    },
    ordered: {
      type: 'boolean',
      help: 'an ordered dimension (deprivation, education); needs --order or numeric subgroups',
    },
    order: {
      type: 'string',
      column: true,
      help: 'COL: rank of each subgroup, lowest = most disadvantaged',
    },
    favourable: { type: 'boolean', help: 'higher values are better (e.g. screening coverage)' },
    'reference-subgroup': {
      type: 'string',
      help: 'NAME: the reference subgroup (non-ordered dimensions)',
    },
  },
  fields: {
    subgroups: 'subgroup',
    estimates: 'value',
    populations: 'population',
    se: 'se',
    order: 'order',
    referenceSubgroup: 'reference-subgroup',
    scale: 'multiplier',
    level: 'confidence',
  },
  run(input) {
    const { options } = input;
    const confidence = options.confidence();
    const levels = resolveLevels(confidence);
    const subgroupColumn = input.text('subgroup');
    const estimates = input.numeric('value');
    const populations = input.numeric('population');
    const se = input.numeric('se');
    const order = orderColumn(input, subgroupColumn);
    const valueColumn = input.column('value');
    const groups = groupRows(input.groupBy, subgroupColumn.length);
    const members: number[][] = Array.from({ length: groups.count }, () => []);
    groups.index.forEach((g, i) => members[g]!.push(i));

    const out: HeatRow[] = [];
    members.forEach((rows, g) => {
      const estimate = pick(estimates, rows).map((v, k) => {
        if (v === null) {
          throw new CliError(
            `${input.table.file}: row ${String(rows[k]! + 1)}, column '${valueColumn}': the estimate is missing.`,
          );
        }
        return v;
      });
      const common = {
        subgroups: pick(subgroupColumn, rows),
        estimates: estimate,
        populations: pick(populations, rows),
        se: pick(se, rows),
        order: order === undefined ? undefined : pick(order, rows).map((v) => v ?? Number.NaN),
        ordered: options.flag('ordered'),
        favourable: options.flag('favourable'),
        referenceSubgroup: options.string('reference-subgroup'),
        scale: options.number('multiplier'),
        group: groups.labels[g],
      };
      // One call per level: the estimates are the same, the limits differ.
      const byLevel = (levels.length === 0 ? [0.95] : levels.map((l) => l.confidence)).map(
        (level) => heatMeasures({ ...common, level }),
      );
      byLevel[0]!.forEach((result, m) => {
        const row: Record<string, unknown> = {
          group: { ...groups.keys[g], measure: result.measure },
          value: result.estimate,
          result,
        };
        levels.forEach((level, k) => {
          row[`lower${level.suffix}`] = byLevel[k]![m]!.lower;
          row[`upper${level.suffix}`] = byLevel[k]![m]!.upper;
        });
        out.push(row as unknown as HeatRow);
      });
    });
    return recordTable(out, [...input.groupNames, 'measure'], confidence, [
      ['name', (r) => r.result.name],
      ['se', (r) => r.result.se],
      ['ci_method', (r) => r.result.ciMethod],
      ['ci_note', (r) => r.result.ciNote],
      ['mean', (r) => r.result.mean?.value],
      ['note', (r) => r.result.reason],
    ]);
  },
};
