/**
 * Expected numbers read straight from the fixture files in Node (papaparse, not DuckDB), so
 * the app's SQL path is checked against an independent reading of the same published data.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

function rows(path: string, encoding = 'utf-8', skipLines = 0): Record<string, string>[] {
  const text = new TextDecoder(encoding).decode(readFileSync(path));
  const body = text.split(/\r?\n/).slice(skipLines).join('\n');
  return Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
}

/**
 * Healthy life expectancy 2018-20 from the ONS Subnational indicators file (Windows-1252,
 * header on line 3: fixtures/data/SOURCES.md section 8).
 */
export function hleFromFixture(areaCode: string, sex: 'Male' | 'Female'): number {
  const data = rows(
    'fixtures/data/ons_subnational/subnational_indicators_machine_readable.csv',
    'windows-1252',
    2,
  );
  const row = data.find(
    (r) => r['AREACD'] === areaCode && r['Indicator'] === `${sex} Healthy Life Expectancy (HLE)`,
  );
  if (row === undefined) throw new Error(`No ${sex} HLE for ${areaCode} in the fixture.`);
  return Number(row['Value']);
}

/** % of the area's mid-2020 population (males + females) who are of `sex` and aged lo..hi. */
export function myeSharePercent(
  areaCode: string,
  sex: 'males' | 'females',
  lo: number,
  hi: number,
): number {
  const read = (s: string): Record<string, string> => {
    const data = rows(
      `fixtures/data/population/ons_mye2_mid2020_${s}_by_single_year_age_2021geog.csv`,
    );
    const row = data.find((r) => r['Code'] === areaCode);
    if (row === undefined) throw new Error(`No ${s} row for ${areaCode}.`);
    return row;
  };
  const males = read('males');
  const females = read('females');
  const total = Number(males['All ages']) + Number(females['All ages']);
  const row = sex === 'males' ? males : females;
  let n = 0;
  for (let age = lo; age <= hi; age++) n += Number(row[age === 90 ? '90+' : String(age)]);
  return (100 * n) / total;
}
