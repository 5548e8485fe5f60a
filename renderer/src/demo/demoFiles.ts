/**
 * The files of the bundled demo workspace: real, unmodified fixtures (fixtures/data/SOURCES.md)
 * that the Vite build copies to `dist/renderer/demo/` and the app fetches same-origin on first
 * open. Listed once here; `renderer/vite.config.ts` reads this list to copy them.
 */
export interface DemoFile {
  /** Path under the repository's `fixtures/data/`. */
  readonly fixture: string;
  /** Name served under `demo/` and shown to the user. */
  readonly name: string;
}

export const DEMO_FILES = [
  { fixture: 'census2021/census2021-ts007-ltla.csv', name: 'census2021-ts007-ltla.csv' },
  { fixture: 'census2021/census2021-ts007-rgn.csv', name: 'census2021-ts007-rgn.csv' },
  { fixture: 'census2021/census2021-ts007-ctry.csv', name: 'census2021-ts007-ctry.csv' },
  {
    fixture: 'population/ons_mye2_mid2020_males_by_single_year_age_2021geog.csv',
    name: 'ons_mye2_mid2020_males_by_single_year_age_2021geog.csv',
  },
  {
    fixture: 'population/ons_mye2_mid2020_females_by_single_year_age_2021geog.csv',
    name: 'ons_mye2_mid2020_females_by_single_year_age_2021geog.csv',
  },
  {
    fixture: 'ons_subnational/subnational_indicators_machine_readable.csv',
    name: 'subnational_indicators_machine_readable.csv',
  },
  {
    fixture: 'boundaries/london_boroughs_LAD_May_2024_UK_BSC.geojson',
    name: 'london_boroughs_LAD_May_2024_UK_BSC.geojson',
  },
] as const satisfies readonly DemoFile[];
