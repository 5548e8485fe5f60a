import { readFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestEngine } from '../../main/engine/testEngine';
import { scalarNumber, stringColumn } from '../engine/columns';
import type { Engine } from '../engine/engine';
import { BoundaryError, parseBoundaries } from './geojson';
import { boundaryCoverage, storeBoundaries } from './store';

const dir = 'fixtures/data/boundaries/';
const read = (name: string): string => readFileSync(dir + name, 'utf8');

describe('parseBoundaries on the real boundary files (counts from fixtures/data/SOURCES.md)', () => {
  it.each([
    ['Local_Authority_Districts_May_2024_UK_BSC.geojson', 361, 'LAD', 2024],
    ['london_boroughs_LAD_May_2024_UK_BSC.geojson', 33, 'LAD', 2024],
    ['Counties_and_Unitary_Authorities_December_2023_UK_BSC.geojson', 218, 'CTYUA', 2023],
    ['Regions_December_2023_EN_BUC.geojson', 9, 'RGN', 2023],
    ['lsoa2011_barking_and_dagenham_E09000002.geojson', 110, 'LSOA', 2011],
    ['lsoa2011_tower_hamlets_E09000030.geojson', 144, 'LSOA', 2011],
  ])('%s: %i features, level %s, vintage %i', (file, count, level, vintage) => {
    const set = parseBoundaries(file, read(file));
    expect(set.boundaries).toHaveLength(count);
    expect(set.level).toBe(level);
    expect(set.vintage).toBe(vintage);
  });

  it('reads Barking and Dagenham with its name and a bounding box in east London', () => {
    const set = parseBoundaries('london', read('london_boroughs_LAD_May_2024_UK_BSC.geojson'));
    const bd = set.boundaries.find((b) => b.code === 'E09000002')!;
    expect(bd.name).toBe('Barking and Dagenham');
    // East London lies roughly between 0.0 and 0.2 degrees east, 51.5 to 51.6 north.
    const [minLon, minLat, maxLon, maxLat] = bd.bbox;
    expect(minLon).toBeGreaterThan(0.0);
    expect(maxLon).toBeLessThan(0.2);
    expect(minLat).toBeGreaterThan(51.5);
    expect(maxLat).toBeLessThan(51.6);
  });
});

describe('parseBoundaries rejects what a map cannot use, naming file and feature', () => {
  const valid = read('london_boroughs_LAD_May_2024_UK_BSC.geojson');
  const cases: [string, string, RegExp][] = [
    ['empty file', '', /not valid JSON/],
    ['truncated file', valid.slice(0, valid.length / 2), /not valid JSON/],
    ['a CSV', 'a,b\n1,2\n', /not valid JSON/],
    ['not a collection', '{"type":"Feature"}', /not a GeoJSON FeatureCollection/],
    ['no features', '{"type":"FeatureCollection","features":[]}', /has no features/],
    [
      'no code property',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"x":1},"geometry":null}]}',
      /no area-code property.*found: x/,
    ],
    [
      'British National Grid coordinates',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"LAD24CD":"E09000002"},"geometry":{"type":"Polygon","coordinates":[[[544000,184000],[545000,184000],[545000,185000],[544000,184000]]]}}]}',
      /feature 1: \(E09000002\).*British National Grid/,
    ],
    [
      'a duplicate code',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,51]]]}},{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,51]]]}}]}',
      /feature 2: repeats area code A \(first in feature 1\)/,
    ],
    [
      'a point geometry',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Point","coordinates":[0,51]}}]}',
      /no Polygon or MultiPolygon/,
    ],
    [
      'a string coordinate',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,"51"],[1,51],[1,52],[0,51]]]}}]}',
      /not two numbers/,
    ],
  ];
  it.each(cases)('%s', (_label, text, message) => {
    expect(() => parseBoundaries('bad.geojson', text)).toThrow(BoundaryError);
    expect(() => parseBoundaries('bad.geojson', text)).toThrow(message);
  });
});

describe('storing boundaries and joining them to data', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await freshTestEngine();
  });
  afterAll(async () => {
    await engine.close();
  });

  it('stores, replaces by level and vintage, and reports coverage of a data table', async () => {
    const london = parseBoundaries(
      'london.geojson',
      read('london_boroughs_LAD_May_2024_UK_BSC.geojson'),
    );
    expect(await storeBoundaries(engine, london)).toBe(33);
    // Loading the same level and vintage again replaces rather than duplicates.
    await storeBoundaries(engine, london);
    expect(
      scalarNumber(await engine.query(`SELECT count(*) FROM boundary WHERE level = 'LAD'`)),
    ).toBe(33);

    // Data with two London boroughs and a pre-2019 code (Aylesbury Vale, abolished 2020).
    const data = tableFromArrays({
      area_code: ['E09000002', 'E09000030', 'E07000004', 'E09000002'],
    });
    await engine.insertArrowIPC('obs', tableToIPC(data, 'stream'), 'create');
    const coverage = await boundaryCoverage(engine, 'obs', 'area_code', 'LAD');
    expect(coverage).toEqual({ matched: 2, unmatched: ['E07000004'], unmatchedCount: 1 });
  });

  it('leaves the table unchanged when storing fails', async () => {
    const before = stringColumn(
      await engine.query(`SELECT code FROM boundary ORDER BY code`),
      'code',
    );
    // Same level and vintage as the stored London set, so its rows are deleted inside the
    // transaction before the insert fails on the missing (NOT NULL) source file name.
    const london = parseBoundaries(
      'london.geojson',
      read('london_boroughs_LAD_May_2024_UK_BSC.geojson'),
    );
    const broken = { ...london, fileName: null as unknown as string };
    await expect(storeBoundaries(engine, broken)).rejects.toThrow();
    expect(
      stringColumn(await engine.query(`SELECT code FROM boundary ORDER BY code`), 'code'),
    ).toEqual(before);
  });
});
