/**
 * Every format the importer recognises, in detection order: the most specific signatures
 * first, so that a file matching two (e.g. IoD File 6 also starts with `LSOA code (2011)`)
 * goes to the one that understands it.
 */
import { nomisBulk, nomisReport, onsCustom } from './census';
import { iodDenominators, iodLadSummaryLong, iodLsoa, imdMsoaScores } from './deprivation';
import { fingertipsData, ltcpSmoking } from './fingertips';
import type { Fields, TabularFormat } from './format';
import { localHealth, onsSubnational, pheLeByDecile, pheNcmpByDecile } from './indicatorTables';
import { fingertipsAges, fingertipsCategories, fingertipsNextMetadata, lifecourseMetadata, lifecourseStages, onsSubnationalMetadata, type JsonFormat } from './metadata';
import { onsMidYearEstimates, populationByImdDecile, populationByImdDecileWorkbook, standardPopulation } from './population';

export const TABULAR_FORMATS: readonly TabularFormat[] = [
  fingertipsData,
  ltcpSmoking,
  nomisBulk,
  nomisReport,
  onsCustom,
  iodDenominators,
  iodLsoa,
  iodLadSummaryLong,
  imdMsoaScores,
  onsMidYearEstimates,
  populationByImdDecile,
  populationByImdDecileWorkbook,
  standardPopulation,
  onsSubnational,
  localHealth,
  pheLeByDecile,
  pheNcmpByDecile,
  fingertipsAges,
  fingertipsCategories,
  lifecourseStages,
  onsSubnationalMetadata,
];

export const JSON_FORMATS: readonly JsonFormat[] = [lifecourseMetadata, fingertipsNextMetadata];

/** The first format whose signature is in `sample`, with its header's index. */
export function detectTabular(sample: readonly Fields[]): { format: TabularFormat; headerIndex: number } | undefined {
  for (const format of TABULAR_FORMATS) {
    const headerIndex = format.detect(sample);
    if (headerIndex >= 0) return { format, headerIndex };
  }
  return undefined;
}
