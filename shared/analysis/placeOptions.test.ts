/** Place options on the real Fingertips fixture through the real importer and Node engine. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTestEngine } from '../../main/engine/testEngine';
import type { Engine } from '../engine/engine';
import { loadShippedGeography } from '../geography/index';
import { importFile } from '../import';
import { placeOptions, searchPlaces, type PlaceOption } from './placeOptions';

let engine: Engine;
let options: PlaceOption[];

beforeAll(async () => {
  engine = await freshTestEngine();
  expect(await placeOptions(engine)).toEqual([]);
  await loadShippedGeography(engine);
  const report = await importFile(engine, {
    name: 'indicators-CountyUA.data.csv',
    bytes: readFileSync('fixtures/data/fingertips/indicators-CountyUA.data.csv'),
  });
  expect(report.status).toBe('imported');
  options = await placeOptions(engine);
}, 180_000);
afterAll(() => engine.close());

describe('placeOptions', () => {
  it('lists every area with data once, named from the geography', () => {
    // The fixture (Fingertips 93356) names 162 distinct codes in its Area Code column
    // (County & UA areas, regions and England; counted with Python's csv module).
    const codes = new Set(options.map((o) => o.code));
    expect(codes.size).toBe(options.length);
    expect(options).toHaveLength(162);
    expect(codes.has('E09000002')).toBe(true);
    expect(codes.has('E92000001')).toBe(true);
    expect(codes.has('E12000007')).toBe(true);
    expect(options.find((o) => o.code === 'E09000002')?.name).toBe('Barking and Dagenham');
  });

  it('finds places by any words of the name or by code, prefix matches first', () => {
    expect(searchPlaces(options, 'barking')[0]?.code).toBe('E09000002');
    expect(searchPlaces(options, 'e09000002').map((o) => o.code)).toEqual(['E09000002']);
    expect(searchPlaces(options, 'tower ham')[0]?.name).toBe('Tower Hamlets');
    expect(searchPlaces(options, 'no such place')).toEqual([]);
  });
});
