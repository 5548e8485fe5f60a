/**
 * The Data view's pure helpers, and its SQL run against a real DuckDB (the Node engine, as
 * STYLE.md asks): mapping checks, pasted codes, the saved-mapping store, the area pickers, the
 * Census category order, and the file list rebuilt from an opened workspace.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../shared/engine/engine';
import { loadShippedGeography } from '../../../shared/geography/areaTable';
import {
  LONDON_BOROUGHS,
  readPeerGroups,
  removePeerGroup,
  savePeerGroups,
} from '../../../shared/geography/peerGroups';
import { importFile, rememberMapping, emptyMappingStore } from '../../../shared/import';
import { freshTestEngine } from '../../../main/engine/testEngine';
import { importFactsOf, restoredFiles } from '../workspace/restoredFiles';
import type { LoadedFile } from '../data/importData';
import {
  categoryOrder,
  localAuthorities,
  memberKindOf,
  parseCodes,
  smallAreasIn,
} from './geographyQueries';
import { mappingGaps, reusedColumns } from './mappingFields';
import {
  loadMappingStore,
  MAPPING_STORAGE_KEY,
  mergeMappingStores,
  saveMappingStore,
} from './mappingStorage';

describe('mapping checks', () => {
  it('names what is missing before a mapping can be imported', () => {
    expect(mappingGaps({ columns: {} })).toEqual([
      'choose the area code column',
      'choose the period column',
      'choose the value column',
      'choose the indicator column or type the indicator’s name',
    ]);
    expect(
      mappingGaps({ columns: { area_code: 'A', period: 'P', value: 'V' }, indicatorName: ' ' }),
    ).toHaveLength(1);
    expect(
      mappingGaps({ columns: { area_code: 'A', period: 'P', value: 'V' }, indicatorName: 'Rate' }),
    ).toEqual([]);
  });

  it('points out a column given two roles', () => {
    expect(reusedColumns({ columns: { value: 'Rate', count: 'Rate', period: 'Year' } })).toEqual([
      'Rate',
    ]);
  });
});

describe('pasted area codes', () => {
  it('splits on commas, spaces and new lines, upper-cases and drops repeats', () => {
    expect(parseCodes('e01004222, E01004223\nE01004222\tE01004226;')).toEqual([
      'E01004222',
      'E01004223',
      'E01004226',
    ]);
    expect(parseCodes('E01004222 e01004223\nTower Hamlets 001A')).toEqual([
      'E01004222',
      'E01004223',
      'Tower Hamlets 001A',
    ]);
  });
  it('knows LSOA, MSOA and ward codes by prefix, and nothing else', () => {
    expect(
      ['E01004222', 'W02000001', 'E05009317', 'E09000030', 'Tower Hamlets 001A'].map(memberKindOf),
    ).toEqual(['LSOA', 'MSOA', 'Ward', undefined, undefined]);
  });
});

describe('saved mappings in browser storage', () => {
  function fakeStorage(): Storage {
    const data = new Map<string, string>();
    return {
      get length() {
        return data.size;
      },
      clear: () => data.clear(),
      getItem: (k) => data.get(k) ?? null,
      key: (i) => [...data.keys()][i] ?? null,
      removeItem: (k) => data.delete(k),
      setItem: (k, v) => data.set(k, v),
    };
  }
  const header = ['LA code', 'Year', 'Rate'];
  const mapping = {
    columns: { area_code: 'LA code', period: 'Year', value: 'Rate' },
    indicatorName: 'X',
  };

  it('round-trips, and a damaged entry gives an empty store', () => {
    const storage = fakeStorage();
    const store = rememberMapping(
      emptyMappingStore(),
      header,
      mapping,
      new Date('2026-01-01T00:00:00Z'),
    );
    saveMappingStore(store, storage);
    expect(loadMappingStore(storage)).toEqual(store);
    storage.setItem(MAPPING_STORAGE_KEY, '{not json');
    expect(loadMappingStore(storage)).toEqual(emptyMappingStore());
  });

  it('merges a workspace’s mappings over the local ones, ignoring junk', () => {
    const local = rememberMapping(emptyMappingStore(), ['a', 'b'], mapping, new Date(0));
    const incoming = rememberMapping(emptyMappingStore(), header, mapping, new Date(1));
    expect(Object.keys(mergeMappingStores(local, incoming).entries)).toHaveLength(2);
    expect(mergeMappingStores(local, 'junk')).toEqual(local);
  });
});

describe('against DuckDB', () => {
  let engine: Engine;
  // Tower Hamlets rows of the Nomis TS007A LSOA report (fixtures/data/SOURCES.md), unchanged.
  const lines = readFileSync(
    'fixtures/data/census2021/nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv',
    'utf8',
  ).split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.startsWith('"2021 super output area - lower layer"'));
  const th = lines.filter((l, i) => i <= headerAt + 1 || l.startsWith('"Tower Hamlets '));
  const tower = { code: 'E09000030', name: 'Tower Hamlets' };

  beforeAll(async () => {
    engine = await freshTestEngine();
    const report = await importFile(engine, {
      name: 'th.csv',
      bytes: new TextEncoder().encode(th.join('\r\n')),
    });
    expect(report.status).toBe('imported');
  });
  afterAll(async () => {
    await engine.close();
  });

  it('lists Census categories in the file’s column order', async () => {
    const order = await categoryOrder(engine, 'TS007A');
    expect(order.slice(0, 3)).toEqual(['Total', 'Aged 4 years and under', 'Aged 5 to 9 years']);
    expect(order.at(-1)).toBe('Aged 85 years and over');
  });

  it('picks LSOAs by their ONS names before the lookups are loaded, and by parent after', async () => {
    const fromData = await smallAreasIn(engine, 'LSOA', tower, 'Tower Hamlets 001');
    // The fixture's Tower Hamlets 001x rows (count from the file).
    expect(fromData.map((a) => a.code)).toEqual(
      th
        .filter((l) => l.startsWith('"Tower Hamlets 001'))
        .map((l) => l.split(',')[1]!.replace(/"/g, ''))
        .sort((a, b) => a.localeCompare(b)),
    );
    expect(await smallAreasIn(engine, 'MSOA', tower, '')).toEqual([]);
    await loadShippedGeography(engine);
    const las = await localAuthorities(engine);
    expect(las.find((a) => a.code === 'E09000030')?.name).toBe('Tower Hamlets');
    const msoas = await smallAreasIn(engine, 'MSOA', tower, '');
    expect(msoas.length).toBeGreaterThan(30);
    expect(msoas.every((m) => m.code.startsWith('E02'))).toBe(true);
  });

  it('removes a peer group and its members', async () => {
    await savePeerGroups(engine, [LONDON_BOROUGHS]);
    expect((await readPeerGroups(engine)).map((g) => g.id)).toEqual(['london-boroughs']);
    await removePeerGroup(engine, 'london-boroughs');
    expect(await readPeerGroups(engine)).toEqual([]);
    const left = await engine.query('SELECT count(*)::INTEGER AS n FROM peer_group_member');
    expect(Number(left.getChild('n')!.get(0))).toBe(0);
  });

  it('rebuilds the file list of an opened workspace, with the facts saved for each file', async () => {
    const plain = await restoredFiles(engine, new Set(['source_file', 'census']));
    expect(plain).toHaveLength(1);
    const file = plain[0]!;
    expect(file.outcome.kind).toBe('imported');
    if (file.outcome.kind !== 'imported') return;
    // Without saved facts the rows written stand in for rows read.
    expect(file.outcome.report.rowsRead).toBe(file.outcome.report.rowsWritten.census);
    expect(await file.outcome.view!.count()).toBe(file.outcome.report.rowsWritten.census);
    const facts = importFactsOf([
      {
        ...file,
        outcome: {
          ...file.outcome,
          report: { ...file.outcome.report, rowsRead: 169, encoding: 'utf-8' },
        },
      } as LoadedFile,
    ]);
    const withFacts = await restoredFiles(engine, new Set(['source_file', 'census']), facts);
    expect(withFacts[0]!.outcome.kind === 'imported' && withFacts[0]!.outcome.report.rowsRead).toBe(
      169,
    );
  });
});
