/**
 * HEAT measures for non-ordered dimensions with more than two subgroups (Technical Notes;
 * Schlotheuber & Hosseinpoor 2022 §2.4-2.6). p_j = population share, n = number of subgroups.
 *
 * Variance measures, μ = population-weighted mean Σ p_j y_j:
 * - BGV  = Σ p_j (y_j − μ)². Analytic SE (Ahn et al. 2018, doi:10.1200/CCI.18.00031):
 *   √(4·Σp²se²(y − μ)² + 2·[(Σp²se²)² − Σp⁴se⁴ + Σp²(1 − p)²se⁴]).
 * - BGSD = √BGV;  COV = 100·BGSD/μ. No analytic SE: simulation (see `./simulation`).
 *
 * Mean differences, μ = setting average if given, else the population-weighted mean:
 * - MDMU = Σ|y_j − μ| / n;            MDMW = Σ p_j |y_j − μ|
 * - MDBU = Σ|y_j − y_best| / n;       MDBW = Σ p_j |y_j − y_best|   (best = highest estimate for a
 *   favourable indicator, lowest for an adverse one)
 * - MDRU = Σ|y_j − y_ref| / n;        MDRW = Σ p_j |y_j − y_ref|    (needs a reference subgroup)
 * - IDISU = 100·MDMU/μ;               IDISW = 100·MDMW/μ
 * No analytic SE for any of these: simulation only.
 */
import type { HeatData, HeatMeasureId, HeatMeasureResult } from './input';
import { resultFor, settingMean, weightedMean } from './result';
import type { SimulationOptions } from './simulation';
import { simulateInterval } from './simulation';

const SIMULATED =
  'simulation: Monte Carlo percentile interval (Ahn et al. 2019), no analytic SE in the HEAT notes';

/** Shared shape of the simulated-interval measures: estimate from y, interval by simulation. */
function simulatedMeasure(
  d: HeatData,
  id: HeatMeasureId,
  name: string,
  compute: (y: readonly number[]) => number,
  simulation: SimulationOptions | undefined,
  extra: Partial<HeatMeasureResult> = {},
): HeatMeasureResult {
  const out = resultFor(id, name, d);
  const estimate = compute(d.y);
  if (!Number.isFinite(estimate))
    return out.notApplicable(`${id} is undefined for these estimates (mean 0?)`);
  if (!simulation)
    return out.normal(
      estimate,
      null,
      'no CI: HEAT uses simulation for this measure; pass simulation options',
      extra,
    );
  const ci = simulateInterval(d, compute, simulation);
  if (!ci)
    return out.normal(estimate, null, 'no CI: standard errors of every subgroup are needed', extra);
  return out.custom({
    estimate,
    se: null,
    ...ci,
    ciMethod: 'simulation',
    ciNote: `${SIMULATED}; ${String(simulation.draws)} draws, seed ${String(simulation.seed)}`,
    ...extra,
  });
}

function needs(
  d: HeatData,
  id: HeatMeasureId,
  name: string,
  population: boolean,
): HeatMeasureResult | null {
  const out = resultFor(id, name, d);
  if (d.ordered) return out.notApplicable(`${id} is a measure for non-ordered dimensions`);
  if (d.n < 3) return out.notApplicable(`${id} needs more than two subgroups`);
  if (population && !d.share)
    return out.notApplicable(`${id} needs the population of every subgroup`);
  return null;
}

const sumOf = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function betweenGroupVariance(d: HeatData): HeatMeasureResult {
  const skip = needs(d, 'BGV', 'Between-group variance', true);
  if (skip) return skip;
  const out = resultFor('BGV', 'Between-group variance', d);
  const p = d.share!;
  const mu = weightedMean(d, p);
  const estimate = sumOf(p.map((pj, j) => pj * (d.y[j]! - mu) ** 2));
  const mean = { value: mu, source: 'population-weighted mean' as const };
  if (!d.se)
    return out.normal(estimate, null, 'no CI: standard errors of every subgroup are needed', {
      mean,
    });
  const se = d.se;
  const a = sumOf(p.map((pj, j) => pj ** 2 * se[j]! ** 2 * (d.y[j]! - mu) ** 2));
  const s2 = sumOf(p.map((pj, j) => pj ** 2 * se[j]! ** 2));
  const s4 = sumOf(p.map((pj, j) => pj ** 4 * se[j]! ** 4));
  const q4 = sumOf(p.map((pj, j) => pj ** 2 * (1 - pj) ** 2 * se[j]! ** 4));
  const seBgv = Math.sqrt(4 * a + 2 * (s2 ** 2 - s4 + q4));
  return out.normal(estimate, seBgv, 'analytic: Ahn et al. (2018) variance of BGV', { mean });
}

export function betweenGroupSd(d: HeatData, simulation?: SimulationOptions): HeatMeasureResult {
  const skip = needs(d, 'BGSD', 'Between-group standard deviation', true);
  if (skip) return skip;
  const p = d.share!;
  const bgsd = (y: readonly number[]): number => {
    const mu = sumOf(p.map((pj, j) => pj * y[j]!));
    return Math.sqrt(sumOf(p.map((pj, j) => pj * (y[j]! - mu) ** 2)));
  };
  return simulatedMeasure(d, 'BGSD', 'Between-group standard deviation', bgsd, simulation);
}

export function coefficientOfVariation(
  d: HeatData,
  simulation?: SimulationOptions,
): HeatMeasureResult {
  const skip = needs(d, 'COV', 'Coefficient of variation', true);
  if (skip) return skip;
  const p = d.share!;
  const cov = (y: readonly number[]): number => {
    const mu = sumOf(p.map((pj, j) => pj * y[j]!));
    return (100 * Math.sqrt(sumOf(p.map((pj, j) => pj * (y[j]! - mu) ** 2)))) / mu;
  };
  return simulatedMeasure(d, 'COV', 'Coefficient of variation', cov, simulation);
}

type Anchor = 'mean' | 'best' | 'reference';
const NAMES: Record<string, string> = {
  MDMU: 'Mean difference from mean (unweighted)',
  MDMW: 'Mean difference from mean (weighted)',
  MDBU: 'Mean difference from best performing subgroup (unweighted)',
  MDBW: 'Mean difference from best performing subgroup (weighted)',
  MDRU: 'Mean difference from reference subgroup (unweighted)',
  MDRW: 'Mean difference from reference subgroup (weighted)',
  IDISU: 'Index of disparity (unweighted)',
  IDISW: 'Index of disparity (weighted)',
};

/** MDMU, MDMW, MDBU, MDBW, MDRU, MDRW, IDISU, IDISW. */
export function meanDifference(
  d: HeatData,
  id: 'MDMU' | 'MDMW' | 'MDBU' | 'MDBW' | 'MDRU' | 'MDRW' | 'IDISU' | 'IDISW',
  simulation?: SimulationOptions,
): HeatMeasureResult {
  const name = NAMES[id]!;
  const weighted = id.endsWith('W');
  const anchor: Anchor = id.startsWith('MDB')
    ? 'best'
    : id.startsWith('MDR')
      ? 'reference'
      : 'mean';
  const skip = needs(d, id, name, weighted);
  if (skip) return skip;
  const mean = settingMean(d);
  if (anchor === 'mean' && !mean)
    return resultFor(id, name, d).notApplicable(
      `${id} needs the setting average or every population`,
    );
  if (anchor === 'reference' && d.reference === null)
    return resultFor(id, name, d).notApplicable(`${id} needs a reference subgroup`);
  const fixedMean = mean?.source === 'setting average';
  const weights = weighted ? d.share! : d.y.map(() => 1 / d.n);
  const compute = (y: readonly number[]): number => {
    let target: number;
    if (anchor === 'best') target = d.favourable ? Math.max(...y) : Math.min(...y);
    else if (anchor === 'reference') target = y[d.reference!]!;
    else target = fixedMean ? mean!.value : sumOf(d.share!.map((pj, j) => pj * y[j]!));
    const md = sumOf(weights.map((w, j) => w * Math.abs(y[j]! - target)));
    return id.startsWith('IDIS') ? (100 * md) / target : md;
  };
  const best = d.y.indexOf(d.favourable ? Math.max(...d.y) : Math.min(...d.y));
  const extra: Partial<HeatMeasureResult> =
    anchor === 'mean'
      ? { mean: mean! }
      : { subgroupsUsed: [d.names[anchor === 'reference' ? d.reference! : best]!] };
  return simulatedMeasure(d, id, name, compute, simulation, extra);
}
