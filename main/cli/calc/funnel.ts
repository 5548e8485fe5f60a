/**
 * `calc funnel-limits` and `calc funnel-significance`: funnel plots as PHEindicatormethods 2.1.0
 * `calculate_funnel_limits`, `assign_funnel_significance` and `calculate_funnel_points`
 * (shared/methods/funnel, funnelSignificance), with the package's arguments as options:
 * --statistic proportion|ratio|rate, --ratio-type count|isr, --rate-type dsr|crude,
 * --years-of-data N, --multiplier N.
 *
 * Limits are always 2σ (95%) and 3σ (99.8%): `lower95,upper95,lower998,upper998`. One funnel per
 * file, as in the package (no --group-by). funnel-limits writes the 100 plotting points;
 * funnel-significance writes every input column, then `significance` (and for rates with
 * --years-of-data the plotting position, `rate_chart` and `denominator_derived`).
 */
import type { FunnelInput, FunnelPoint } from '../../../shared/methods/funnel';
import { funnelLimits } from '../../../shared/methods/funnel';
import type { SignificanceInput } from '../../../shared/methods/funnelSignificance';
import { funnelPoints, funnelSignificance } from '../../../shared/methods/funnelSignificance';
import { CliError } from '../cliError';
import type { CalcInput, MethodAdapter } from './adapter';
import type { OutCell } from './csvTable';
import type { OptionSpecs } from './options';
import { withRowColumns } from './rowOutput';

const OPTIONS: OptionSpecs = {
  statistic: { type: 'string', required: true, help: 'proportion, ratio or rate' },
  numerator: {
    type: 'string',
    required: true,
    column: true,
    help: 'COL: events (observed events for a ratio)',
  },
  denominator: {
    type: 'string',
    column: true,
    help: 'COL: population (proportion), expected events (ratio); for crude rates, the population of 0-event records',
  },
  rate: { type: 'string', column: true, help: 'COL: the rate (statistic rate)' },
  'ratio-type': { type: 'string', help: 'count (O/E - 1) or isr (O/E x 100), statistic ratio' },
  'rate-type': { type: 'string', help: 'dsr or crude, statistic rate' },
  'years-of-data': { type: 'string', help: 'N: years the rates cover (statistic rate)' },
};

const FIELDS: MethodAdapter['fields'] = {
  numerator: 'numerator',
  denominator: 'denominator',
  rate: 'rate',
  multiplier: 'multiplier',
  yearsOfData: 'years-of-data',
};

function choice<T extends string>(input: CalcInput, option: string, allowed: readonly T[]): T {
  const v = input.options.required(option, allowed.join(', ')) as T;
  if (!allowed.includes(v))
    throw new CliError(`--${option} must be ${allowed.join(' or ')}, got '${v}'.`, 2);
  return v;
}

function checkCommon(input: CalcInput, method: string): void {
  if (input.groupNames.length > 0)
    throw new CliError(
      `${method}: one funnel per file, as in the package; --group-by does not apply.`,
      2,
    );
  if (input.options.string('confidence') !== undefined) {
    throw new CliError(
      `${method}: funnel limits are always 2 and 3 standard deviations (95% and 99.8%); --confidence does not apply.`,
      2,
    );
  }
}

/** The rate records shared by both commands (the package's rate arguments). */
function rateRecords(input: CalcInput) {
  const multiplier = input.options.number('multiplier');
  if (multiplier === undefined)
    throw new CliError('funnel: statistic rate needs --multiplier (e.g. 100000).', 2);
  return {
    statistic: 'rate' as const,
    numerator: input.numeric('numerator'),
    rate: input.numeric('rate'),
    denominator: input.optionalNumeric('denominator'),
    rateType: choice(input, 'rate-type', ['dsr', 'crude'] as const),
    multiplier,
  };
}

/** `calculate_funnel_limits` input from the package's arguments. */
function limitsInput(input: CalcInput): FunnelInput {
  const statistic = choice(input, 'statistic', ['proportion', 'ratio', 'rate'] as const);
  if (statistic === 'proportion') {
    return {
      statistic,
      numerator: input.numeric('numerator'),
      denominator: input.numeric('denominator'),
      multiplier: input.options.number('multiplier'),
    };
  }
  if (statistic === 'ratio') {
    const ratioType = choice(input, 'ratio-type', ['count', 'isr'] as const);
    return {
      statistic,
      numerator: input.numeric('numerator'),
      denominator: input.numeric('denominator'),
      ratioType,
    };
  }
  const records = rateRecords(input);
  const yearsOfData = input.options.number('years-of-data');
  if (yearsOfData === undefined)
    throw new CliError('funnel-limits: statistic rate needs --years-of-data.', 2);
  return { ...records, yearsOfData };
}

export const limitsAdapter: MethodAdapter = {
  options: OPTIONS,
  fields: FIELDS,
  run(input) {
    checkCommon(input, 'funnel-limits');
    const limits = funnelLimits(limitsInput(input));
    const denominators = limits.points.some((p) => p.lower95Denominator !== undefined);
    const extra: [string, (p: FunnelPoint) => OutCell][] = denominators
      ? (['lower95', 'upper95', 'lower998', 'upper998'] as const).map((s) => [
          `${s}_denominator`,
          (p) => p[`${s}Denominator`],
        ])
      : [];
    return {
      header: [
        'x',
        'lower95',
        'upper95',
        'lower998',
        'upper998',
        ...extra.map(([name]) => name),
        'axis',
        'baseline',
        'statistic',
        'method',
      ],
      rows: limits.points.map((p) => [
        p.x,
        p.lower95,
        p.upper95,
        p.lower998,
        p.upper998,
        ...extra.map(([, read]) => read(p)),
        limits.axis,
        limits.baseline,
        limits.statistic,
        limits.method,
      ]),
    };
  },
};

export const significanceAdapter: MethodAdapter = {
  options: OPTIONS,
  fields: FIELDS,
  run(input) {
    checkCommon(input, 'funnel-significance');
    const statistic = choice(input, 'statistic', ['proportion', 'ratio', 'rate'] as const);
    if (statistic !== 'rate') {
      const spec: SignificanceInput = {
        statistic,
        numerator: input.numeric('numerator'),
        denominator: input.numeric('denominator'),
      };
      return withRowColumns(input.table, { significance: funnelSignificance(spec) });
    }
    const records = rateRecords(input);
    const significance = funnelSignificance(records);
    const yearsOfData = input.options.number('years-of-data');
    if (yearsOfData === undefined) return withRowColumns(input.table, { significance });
    // With --years-of-data, also each record's plotting position (calculate_funnel_points).
    const points = funnelPoints({ ...records, yearsOfData });
    return withRowColumns(input.table, {
      significance,
      rate_chart: points.rateChart,
      denominator_derived: points.denominatorDerived,
    });
  },
};
