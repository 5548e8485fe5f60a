/**
 * Helpers every HEAT measure uses: the means μ and the result builder (fills in the measure's
 * identity and level, and the normal interval estimate ± z·SE when an SE is known).
 */
import type { HeatData, HeatMeasureId, HeatMeasureResult } from './input';

/** Population-weighted mean of the estimates. */
export function weightedMean(d: HeatData, share: readonly number[]): number {
  return share.reduce((acc, p, j) => acc + p * d.y[j]!, 0);
}

/** μ for measures defined against the setting average: the setting average if given, else the weighted mean. */
export function settingMean(d: HeatData): HeatMeasureResult['mean'] | null {
  if (d.settingAverage !== null) return { value: d.settingAverage, source: 'setting average' };
  if (d.share) return { value: weightedMean(d, d.share), source: 'population-weighted mean' };
  return null;
}

/** Builds results with the measure's identity and level filled in. */
export function resultFor(measure: HeatMeasureId, name: string, d: HeatData) {
  const base = { measure, name, level: d.level };
  return {
    notApplicable: (reason: string): HeatMeasureResult => ({
      ...base,
      estimate: null,
      se: null,
      lower: null,
      upper: null,
      ciMethod: 'none',
      ciNote: 'not calculated',
      reason,
    }),
    normal: (
      estimate: number,
      se: number | null,
      ciNote: string,
      extra: Partial<HeatMeasureResult> = {},
    ): HeatMeasureResult =>
      se === null
        ? {
            ...base,
            estimate,
            se: null,
            lower: null,
            upper: null,
            ciMethod: 'none',
            ciNote,
            ...extra,
          }
        : {
            ...base,
            estimate,
            se,
            lower: estimate - d.z * se,
            upper: estimate + d.z * se,
            ciMethod: 'analytic',
            ciNote,
            ...extra,
          },
    custom: (r: Omit<HeatMeasureResult, 'measure' | 'name' | 'level'>): HeatMeasureResult => ({
      ...base,
      ...r,
    }),
  };
}
