import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBoundaries } from '../boundaries/geojson';
import { buildChoroplethMap, type ChoroplethMapInput } from './choroplethMap';
import { normalisedJson } from './testing/normalise';

// Hand-made geometry: area A is a 2 x 2 degree square with a 1 x 1 hole; area B is a
// MultiPolygon of a 1 x 1 and a 0.5 x 0.5 square, labelled at the larger.
const squareWithHole = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 50],
      [2, 50],
      [2, 52],
      [0, 52],
      [0, 50],
    ],
    [
      [0.5, 50.5],
      [0.5, 51.5],
      [1.5, 51.5],
      [1.5, 50.5],
      [0.5, 50.5],
    ],
  ],
};
const twoSquares = {
  type: 'MultiPolygon',
  coordinates: [
    [
      [
        [3, 50],
        [4, 50],
        [4, 51],
        [3, 51],
        [3, 50],
      ],
    ],
    [
      [
        [3, 51.5],
        [3.5, 51.5],
        [3.5, 52],
        [3, 52],
        [3, 51.5],
      ],
    ],
  ],
};

const tiny: ChoroplethMapInput = {
  id: 'map-test',
  measure: 'Male healthy life expectancy at birth',
  unit: 'years',
  period: '2018-20',
  source: 'Source: hand-made test geometry.',
  note: 'No confidence intervals, so differences are not tested for significance.',
  areaLabel: 'test areas',
  focus: { code: 'A', name: 'Area A' },
  decimals: 1,
  rows: {
    areaCode: ['A', 'B'],
    areaName: ['Area A', 'Area B'],
    geometryJson: [JSON.stringify(squareWithHole), JSON.stringify(twoSquares)],
    value: Float64Array.from([58.12, 63.76]),
  },
};

describe('buildChoroplethMap', () => {
  it('matches the snapshot for two hand-made areas', async () => {
    await expect(normalisedJson(buildChoroplethMap(tiny))).toMatchFileSnapshot(
      '__snapshots__/map-test.json',
    );
  });

  it('draws polygons, holes and multipolygons as null-separated rings on cartesian axes', () => {
    const spec = buildChoroplethMap(tiny);
    expect(spec.data.every((t) => t['type'] === 'scatter')).toBe(true);
    const [low, high] = spec.data;
    // Area A: outer ring (5 points), null, hole (5 points).
    expect(low!['x']).toHaveLength(11);
    expect((low!['x'] as unknown[])[5]).toBeNull();
    // Area B: two rings of 5 points with one separator.
    expect(high!['x']).toHaveLength(11);
    expect(low!['name']).toBe('58.1 to 58.1');
    expect(high!['name']).toBe('63.8 to 63.8');
    // Hand calculation: mean label latitude (51, 50.5) = 50.75; 1 / cos(50.75°) = 1.5811.
    const yaxis = spec.layout['yaxis'] as { scaleratio: number; scaleanchor: string };
    expect(yaxis.scaleanchor).toBe('x');
    expect(yaxis.scaleratio).toBeCloseTo(1 / Math.cos((50.75 * Math.PI) / 180), 10);
  });

  it('names the focus area in the headline, alt text and an outline; grey for no data', () => {
    const spec = buildChoroplethMap({
      ...tiny,
      rows: { ...tiny.rows, value: Float64Array.from([58.12, Number.NaN]) },
    });
    const names = spec.data.map((t) => t['name']);
    expect(names).toEqual(['58.1 to 58.1', 'No data', 'Area A', 'Areas']);
    expect(spec.data[1]!['fillcolor']).toBe('#BFBFBF');
    expect((spec.data[3]!['text'] as string[])[1]).toBe('Area B: no data');
    expect(spec.title).toBe(
      'Area A has the lowest male healthy life expectancy at birth of the 1 test areas with data, 2018-20',
    );
  });
});

describe('choropleth of the London boroughs boundary file', () => {
  const set = parseBoundaries(
    'london_boroughs_LAD_May_2024_UK_BSC.geojson',
    readFileSync('fixtures/data/boundaries/london_boroughs_LAD_May_2024_UK_BSC.geojson', 'utf8'),
  );
  const spec = buildChoroplethMap({
    ...tiny,
    areaLabel: 'London boroughs',
    focus: { code: 'E09000002', name: 'Barking and Dagenham' },
    rows: {
      areaCode: set.boundaries.map((b) => b.code),
      areaName: set.boundaries.map((b) => b.name),
      geometryJson: set.boundaries.map((b) => b.geometryJson),
      // Synthetic values 1..33 in file order: the test is about geometry and banding.
      value: Float64Array.from(set.boundaries, (_, i) => i + 1),
    },
  });

  it('maps all 33 boroughs in 5 equal-count bands', () => {
    const hover = spec.data.at(-1)!;
    expect(hover['customdata']).toHaveLength(33);
    const bands = spec.data.slice(0, 5);
    // floor(r * 5 / 33) for r = 0..32 gives band sizes 7, 7, 6, 7, 6.
    expect(bands.map((t) => t['name'])).toEqual([
      '1.0 to 7.0',
      '8.0 to 14.0',
      '15.0 to 20.0',
      '21.0 to 27.0',
      '28.0 to 33.0',
    ]);
    expect(spec.table.rows).toHaveLength(33);
  });

  it('centres the labels inside Greater London', () => {
    const hover = spec.data.at(-1)!;
    for (const lon of hover['x'] as number[]) expect(lon > -0.52 && lon < 0.34).toBe(true);
    for (const lat of hover['y'] as number[]) expect(lat > 51.28 && lat < 51.7).toBe(true);
  });
});
