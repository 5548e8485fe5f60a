/**
 * Geography: area codes, their vintages and hierarchy, user localities and peer groups.
 * Everything here runs on the shipped lookups (lookups/README.md) and the `area` table.
 */
export {
  AREA_TYPES,
  LOWER_TIER_TYPES,
  UPPER_TIER_TYPES,
  lookupAreas,
  currentSuccessors,
  SUCCESSOR_CHANGES,
} from './lookups';
export type { AreaType, LookupArea, SuccessorChange } from './lookups';
export { classifyAreaCode, knownAreaCodes, type AreaCodeClass } from './classify';
export {
  GEOGRAPHY_DDL,
  type GeographyTable,
  createGeographyTables,
  loadShippedGeography,
  addAreasFromData,
} from './areaTable';
export {
  saveLocalities,
  readLocalities,
  removeLocality,
  censusByLocality,
  populationByLocality,
  observationCountsByLocality,
  LocalityError,
  type Locality,
  type LocalityMemberType,
} from './localities';
export {
  LONDON_BOROUGHS,
  countyDistricts,
  regionUpperTier,
  regionLowerTier,
  resolvePeerGroup,
  savePeerGroups,
  readPeerGroups,
  removePeerGroup,
  type PeerGroup,
  type PeerGroupDefinition,
} from './peerGroups';
