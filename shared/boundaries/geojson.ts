/**
 * Boundaries for maps: parse a GeoJSON FeatureCollection of area polygons (ONS Open Geography
 * downloads, UK-GeoJSON and similar) into a validated set of boundaries keyed by area code.
 *
 * The area-code property is recognised from ONS's naming convention `<LEVEL><yy>CD` with its
 * name in `<LEVEL><yy>NM` (e.g. `LAD24CD`/`LAD24NM`, `CTYUA23CD`, `RGN23CD`, `LSOA11CD`), which
 * also gives the boundary vintage (2024, 2023, 2011): codes change at boundary reviews, so a
 * map has to say which vintage it draws. Coordinates must be longitude/latitude (WGS84 / CRS84):
 * British National Grid eastings and northings are rejected with a message saying how to fix it.
 */

export interface Boundary {
  readonly code: string;
  readonly name: string;
  /** Feature geometry, re-serialised compactly. */
  readonly geometryJson: string;
  readonly bbox: readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];
}

export interface BoundarySet {
  readonly fileName: string;
  /** ONS level prefix from the code property, e.g. `LAD`, `CTYUA`, `RGN`, `LSOA`; or `area`. */
  readonly level: string;
  /** Vintage year from the property name (`LAD24CD` -> 2024), or null when not stated. */
  readonly vintage: number | null;
  readonly codeProperty: string;
  readonly boundaries: readonly Boundary[];
}

/** A boundary file that cannot be used, naming the file, the feature and what to do. */
export class BoundaryError extends Error {
  override readonly name = 'BoundaryError';
  constructor(
    readonly fileName: string,
    /** 1-based feature number, when the problem is in one feature. */
    readonly feature: number | undefined,
    /** The problem and what to do, without the location. */
    readonly detail: string,
  ) {
    super(`${fileName}${feature === undefined ? '' : `, feature ${String(feature)}`}: ${detail}`);
  }
}

const ONS_CODE_PROPERTY = /^([A-Z]+)(\d{2})CD$/;
const FALLBACK_CODE_PROPERTIES = ['code', 'area_code', 'areaCode', 'AREACD', 'geo_code'] as const;
const FALLBACK_NAME_PROPERTIES = ['name', 'area_name', 'areaName', 'AREANM', 'geo_label'] as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = Record<string, Json>;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parse and validate GeoJSON text. Throws BoundaryError on anything a map cannot use. */
export function parseBoundaries(fileName: string, text: string): BoundarySet {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new BoundaryError(
      fileName,
      undefined,
      `is not valid JSON (${(error as Error).message}); export the boundaries again as GeoJSON.`,
    );
  }
  return boundariesFromJson(fileName, root);
}

/** True when a parsed JSON value is a GeoJSON FeatureCollection (how the importer detects it). */
export function isFeatureCollection(value: unknown): boolean {
  return isObject(value as Json) && (value as JsonObject).type === 'FeatureCollection';
}

/** Validate an already-parsed GeoJSON value (the importer parses JSON once for every format). */
export function boundariesFromJson(fileName: string, value: unknown): BoundarySet {
  const root = value as Json;
  if (!isObject(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features)) {
    throw new BoundaryError(
      fileName,
      undefined,
      'is not a GeoJSON FeatureCollection; boundary files must have "type": "FeatureCollection" and a "features" list.',
    );
  }
  const features = root.features;
  if (features.length === 0) throw new BoundaryError(fileName, undefined, 'has no features.');
  const first = features[0];
  const firstProps = isObject(first) && isObject(first.properties) ? first.properties : {};
  const { codeProperty, nameProperty, level, vintage } = recogniseProperties(fileName, firstProps);

  const seen = new Map<string, number>();
  const boundaries = features.map((feature, index): Boundary => {
    const n = index + 1;
    if (!isObject(feature) || feature.type !== 'Feature' || !isObject(feature.properties)) {
      throw new BoundaryError(fileName, n, 'is not a GeoJSON Feature with properties.');
    }
    const code = feature.properties[codeProperty];
    if (typeof code !== 'string' || code.trim() === '') {
      throw new BoundaryError(fileName, n, `has no area code in property "${codeProperty}".`);
    }
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      throw new BoundaryError(
        fileName,
        n,
        `repeats area code ${code} (first in feature ${String(earlier)}); each area needs exactly one boundary.`,
      );
    }
    seen.set(code, n);
    const rawName = nameProperty === undefined ? undefined : feature.properties[nameProperty];
    const name = typeof rawName === 'string' && rawName.trim() !== '' ? rawName : code;
    const geometry = feature.geometry;
    if (!isObject(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
      throw new BoundaryError(fileName, n, `(${code}) has no Polygon or MultiPolygon geometry.`);
    }
    const bbox = boundingBox(fileName, n, code, geometry.coordinates);
    return { code, name, geometryJson: JSON.stringify(geometry), bbox };
  });
  return { fileName, level, vintage, codeProperty, boundaries };
}

function recogniseProperties(
  fileName: string,
  props: JsonObject,
): {
  codeProperty: string;
  nameProperty: string | undefined;
  level: string;
  vintage: number | null;
} {
  for (const key of Object.keys(props)) {
    const match = ONS_CODE_PROPERTY.exec(key);
    if (match !== null) {
      const [, level, yy] = match;
      const nameKey = `${level!}${yy!}NM`;
      return {
        codeProperty: key,
        nameProperty: nameKey in props ? nameKey : undefined,
        level: level!,
        vintage: 2000 + Number(yy),
      };
    }
  }
  const codeProperty = FALLBACK_CODE_PROPERTIES.find((k) => k in props);
  if (codeProperty === undefined) {
    const found = Object.keys(props).join(', ') || 'none';
    throw new BoundaryError(
      fileName,
      1,
      `has no area-code property (expected an ONS-style name such as LAD24CD, or "code"; found: ${found}).`,
    );
  }
  return {
    codeProperty,
    nameProperty: FALLBACK_NAME_PROPERTIES.find((k) => k in props),
    level: 'area',
    vintage: null,
  };
}

/** Walk nested coordinate arrays, checking every position is a finite longitude/latitude. */
function boundingBox(
  fileName: string,
  feature: number,
  code: string,
  coordinates: Json | undefined,
): Boundary['bbox'] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  const visit = (node: Json | undefined, depth: number): void => {
    if (!Array.isArray(node) || depth > 4) {
      throw new BoundaryError(fileName, feature, `(${code}) has malformed coordinates.`);
    }
    if (typeof node[0] === 'number') {
      const [lon, lat] = node;
      if (
        typeof lon !== 'number' ||
        typeof lat !== 'number' ||
        !Number.isFinite(lon) ||
        !Number.isFinite(lat)
      ) {
        throw new BoundaryError(
          fileName,
          feature,
          `(${code}) has a position that is not two numbers.`,
        );
      }
      if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
        throw new BoundaryError(
          fileName,
          feature,
          `(${code}) has coordinates (${String(lon)}, ${String(lat)}) that are not longitude/latitude; they look like British National Grid metres. Download the boundaries in WGS84 (EPSG:4326) instead.`,
        );
      }
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
      return;
    }
    for (const child of node) visit(child, depth + 1);
  };
  visit(coordinates, 0);
  if (minLon === Infinity)
    throw new BoundaryError(fileName, feature, `(${code}) has an empty geometry.`);
  return [minLon, minLat, maxLon, maxLat];
}
