/**
 * GeoJSON polygons as Plotly scatter paths, so maps draw on plain cartesian axes and never
 * use Plotly's geo or mapbox traces (those fetch base maps and topojson from a CDN, which an
 * offline app with a strict CSP must not do). Longitude and latitude are plotted as x and y;
 * the map's y axis is scaled by 1 / cos(mean latitude) (an equirectangular projection), which
 * keeps shapes true to within a fraction of a percent across an area the size of a region.
 */

/** One area's outline as x/y paths (rings separated by null) and a point to label it at. */
export interface AreaPath {
  readonly x: (number | null)[];
  readonly y: (number | null)[];
  /** Centroid of the area's largest ring (its main landmass), for labels and hover points. */
  readonly label: readonly [lon: number, lat: number];
}

/** Thrown when stored geometry is not a Polygon or MultiPolygon of [lon, lat] pairs. */
export class MapGeometryError extends Error {
  override readonly name = 'MapGeometryError';
}

type Ring = readonly (readonly number[])[];

/** Parse `boundary.geometry_json` (Polygon or MultiPolygon) into paths; holes are rings too. */
export function areaPath(code: string, geometryJson: string): AreaPath {
  const geometry = JSON.parse(geometryJson) as { type?: unknown; coordinates?: unknown };
  let polygons: readonly (readonly Ring[])[];
  if (geometry.type === 'Polygon') polygons = [geometry.coordinates as Ring[]];
  else if (geometry.type === 'MultiPolygon') polygons = geometry.coordinates as Ring[][];
  else {
    throw new MapGeometryError(
      `Boundary ${code} is a ${String(geometry.type)}, not a Polygon or MultiPolygon; load polygon boundaries for maps.`,
    );
  }
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  let largest: { area: number; centre: [number, number] } | null = null;
  for (const polygon of polygons) {
    // With fill 'toself', Plotly fills each null-separated ring with the even-odd rule, so a
    // hole (an inner ring) is left unfilled when drawn after its outer ring.
    for (const [r, ring] of polygon.entries()) {
      for (const point of ring) {
        const lon = point[0];
        const lat = point[1];
        if (typeof lon !== 'number' || typeof lat !== 'number') {
          throw new MapGeometryError(`Boundary ${code} has a coordinate that is not a number.`);
        }
        x.push(round(lon));
        y.push(round(lat));
      }
      x.push(null);
      y.push(null);
      if (r === 0) {
        const c = ringCentroid(ring);
        if (largest === null || c.area > largest.area) largest = c;
      }
    }
  }
  if (largest === null) throw new MapGeometryError(`Boundary ${code} has no coordinates.`);
  // Drop the trailing separator: traces join areas with their own.
  x.pop();
  y.pop();
  return { x, y, label: [round(largest.centre[0]), round(largest.centre[1])] };
}

/** Shoelace area and centroid of a ring (planar in degrees: fine for choosing a label point). */
function ringCentroid(ring: Ring): { area: number; centre: [number, number] } {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    const cross = x0 * y1 - x1 * y0;
    twiceArea += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (twiceArea === 0) {
    const first = ring[0] as [number, number] | undefined;
    return { area: 0, centre: first === undefined ? [0, 0] : [first[0], first[1]] };
  }
  return { area: Math.abs(twiceArea / 2), centre: [cx / (3 * twiceArea), cy / (3 * twiceArea)] };
}

/** Five decimals of a degree is about a metre: finer detail only bloats the spec. */
function round(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
