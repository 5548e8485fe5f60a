/**
 * From a place comparison to the inputs of the view figures (shared/figures/analysis): which
 * rows of the comparison each figure draws. Pure, so the app, the `analyse` command and the
 * exports draw the same figure from the same result.
 */
import type { CompareAreasInput } from '../../figures/analysis/compareAreas';
import type { FunnelPlotInput } from '../../figures/analysis/funnelPlot';
import type { SpineRow } from '../../figures/analysis/spineChart';
import { spineRange } from '../../figures/analysis/spineChart';
import type { TrendChartInput, TrendSeries } from '../../figures/analysis/trendChart';
import { funnelLimits, type FunnelInput } from '../../methods/funnel';
import { funnelSignificance, type SignificanceInput } from '../../methods/funnelSignificance';
import type { ComparisonRow, IndicatorInfo, PlaceComparison } from '../comparePlaces/types';
import { comparePeriods, sameSeries, sliceWords, type SeriesKey } from './slices';

export const ENGLAND_CODE = 'E92000001';

/** Rows of one series and period against one comparator, one per area (first wins). */
export function rowsFor(
  result: PlaceComparison,
  key: SeriesKey,
  period: string,
  comparatorCode: string,
): ComparisonRow[] {
  const seen = new Set<string>();
  return result.comparisons.filter((r) => {
    if (r.period !== period || r.comparatorCode !== comparatorCode || !sameSeries(r, key))
      return false;
    if (seen.has(r.areaCode)) return false;
    seen.add(r.areaCode);
    return true;
  });
}

/** The benchmark codes a focus row was compared with, England first. */
export function comparatorsOf(result: PlaceComparison, key: SeriesKey, period: string) {
  const focus = result.context.focus.code;
  const found = new Map<string, { code: string; name: string; value: number | null }>();
  for (const r of result.comparisons) {
    if (r.areaCode !== focus || r.period !== period || !sameSeries(r, key)) continue;
    if (!found.has(r.comparatorCode))
      found.set(r.comparatorCode, {
        code: r.comparatorCode,
        name: r.comparatorName,
        value: r.comparatorValue,
      });
  }
  return [...found.values()].sort(
    (a, b) => Number(b.code === ENGLAND_CODE) - Number(a.code === ENGLAND_CODE),
  );
}

export function decimalsFor(indicator: IndicatorInfo): number {
  return indicator.valueType?.toLowerCase().includes('count') === true ? 0 : 1;
}

export function unitFor(indicator: IndicatorInfo): string {
  if (indicator.unit !== null && indicator.unit !== '') return indicator.unit;
  if (indicator.valueType?.toLowerCase().includes('proportion') === true) return '%';
  return 'value';
}

export function compareAreasInput(
  result: PlaceComparison,
  indicator: IndicatorInfo,
  key: SeriesKey,
  period: string,
  source: string,
): CompareAreasInput | null {
  const comparators = comparatorsOf(result, key, period);
  const benchmark = comparators[0];
  if (benchmark === undefined) return null;
  const rows = rowsFor(result, key, period, benchmark.code);
  return {
    id: `compare-${indicator.id}`,
    indicator: indicator.name,
    unit: unitFor(indicator),
    slice: `${period}, ${sliceWords(key)}`,
    source,
    focusCode: result.context.focus.code,
    benchmarkName: benchmark.name,
    peerGroupName: result.peerGroupName,
    areas: rows.map((r) => ({
      code: r.areaCode,
      name: r.areaName,
      value: r.value,
      lower95: r.lower95,
      upper95: r.upper95,
      comparison: r.comparison,
    })),
    lines: comparators.map((c) => ({ name: c.name, value: c.value })),
    decimals: decimalsFor(indicator),
  };
}

export function trendInput(
  result: PlaceComparison,
  indicator: IndicatorInfo,
  key: SeriesKey,
  source: string,
): TrendChartInput | null {
  const focus = result.context.focus;
  const focusRows = result.comparisons.filter(
    (r) => r.areaCode === focus.code && sameSeries(r, key),
  );
  if (focusRows.length === 0) return null;
  const periods = [...new Set(focusRows.map((r) => r.period))].sort(comparePeriods);
  const byPeriod = new Map(focusRows.map((r) => [r.period, r]));
  const series: TrendSeries[] = [
    {
      code: focus.code,
      name: focus.name,
      role: 'focus',
      points: periods.map((period) => {
        const r = byPeriod.get(period)!;
        return { period, value: r.value, lower95: r.lower95, upper95: r.upper95 };
      }),
    },
  ];
  const comparators = new Map<string, { name: string; values: Map<string, number | null> }>();
  for (const r of focusRows) {
    let c = comparators.get(r.comparatorCode);
    if (c === undefined) {
      c = { name: r.comparatorName, values: new Map() };
      comparators.set(r.comparatorCode, c);
    }
    c.values.set(r.period, r.comparatorValue);
  }
  for (const [code, c] of comparators) {
    // A comparator's own limits are its rows as an area, when it is one of the peers.
    const own = new Map(
      result.comparisons
        .filter((r) => r.areaCode === code && sameSeries(r, key))
        .map((r) => [r.period, r]),
    );
    series.push({
      code,
      name: c.name,
      role: 'comparator',
      points: periods.map((period) => ({
        period,
        value: c.values.get(period) ?? null,
        lower95: own.get(period)?.lower95 ?? null,
        upper95: own.get(period)?.upper95 ?? null,
      })),
    });
  }
  const trend = result.trends.find((t) => t.areaCode === focus.code && sameSeries(t, key));
  const names = new Map([...comparators].map(([code, c]) => [code, c.name]));
  return {
    id: `trend-${indicator.id}`,
    indicator: indicator.name,
    unit: unitFor(indicator),
    slice: sliceWords(key),
    source,
    periods,
    series,
    recentTrend: trend?.recentTrend ?? 'No recent trend data available',
    gapVerdicts: (trend?.gaps ?? []).map(
      (g) =>
        `The gap to ${names.get(g.comparatorCode) ?? g.comparatorCode}: ${g.verdict}${g.pValue === null ? '' : ` (${g.test}, p = ${g.pValue.toFixed(3)})`}`,
    ),
    decimals: decimalsFor(indicator),
  };
}

/**
 * The funnel for one slice across the peers, or the reason there is none. Proportions use the
 * Wilson funnel on count/denominator; rates (crude, or any other value type with count and
 * denominator) the Poisson funnel on counts, per the indicator's multiplier.
 */
export function funnelInput(
  result: PlaceComparison,
  indicator: IndicatorInfo,
  key: SeriesKey,
  period: string,
  source: string,
): FunnelPlotInput | string {
  const benchmark = comparatorsOf(result, key, period)[0];
  const rows = (benchmark === undefined ? [] : rowsFor(result, key, period, benchmark.code)).filter(
    (r) => r.value !== null && r.count !== null && r.denominator !== null && r.denominator > 0,
  );
  if (rows.length < 3)
    return `A funnel plot needs counts and denominators for at least 3 of the ${result.peerGroupName}; ${String(rows.length)} have them for ${indicator.name}, ${period}.`;
  const type = indicator.valueType?.toLowerCase() ?? '';
  const numerator = rows.map((r) => r.count!);
  const denominator = rows.map((r) => r.denominator!);
  let limitsInput: FunnelInput;
  let significanceInput: SignificanceInput;
  if (type.includes('proportion') && !type.includes('standardised')) {
    const multiplier = indicator.multiplier ?? 100;
    limitsInput = { statistic: 'proportion', numerator, denominator, multiplier };
    significanceInput = { statistic: 'proportion', numerator, denominator };
  } else if (type.includes('standardised') || type.includes('life expectancy')) {
    return `A funnel plot of ${indicator.name} needs its ${type} method's expected counts, which the loaded data do not give.`;
  } else {
    const rates = {
      statistic: 'rate' as const,
      numerator,
      rate: rows.map((r) => r.value!),
      denominator,
      rateType: 'crude' as const,
      multiplier: indicator.multiplier ?? 100000,
    };
    limitsInput = { ...rates, yearsOfData: 1 };
    significanceInput = rates;
  }
  const limits = funnelLimits(limitsInput);
  const significance = funnelSignificance(significanceInput);
  const x = limits.axis === 'Population' ? denominator : numerator;
  return {
    id: `funnel-${indicator.id}`,
    indicator: indicator.name,
    unit: unitFor(indicator),
    slice: `${period}, ${sliceWords(key)}`,
    source,
    focusCode: result.context.focus.code,
    peerGroupName: result.peerGroupName,
    limits,
    areas: rows.map((r, i) => ({
      code: r.areaCode,
      name: r.areaName,
      x: x[i]!,
      value: r.value!,
      significance: significance[i]!,
    })),
    decimals: decimalsFor(indicator),
  };
}

/**
 * One spine row per series at its latest period, from a comparison whose peers are every area of
 * the focus's type (so the range is England's, as Fingertips draws it).
 */
export function spineRows(result: PlaceComparison, keys: readonly SeriesKey[]): SpineRow[] {
  const focus = result.context.focus.code;
  const rows: SpineRow[] = [];
  for (const key of keys) {
    const indicator = result.indicators.find((i) => i.id === key.indicatorId);
    if (indicator === undefined) continue;
    const periods = result.comparisons
      .filter((r) => r.areaCode === focus && sameSeries(r, key) && r.value !== null)
      .map((r) => r.period)
      .sort(comparePeriods);
    const period = periods[periods.length - 1];
    if (period === undefined) continue;
    const comparators = comparatorsOf(result, key, period);
    const england = comparators.find((c) => c.code === ENGLAND_CODE);
    if (england?.value === null || england === undefined) continue;
    const areaRows = rowsFor(result, key, period, ENGLAND_CODE);
    const range = spineRange(areaRows.map((r) => r.value ?? Number.NaN));
    const focusRow = areaRows.find((r) => r.areaCode === focus);
    const region = comparators.find((c) => c.code !== ENGLAND_CODE);
    if (range === null || focusRow === undefined) continue;
    rows.push({
      indicator: `${indicator.name}${sliceWords(key) === 'Persons, All ages' ? '' : `, ${sliceWords(key)}`}`,
      period,
      unit: unitFor(indicator),
      polarity: indicator.polarity,
      england: england.value,
      ...range,
      focus: focusRow.value,
      focusComparison: focusRow.comparison,
      region: region?.value ?? null,
      decimals: decimalsFor(indicator),
    });
  }
  return rows;
}
