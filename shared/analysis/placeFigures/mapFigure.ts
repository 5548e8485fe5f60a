/**
 * The map view: one indicator slice across the peers on the boundaries loaded in the workspace
 * (the offline choropleth, shared/figures/choroplethMap.ts). Boundaries come from the newest
 * vintage of each layer that holds a peer; peers without a boundary are named in the result.
 */
import type { Engine } from '../../engine/engine';
import { stringColumn } from '../../engine/columns';
import { buildChoroplethMap } from '../../figures/choroplethMap';
import type { FigureSpec } from '../../figures/spec';
import type { IndicatorInfo, PlaceComparison } from '../comparePlaces/types';
import { decimalsFor, rowsFor, unitFor, ENGLAND_CODE } from './placeFigures';
import { sliceWords, type SeriesKey } from './slices';

const BOUNDARY_SQL = (n: number) => `
  WITH wanted AS (SELECT unnest([${Array.from({ length: n }, () => '?').join(', ')}]::VARCHAR[]) AS code),
  newest AS (SELECT level, max(vintage) AS v FROM boundary GROUP BY level)
  SELECT b.code, b.name, b.geometry_json
  FROM boundary b JOIN newest ON b.level = newest.level AND b.vintage IS NOT DISTINCT FROM newest.v
  JOIN wanted USING (code)
  ORDER BY b.code`;

export interface PeerMap {
  readonly figure: FigureSpec | null;
  /** Peers with no boundary loaded (by name). */
  readonly withoutBoundary: readonly string[];
}

export async function peerMap(
  engine: Engine,
  result: PlaceComparison,
  indicator: IndicatorInfo,
  key: SeriesKey,
  period: string,
  source: string,
): Promise<PeerMap> {
  const rows = rowsFor(result, key, period, ENGLAND_CODE);
  const tables = await engine.query(
    `SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_schema = 'main' AND table_name = 'boundary'`,
  );
  if (rows.length === 0 || Number(tables.getChild('n')!.get(0)) === 0)
    return { figure: null, withoutBoundary: rows.map((r) => r.areaName) };
  const boundaries = await engine.query(
    BOUNDARY_SQL(rows.length),
    rows.map((r) => r.areaCode),
  );
  const codes = stringColumn(boundaries, 'code');
  const byCode = new Map(rows.map((r) => [r.areaCode, r]));
  const found = new Set(codes);
  const withoutBoundary = rows.filter((r) => !found.has(r.areaCode)).map((r) => r.areaName);
  if (codes.length === 0) return { figure: null, withoutBoundary };
  const figure = buildChoroplethMap({
    id: `map-${indicator.id}`,
    measure: indicator.name,
    unit: unitFor(indicator),
    period: `${period}, ${sliceWords(key)}`,
    source: `${source} Boundaries: ONS (OGL v3.0).`,
    note: 'Shading shows the value only; the compare-areas view tests each area against England.',
    areaLabel: result.peerGroupName,
    focus: result.context.focus,
    decimals: decimalsFor(indicator),
    rows: {
      areaCode: codes,
      areaName: stringColumn(boundaries, 'name'),
      geometryJson: stringColumn(boundaries, 'geometry_json'),
      value: Float64Array.from(codes, (c) => byCode.get(c ?? '')?.value ?? Number.NaN),
    },
  });
  return { figure, withoutBoundary };
}
