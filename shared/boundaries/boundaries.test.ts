import { readFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestEngine } from '../../main/engine/testEngine';
import { numberColumn, scalarNumber, stringColumn } from '../engine/columns';
import type { Engine } from '../engine/engine';
import { BoundaryError, parseBoundaries } from './geojson';
import { boundaryCoverage } from './store';
import { importFile, ImportError } from '../import';

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

describe('importing boundaries through importFile and joining them to data', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await freshTestEngine();
  });
  afterAll(async () => {
    await engine.close();
  });
  const bytes = (name: string): Uint8Array => new Uint8Array(readFileSync(dir + name));
  const boundaryCodes = async (): Promise<(string | null)[]> =>
    stringColumn(await engine.query(`SELECT code FROM boundary ORDER BY level, code`), 'code');

  it('imports the London boroughs with provenance, skips the same file twice, reports coverage', async () => {
    const file = {
      name: 'london.geojson',
      bytes: bytes('london_boroughs_LAD_May_2024_UK_BSC.geojson'),
    };
    const report = await importFile(engine, file);
    if (report.status !== 'imported') throw new Error(`expected imported, got ${report.status}`);
    expect(report.format).toBe('geojson-boundaries');
    expect(report.formatLabel).toBe('Boundaries (GeoJSON, LAD 2024)');
    expect(report.rowsWritten.boundary).toBe(33);
    const owner = await engine.query(`SELECT DISTINCT source_file_id FROM boundary`);
    expect(Array.from(numberColumn(owner, 'source_file_id'))).toEqual([report.sourceFileId]);
    expect((await importFile(engine, file)).status).toBe('duplicate');
    expect(scalarNumber(await engine.query(`SELECT count(*) FROM boundary`))).toBe(33);

    // Data with two London boroughs and a pre-2020 code (Aylesbury Vale, now Buckinghamshire).
    const data = tableFromArrays({
      area_code: ['E09000002', 'E09000030', 'E07000004', 'E09000002'],
    });
    await engine.insertArrowIPC('obs', tableToIPC(data, 'stream'), 'create');
    const coverage = await boundaryCoverage(engine, 'obs', 'area_code', 'LAD');
    expect(coverage).toEqual({ matched: 2, unmatched: ['E07000004'], unmatchedCount: 1 });
  });

  it('replaces a layer of the same level and vintage with a newer file of it', async () => {
    // All 361 LADs (May 2024) supersede the 33 London LADs of the same level and vintage.
    const report = await importFile(engine, {
      name: 'lad.geojson',
      bytes: bytes('Local_Authority_Districts_May_2024_UK_BSC.geojson'),
    });
    expect(report.status).toBe('imported');
    expect(
      scalarNumber(await engine.query(`SELECT count(*) FROM boundary WHERE level = 'LAD'`)),
    ).toBe(361);
  });

  it('rejects a broken boundary file naming the feature, and changes nothing', async () => {
    const before = await boundaryCodes();
    const sources = scalarNumber(await engine.query(`SELECT count(*) FROM source_file`));
    const text = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { RGN23CD: 'E12000007' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [0, 51],
                [1, 51],
                [1, 52],
                [0, 51],
              ],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { RGN23CD: 'E12000008' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [530000, 180000],
                [1, 51],
                [1, 52],
                [530000, 180000],
              ],
            ],
          },
        },
      ],
    });
    const attempt = importFile(engine, {
      name: 'regions.geojson',
      bytes: new TextEncoder().encode(text),
    });
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(
      importFile(engine, { name: 'regions.geojson', bytes: new TextEncoder().encode(text) }),
    ).rejects.toThrow(/regions\.geojson, row 2: \(E12000008\).*British National Grid/);
    expect(await boundaryCodes()).toEqual(before);
    expect(scalarNumber(await engine.query(`SELECT count(*) FROM source_file`))).toBe(sources);
  });
});
