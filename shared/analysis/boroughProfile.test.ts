/**
 * The borough profile's SQL on the real demo fixtures, through the real importer and the Node
 * engine (same wasm and SQL as the app's worker). The expected numbers name their source.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshTestEngine } from '../../main/engine/testEngine';
import { DEMO_FILES } from '../../renderer/src/demo/demoFiles';
import type { Engine } from '../engine/engine';
import { importFile } from '../import';
import { buildBoroughProfile, type BoroughProfile } from './boroughProfile';

let engine: Engine;
let profile: BoroughProfile;

beforeAll(async () => {
  engine = await freshTestEngine();
  for (const file of DEMO_FILES) {
    const report = await importFile(engine, {
      name: file.name,
      bytes: readFileSync(`fixtures/data/${file.fixture}`),
    });
    expect(report.status, file.name).toBe('imported');
  }
  profile = await buildBoroughProfile(engine);
  return () => engine.close();
});

function figure(id: string) {
  const spec = profile.figures.find((f) => f.id === id);
  if (spec === undefined) throw new Error(`No figure ${id}; missing: ${profile.missing.join(' ')}`);
  return spec;
}

describe('borough profile from the demo fixtures', () => {
  it('builds all four figures', () => {
    expect(profile.figures.map((f) => f.id)).toEqual([
      'hle-by-sex',
      'population-pyramid',
      'census-age-structure',
      'hle-male-map-london',
    ]);
    expect(profile.missing).toEqual([]);
  });

  it('has healthy life expectancy 2018-20 as in the B&D strategy', () => {
    // STRATEGIES.md, B&D JLHWS 2023-28 life-course table: M/F 58.1/60.1, London 63.8/65.0, England 63.1/63.9.
    const spec = figure('hle-by-sex');
    expect(spec.data[0]!['y']).toEqual([58.1, 63.8, 63.1, 60.1, 65.0, 63.9]);
    expect(spec.subtitle).toContain('2018-20');
  });

  it('bands the mid-2020 estimates so each area sums to 100%', () => {
    const spec = figure('population-pyramid');
    const focusBars = spec.data.slice(0, 2).flatMap((t) => t['customdata'] as number[]);
    expect(focusBars).toHaveLength(2 * 19);
    // Tolerance: 38 values each rounded to 3 decimals.
    expect(Math.abs(focusBars.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.02);
    // fixtures/data/population MYE2 mid-2020: B&D males aged 0-4 = 1794+1887+1978+1971+2025 = 9,655
    // of 106,837 males + females total (All ages: males 106,837; females 107,270) = 214,107.
    expect((spec.data[0]!['customdata'] as number[])[0]).toBeCloseTo((100 * 9655) / 214107, 3);
  });

  it('uses the Census single years only (no double counting of Nomis subtotals)', () => {
    const spec = figure('census-age-structure');
    for (const trace of spec.data) {
      const sum = (trace['y'] as number[]).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 100)).toBeLessThan(0.01);
    }
  });

  it('maps male HLE 2018-20 for all 33 London boroughs, joined to their boundaries by code', () => {
    const spec = figure('hle-male-map-london');
    const areas = spec.data.at(-1)!['customdata'] as [string, number | null][];
    expect(areas).toHaveLength(33);
    // Every borough boundary (LAD24CD, E09) joins to the data; the one without a value is the
    // City of London, published as NA (the fixture's row for E09000001 has Value "NA").
    expect(areas.filter(([, v]) => v === null)).toEqual([['E09000001', null]]);
    expect(spec.data.map((t) => t['name'])).toContain('No data');
    // fixtures/data/ons_subnational: Male Healthy Life Expectancy (HLE), 201820, E09000002 = 58.12.
    expect(areas.find(([code]) => code === 'E09000002')![1]).toBe(58.12);
    expect(spec.subtitle).toContain('2018-20');
    expect(spec.altText).toContain('Barking and Dagenham (outlined): 58.1');
  });
});
