/**
 * WHO Health Equity Assessment Toolkit (HEAT) summary measures of health inequality: all 21.
 *
 * Definitions follow the HEAT Technical Notes and Schlotheuber & Hosseinpoor (2022), "Summary
 * measures of health inequality: a review of existing measures and their application", IJERPH
 * 19(6):3697, doi:10.3390/ijerph19063697; where the notes leave a detail to software, this follows
 * WHO's own R package `healthequal` 1.0.1 (read for the formulas, not copied), and each module
 * says where it differs. Interval rules per measure:
 *
 * | Measure | Interval | Rule |
 * |---|---|---|
 * | D, R | analytic | √(se₁² + se₂²); R on the log scale (delta method) |
 * | ACI, RCI | analytic | convenient regression SE (O'Donnell et al. 2008) |
 * | SII, RII | analytic | logistic regression, delta method, HC1 robust covariance (`regression` option) |
 * | BGV | analytic | Ahn et al. (2018) |
 * | TI, MLD | analytic | Ahn et al. (2018), ×1000 |
 * | PAF, PAR | analytic | Walter (1978) |
 * | BGSD, COV, MDMU, MDMW, MDBU, MDBW, MDRU, MDRW, IDISU, IDISW | simulation (opt-in) | Ahn et al. (2019) |
 *
 * Verified against WHO's `healthequal` 1.0.1 test suite (every measure with a published value; see
 * heat.healthequal.test.ts). Known, deliberate differences from it: SII/RII default to the standard
 * grouped binomial fit (`regression: 'logit-healthequal'` reproduces its pop²-weighted fit), and the
 * SEs of PAF (percent) and TI/MLD (×1000) carry the same scale factor as their estimates.
 *
 * Usage: `heatMeasures({ subgroups, estimates, populations, se, ordered, favourable, ... })` returns
 * one `HeatMeasureResult` per measure, with `estimate: null` and a `reason` where a measure does not
 * apply (e.g. ACI on a non-ordered dimension). Bad input throws `MethodInputError`.
 */
import { absoluteConcentrationIndex, relativeConcentrationIndex } from './heat/concentration';
import {
  betweenGroupSd,
  betweenGroupVariance,
  coefficientOfVariation,
  meanDifference,
} from './heat/dispersion';
import {
  meanLogDeviation,
  populationAttributableFraction,
  populationAttributableRisk,
  theilIndex,
} from './heat/impact';
import type { HeatData, HeatInput, HeatMeasureId, HeatMeasureResult } from './heat/input';
import { checkHeatInput } from './heat/input';
import type { RegressionModel } from './heat/regression';
import { relativeIndex, slopeIndex } from './heat/regression';
import { difference, ratio } from './heat/simple';
import type { SimulationOptions } from './heat/simulation';
import { MethodInputError } from './errors';

export type { HeatCiMethod, HeatInput, HeatMeasureId, HeatMeasureResult } from './heat/input';
export type { RegressionModel } from './heat/regression';
export type { SimulationOptions } from './heat/simulation';

export interface HeatOptions {
  /** Which measures to compute, in this order; default all 21 in `HEAT_MEASURES` order. */
  readonly measures?: readonly HeatMeasureId[];
  /** SII/RII model: 'logit' (default), 'logit-healthequal' (WHO healthequal 1.0.1 parity) or 'linear'. */
  readonly regression?: RegressionModel;
  /** Opt-in Monte Carlo intervals for the measures without an analytic SE. */
  readonly simulation?: SimulationOptions;
}

type Calculator = (d: HeatData, o: HeatOptions) => HeatMeasureResult;

const CALCULATORS: Readonly<Record<HeatMeasureId, Calculator>> = {
  D: (d) => difference(d),
  R: (d) => ratio(d),
  ACI: (d) => absoluteConcentrationIndex(d),
  RCI: (d) => relativeConcentrationIndex(d),
  SII: (d, o) => slopeIndex(d, o.regression),
  RII: (d, o) => relativeIndex(d, o.regression),
  BGV: (d) => betweenGroupVariance(d),
  BGSD: (d, o) => betweenGroupSd(d, o.simulation),
  COV: (d, o) => coefficientOfVariation(d, o.simulation),
  MDMU: (d, o) => meanDifference(d, 'MDMU', o.simulation),
  MDMW: (d, o) => meanDifference(d, 'MDMW', o.simulation),
  MDBU: (d, o) => meanDifference(d, 'MDBU', o.simulation),
  MDBW: (d, o) => meanDifference(d, 'MDBW', o.simulation),
  MDRU: (d, o) => meanDifference(d, 'MDRU', o.simulation),
  MDRW: (d, o) => meanDifference(d, 'MDRW', o.simulation),
  IDISU: (d, o) => meanDifference(d, 'IDISU', o.simulation),
  IDISW: (d, o) => meanDifference(d, 'IDISW', o.simulation),
  TI: (d) => theilIndex(d),
  MLD: (d) => meanLogDeviation(d),
  PAF: (d) => populationAttributableFraction(d),
  PAR: (d) => populationAttributableRisk(d),
};

/** All 21 measure ids, in HEAT's usual order. */
export const HEAT_MEASURES: readonly HeatMeasureId[] = Object.keys(CALCULATORS) as HeatMeasureId[];

/** Compute HEAT summary measures for one dimension of one indicator in one setting. */
export function heatMeasures(input: HeatInput, options: HeatOptions = {}): HeatMeasureResult[] {
  const d = checkHeatInput(input);
  const ids = options.measures ?? HEAT_MEASURES;
  return ids.map((id) => {
    const calculate = CALCULATORS[id] as Calculator | undefined;
    if (!calculate) {
      throw new MethodInputError(
        `unknown measure '${String(id)}'; use one of ${HEAT_MEASURES.join(', ')}`,
        input.group,
        'measures',
      );
    }
    return calculate(d, options);
  });
}

/** One measure. */
export function heatMeasure(
  id: HeatMeasureId,
  input: HeatInput,
  options: HeatOptions = {},
): HeatMeasureResult {
  return heatMeasures(input, { ...options, measures: [id] })[0]!;
}
