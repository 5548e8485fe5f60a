/**
 * Every supported fixture in fixtures/data loads with the exact row counts its provenance
 * entry gives (fixtures/data/SOURCES.md, "Rows:"), and spot values match the published
 * figures. Long tables: rows = data rows x value columns, stated per case.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, SqlParam } from '../engine/engine';
import { numberColumn, scalarNumber, stringColumn } from '../engine/columns';
import { ESP2013 } from '../model/standardPopulation';
import { freshTestEngine } from '../../main/engine/testEngine';
import { importFile, type ImportedReport } from './index';

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

const DATA = 'fixtures/data/';

async function load(path: string): Promise<ImportedReport> {
  const report = await importFile(engine, { name: path, bytes: readFileSync(DATA + path) }, { now: () => new Date('2026-01-01T00:00:00Z') });
  if (report.status !== 'imported') throw new Error(`${path}: ${report.status}`);
  return report;
}

async function num(sql: string, params: SqlParam[] = []): Promise<number> {
  return scalarNumber(await engine.query(sql, params));
}

describe('fixtures load with exact row counts', () => {
  it('Fingertips standard export: 852 records despite a bare LF inside quoted CRLF records', async () => {
    const r = await load('fingertips/indicators-CountyUA.data.csv');
    expect(r.format).toBe('fingertips-data');
    expect(r.rowsRead).toBe(852);
    expect(r.rowsWritten.observation).toBe(852);
    // Barking and Dagenham 2017, Persons all ages: 40.68584713746 per 100,000 (count 84), as in the file.
    const t = await engine.query(
      `SELECT value, count, period_start::VARCHAR AS s, compared_to_england FROM observation WHERE source_file_id = ? AND area_code = 'E09000002' AND period = '2017' AND age = 'All ages'`,
      [r.sourceFileId],
    );
    expect(numberColumn(t, 'value')[0]).toBe(40.68584713746);
    expect(numberColumn(t, 'count')[0]).toBe(84);
    expect(stringColumn(t, 's')[0]).toBe('2017-01-01');
    // 60 decile rows (2 category types x 10 deciles x 3 years) with empty CIs.
    expect(await num(`SELECT count(*) FROM observation WHERE source_file_id = ? AND category_type LIKE '%deprivation deciles%' AND lower95 IS NULL`, [r.sourceFileId])).toBe(60);
    // The indicator name's trailing newline is trimmed.
    expect(stringColumn(await engine.query(`SELECT name FROM indicator WHERE id = '93356'`), 'name')).toEqual(['Campylobacter incidence rate/100,000']);
    // 10 records have no value: null with a reason, not zero.
    expect(await num(`SELECT count(*) FROM observation WHERE source_file_id = ? AND value IS NULL AND null_reason = 'blank'`, [r.sourceFileId])).toBe(10);
  });

  it('Fingertips extract with renamed headers (London suicide): 175 rows', async () => {
    const r = await load('fingertips/nonstandard_headers/suicide_indicators_CountyUA_london_2019extract.csv');
    expect(r.format).toBe('fingertips-data');
    expect(r.rowsWritten.observation).toBe(175);
    const t = await engine.query(`SELECT value, period, period_end::VARCHAR AS e FROM observation WHERE source_file_id = ? AND indicator_id = '41001' AND area_code = 'E09000002'`, [r.sourceFileId]);
    expect(numberColumn(t, 'value')[0]).toBe(11.5726971320053);
    expect(stringColumn(t, 'period')).toEqual(['2015 - 17']);
    expect(stringColumn(t, 'e')).toEqual(['2017-12-31']);
  });

  it('LTCP smoking (janitor-cleaned derived file): 19,012 rows, and retired codes reported', async () => {
    const r = await load('fingertips/derived/ltcp_smoking_prevalence_aps_districtUA_2011_2017_sp.csv');
    expect(r.format).toBe('fingertips-ltcp-smoking');
    expect(r.rowsWritten.observation).toBe(19012);
    expect(r.problems.some((p) => p.code === 'old-area-code' && p.message.startsWith('E06000028'))).toBe(true);
  });

  it('Census 2021 TS007 Nomis bulk: wide rows x 113 categories; Barking and Dagenham 218,863', async () => {
    const cases: [string, number][] = [['ltla', 331], ['utla', 174], ['rgn', 10], ['ctry', 3]];
    for (const [level, rows] of cases) {
      const r = await load(`census2021/census2021-ts007-${level}.csv`);
      expect(r.format).toBe('nomis-bulk');
      expect(r.rowsRead).toBe(rows);
      expect(r.rowsWritten.census).toBe(rows * 113);
    }
    const total = await num(`SELECT count FROM census WHERE table_id = 'TS007' AND geography_level = 'ltla' AND area_code = 'E09000002' AND dimension = 'Age' AND category = 'Total'`);
    // ONS Census 2021 TS001 usual residents, Barking and Dagenham (issue #4).
    expect(total).toBe(218863);
  });

  it('Nomis report TS007A (LSOA21): 35,672 rows x 19 columns; 115 Barking and Dagenham LSOAs', async () => {
    const r = await load('census2021/nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv');
    expect(r.format).toBe('nomis-report');
    expect(r.rowsRead).toBe(35672);
    expect(r.rowsWritten.census).toBe(35672 * 19);
    expect(await num(`SELECT count(DISTINCT area_code) FROM census WHERE source_file_id = ? AND area_name LIKE 'Barking and Dagenham %'`, [r.sourceFileId])).toBe(115);
    expect(await num(`SELECT count(DISTINCT dimension) FROM census WHERE source_file_id = ?`, [r.sourceFileId])).toBe(1);
    expect(stringColumn(await engine.query(`SELECT DISTINCT table_id, geography_level FROM census WHERE source_file_id = ?`, [r.sourceFileId]), 'geography_level')).toEqual(['lsoa']);
  });

  it('Nomis report TS021 (LSOA21): 35,672 rows x 6 columns, footer notes skipped', async () => {
    const r = await load('census2021/nomis_report_TS021_ethnic_group_lsoa2021_EW.csv');
    expect(r.rowsRead).toBe(35672);
    expect(r.rowsWritten.census).toBe(35672 * 6);
    expect(r.problems.map((p) => p.code)).toContain('trailing-notes');
  });

  it('IoD2019 File 1: 32,844 LSOAs, "29,199" read as 29199, 110 in Barking and Dagenham', async () => {
    const r = await load('imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv');
    expect(r.rowsWritten.deprivation).toBe(32844);
    expect(await num(`SELECT imd_rank FROM deprivation WHERE source_file_id = ? AND lsoa_code = 'E01000001'`, [r.sourceFileId])).toBe(29199);
    expect(await num(`SELECT count(*) FROM deprivation WHERE source_file_id = ? AND lad_code = 'E09000002'`, [r.sourceFileId])).toBe(110);
  });

  it('IoD2019 File 2: 32,844 LSOAs; 7 domains x rank/decile = 14 measures each', async () => {
    const r = await load('imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv');
    expect(r.rowsWritten.deprivation).toBe(32844);
    expect(r.rowsWritten.deprivation_measure).toBe(32844 * 14);
    // The quoted header "Education\n Skills and Training Rank" becomes one domain name.
    expect(await num(`SELECT count(DISTINCT domain) FROM deprivation_measure WHERE source_file_id = ?`, [r.sourceFileId])).toBe(7);
  });

  it('IoD2019 File 6: 32,844 LSOAs x 5 population bands', async () => {
    const r = await load('imd2019/File_6_-_IoD2019_Population_Denominators.csv');
    expect(r.rowsWritten.population).toBe(32844 * 5);
    expect(await num(`SELECT count FROM population WHERE source_file_id = ? AND area_code = 'E01000001' AND age_band = 'All ages'`, [r.sourceFileId])).toBe(1296);
  });

  it('IoD2019 LAD summaries (long): 3,170 rows x 6 measures; MSOA scores: 6,791 x 4', async () => {
    const lad = await load('imd2019/IoD2019_LAD_summaries_traffordDataLab_long.csv');
    expect(lad.rowsRead).toBe(3170);
    expect(lad.rowsWritten.deprivation_measure).toBe(3170 * 6);
    const msoa = await load('imd2019/msoa_IMD19_scores.csv');
    expect(msoa.rowsRead).toBe(6791);
    expect(msoa.rowsWritten.deprivation_measure).toBe(6791 * 4);
    expect(await num(`SELECT count(*) FROM area WHERE type = 'MSOA' AND parent_code = 'E09000002'`)).toBe(22);
  });

  it('ONS MYE2 persons CSV: 420 areas x 91 single years; totals as published', async () => {
    const r = await load('population/ons_mye2_mid2020_persons_by_single_year_age_2021geog.csv');
    expect(r.rowsWritten.population).toBe(420 * 91);
    const total = (code: string): Promise<number> => num(`SELECT sum(count) FROM population WHERE source_file_id = ? AND area_code = ?`, [r.sourceFileId, code]);
    // SOURCES.md "Loading notes": England 56,550,138; London 9,002,488; Barking and Dagenham 214,107.
    expect(await total('E92000001')).toBe(56550138);
    expect(await total('E12000007')).toBe(9002488);
    expect(await total('E09000002')).toBe(214107);
    expect(r.problems.some((p) => p.code === 'implausible-value')).toBe(false);
  });

  it('ESP2013 CSV: 19 bands totalling 100,000, identical to the built-in table', async () => {
    const r = await load('esp2013/european_standard_population.csv');
    expect(r.rowsWritten.standard_population).toBe(19);
    const t = await engine.query(`SELECT age_min, count FROM standard_population WHERE source_file_id = ? ORDER BY age_min`, [r.sourceFileId]);
    expect(Array.from(numberColumn(t, 'count'))).toEqual(ESP2013.map((b) => b.count));
    expect(Array.from(numberColumn(t, 'age_min'))).toEqual(ESP2013.map((b) => b.age_min));
  });

  it('PHEindicatormethods LE (7,222) and NCMP (240) test data as long observations', async () => {
    const le = await load('inequalities/PHEindicatormethods_LE_testdata.csv');
    expect(le.rowsWritten.observation).toBe(7222);
    const range = await engine.query(`SELECT min(value) AS lo, max(value) AS hi FROM observation WHERE source_file_id = ? AND area_code = 'E09000002' AND sex = 'Male'`, [le.sourceFileId]);
    // SOURCES.md: Barking and Dagenham male LE by decile 76.1-79.9 (to 1 dp).
    expect(Math.round(numberColumn(range, 'lo')[0]! * 10) / 10).toBe(76.1);
    expect(Math.round(numberColumn(range, 'hi')[0]! * 10) / 10).toBe(79.9);
    const ncmp = await load('inequalities/PHEindicatormethods_NCMP_testdata.csv');
    expect(ncmp.rowsWritten.observation).toBe(240);
    expect(stringColumn(await engine.query(`SELECT DISTINCT period FROM observation WHERE source_file_id = ? ORDER BY period_start LIMIT 1`, [ncmp.sourceFileId]), 'period')).toEqual(['2006/07']);
  });

  it('Population by IMD decile (long): 1,820 rows', async () => {
    const r = await load('inequalities/ons_population_by_imd_decile_sex_age_england_mid2020_long.csv');
    expect(r.rowsWritten.population).toBe(1820);
  });


  it('Local Health (semicolon, BOM, trailing commas, N/A): MSOA 6,791 x 24, LTLA 309 x 25, UTLA 152 x 25', async () => {
    const msoa = await load('inequalities/localhealth/localhealth_msoa_raw.csv');
    expect(msoa.rowsRead).toBe(6791);
    expect(msoa.rowsWritten.observation).toBe(6791 * 24);
    expect(await num(`SELECT count(*) FROM observation WHERE source_file_id = ? AND null_reason = 'not_available'`, [msoa.sourceFileId])).toBeGreaterThan(0);
    expect(msoa.problems.some((p) => p.code === 'unreadable-number')).toBe(false);
    const ltla = await load('inequalities/localhealth/localhealth_ltla_raw.csv');
    expect(ltla.rowsWritten.observation).toBe(309 * 25);
    const utla = await load('inequalities/localhealth/localhealth_utla_raw.csv');
    expect(utla.rowsWritten.observation).toBe(152 * 25);
  });

  it('ONS subnational indicators (Windows-1252, preamble, compact periods): 10,758 rows; B&D male HLE 2018-20', async () => {
    const r = await load('ons_subnational/subnational_indicators_machine_readable.csv');
    expect(r.encoding).toBe('windows-1252');
    expect(r.rowsWritten.observation).toBe(10758);
    const t = await engine.query(`SELECT value, period, sex FROM observation WHERE source_file_id = ? AND area_code = 'E09000002' AND indicator_id LIKE '%male-healthy-life-expectancy%' AND sex = 'Male'`, [r.sourceFileId]);
    // 58.12 in the file; published as 58.1 (1 dp).
    expect(numberColumn(t, 'value')[0]).toBe(58.12);
    expect(stringColumn(t, 'period')).toEqual(['2018-20']);
    expect(await num(`SELECT count(*) FROM observation WHERE source_file_id = ? AND period = '2019/20'`, [r.sourceFileId])).toBeGreaterThan(0);
    // The en dash (0x96) decodes: "Employment rate (16–64-year olds)".
    expect(await num(`SELECT count(*) FROM indicator WHERE name = 'Employment rate (16–64-year olds)'`)).toBe(1);
    const metadata = await load('ons_subnational/subnational_indicators_metadata.csv');
    expect(metadata.rowsWritten.lookup).toBe(36);
  });

  it('Fingertips metadata: polarity from the life-course JSON; FingertipsNext polarity ignored', async () => {
    const next = await load('fingertips/metadata/fingertipsnext_indicator_metadata.json');
    expect(next.rowsRead).toBe(35);
    expect(await num(`SELECT count(*) FROM indicator WHERE source = 'FingertipsNext indicator definitions' AND polarity IS NOT NULL`)).toBe(0);
    const life = await load('fingertips/metadata/lifecourse_walkthrough_utla_indicator_metadata.json');
    // 39 records, 37 distinct IDs (92901 and 90366 appear twice, once per sex).
    expect(life.rowsRead).toBe(39);
    expect(life.rowsWritten.indicator).toBe(37);
    expect(stringColumn(await engine.query(`SELECT polarity FROM indicator WHERE id = '93085'`), 'polarity')).toEqual(['low_is_good']);
    expect(stringColumn(await engine.query(`SELECT polarity FROM indicator WHERE id = '90366'`), 'polarity')).toEqual(['high_is_good']);
  });

  it('Fingertips lookups: ages 54, categories 120, life-course stages 39', async () => {
    expect((await load('fingertips/metadata/fingertipsnext_agedata.csv')).rowsWritten.lookup).toBe(54);
    expect((await load('fingertips/metadata/fingertipsnext_categories.csv')).rowsWritten.lookup).toBe(120);
    expect((await load('fingertips/metadata/lifecourse_walkthrough_utla_indicator_stages.csv')).rowsWritten.lookup).toBe(39);
  });

  it('every import left one provenance row with its hash, format and problems', async () => {
    const t = await engine.query(`SELECT count(*) AS n, count(DISTINCT sha256) AS h, min(length(sha256)) AS l FROM source_file`);
    expect(numberColumn(t, 'n')[0]).toBe(numberColumn(t, 'h')[0]);
    expect(numberColumn(t, 'l')[0]).toBe(64);
    expect(await num(`SELECT count(*) FROM source_file WHERE imported_at <> '2026-01-01T00:00:00.000Z'`)).toBe(0);
  });
});

describe('workbooks', () => {
  it('legacy .xls (BIFF8): the ONS MYE workbook loads its three MYE2 sheets, as the CSV exports', async () => {
    const r = await load('population/ukpopestimatesmid2020on2021geography.xls');
    expect(r.format).toBe('ons-mye-single-year');
    expect(r.rowsWritten.population).toBe(3 * 420 * 91);
    const total = (sex: string, code: string): Promise<number> => num(`SELECT sum(count) FROM population WHERE source_file_id = ? AND sex = ? AND area_code = ?`, [r.sourceFileId, sex, code]);
    expect(await total('Persons', 'E92000001')).toBe(56550138);
    expect(await total('Persons', 'E12000007')).toBe(9002488);
    expect(await total('Persons', 'E09000002')).toBe(214107);
  });

  it('the ONS population-by-IMD workbook: both country sheets; England equals its long CSV export cell by cell', async () => {
    const r = await load('inequalities/populationbyimdenglandandwales2020.xlsx');
    expect(r.format).toBe('ons-population-by-imd-decile-workbook');
    // Per sheet: 2 sexes x 10 deciles x 91 ages, as the long CSV made from Table 1 (SOURCES.md).
    expect(r.rowsWritten.population).toBe(2 * 1820);
    expect(await num(`SELECT count(*) FROM population WHERE source_file_id = ? AND area_code = 'W92000004'`, [r.sourceFileId])).toBe(1820);
    // The long CSV (loaded above, or here when this test runs alone); compare cell by cell.
    const longPath = 'inequalities/ons_population_by_imd_decile_sex_age_england_mid2020_long.csv';
    const seen = await engine.query('SELECT id FROM source_file WHERE name = ?', [longPath]);
    const longId = seen.numRows > 0 ? numberColumn(seen, 'id')[0]! : (await load(longPath)).sourceFileId;
    const total = (id: number): Promise<number> => num(`SELECT sum(count) FROM population WHERE source_file_id = ? AND area_code = 'E92000001'`, [id]);
    expect(await total(r.sourceFileId)).toBe(await total(longId));
    const byCell = await num(
      `SELECT count(*) FROM population a JOIN population b ON a.sex = b.sex AND a.age_band = b.age_band AND a.category = b.category AND a.count = b.count WHERE a.source_file_id = ? AND a.area_code = 'E92000001' AND b.source_file_id = ?`,
      [r.sourceFileId, longId],
    );
    expect(byCell).toBe(1820);
  });
});
