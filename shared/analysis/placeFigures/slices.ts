/**
 * The slices a place comparison holds, for the views' pickers: one entry per indicator x sex x
 * age x category (periods folded together), with its periods in time order. Pure functions over
 * a PlaceComparison (shared/analysis/comparePlaces/types.ts).
 */
import type { IndicatorInfo, PlaceComparison, SliceKey } from '../comparePlaces/types';

/** A slice without its period: what a trend follows over time. */
export type SeriesKey = Omit<SliceKey, 'period'>;

export interface SeriesOption extends SeriesKey {
  readonly id: string;
  /** "Campylobacter incidence rate/100,000 (Persons, All ages)". */
  readonly label: string;
  readonly indicator: IndicatorInfo;
  /** Periods with a value for any area, oldest first. */
  readonly periods: readonly string[];
}

export function seriesId(key: SeriesKey): string {
  return [key.indicatorId, key.sex, key.age, key.categoryType, key.category].join('\u241f');
}

export function sameSeries(a: SeriesKey, b: SeriesKey): boolean {
  return (
    a.indicatorId === b.indicatorId &&
    a.sex === b.sex &&
    a.age === b.age &&
    a.categoryType === b.categoryType &&
    a.category === b.category
  );
}

/** "Persons, All ages" or "Female, 18+ yrs, Most deprived decile". */
export function sliceWords(key: SeriesKey): string {
  return [key.sex, key.age, key.category].filter((s) => s !== '').join(', ');
}

export function seriesOptions(result: PlaceComparison): SeriesOption[] {
  const byId = new Map<string, { key: SeriesKey; periods: Set<string> }>();
  for (const row of result.comparisons) {
    const id = seriesId(row);
    let entry = byId.get(id);
    if (entry === undefined) {
      entry = {
        key: {
          indicatorId: row.indicatorId,
          sex: row.sex,
          age: row.age,
          categoryType: row.categoryType,
          category: row.category,
        },
        periods: new Set(),
      };
      byId.set(id, entry);
    }
    entry.periods.add(row.period);
  }
  const indicators = new Map(result.indicators.map((i) => [i.id, i]));
  const options: SeriesOption[] = [];
  for (const [id, { key, periods }] of byId) {
    const indicator = indicators.get(key.indicatorId);
    if (indicator === undefined) continue;
    options.push({
      ...key,
      id,
      indicator,
      label: `${indicator.name} (${sliceWords(key)})`,
      periods: [...periods].sort(comparePeriods),
    });
  }
  // Uncategorised slices first (the headline figures), then by name.
  return options.sort(
    (a, b) =>
      Number(a.categoryType !== '') - Number(b.categoryType !== '') ||
      a.label.localeCompare(b.label, 'en-GB'),
  );
}

/**
 * Time order of Fingertips period labels ("2015", "2015/16", "2014 - 16", "2019/20 Q3"): by the
 * first four-digit year, then by the whole label, which orders quarters and financial years
 * within a year.
 */
export function comparePeriods(a: string, b: string): number {
  const year = (p: string): number => Number(/\d{4}/.exec(p)?.[0] ?? Number.NaN);
  const [ya, yb] = [year(a), year(b)];
  if (Number.isFinite(ya) && Number.isFinite(yb) && ya !== yb) return ya - yb;
  return a.localeCompare(b, 'en-GB', { numeric: true });
}
