// Geography on the real shipped lookups and real fixtures. Expected counts come from the files
// themselves (fixtures/data/SOURCES.md): 115 LSOA21s and 110 LSOA11s in Barking and Dagenham,
// 33 London LAs (E09000001-33), Essex's 12 districts (Essex County Council's own list).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { freshTestEngine } from '../../main/engine/testEngine';
import {
  LONDON_BOROUGHS,
  AREA_TYPES,
  censusByLocality,
  classifyAreaCode,
  countyDistricts,
  loadShippedGeography,
  readLocalities,
  readPeerGroups,
  regionUpperTier,
  resolvePeerGroup,
  saveLocalities,
  savePeerGroups,
  LocalityError,
  addAreasFromData,
} from './index';
import { createSchema } from '../model/schema';

const DATA = join(import.meta.dirname, '..', '..', 'fixtures', 'data');
let engine: Engine;

async function strings(sql: string, params: (string | null)[] = []): Promise<string[]> {
  const t = await engine.query(sql, params);
  return t.getChild(t.schema.fields[0]!.name)!.toArray() as string[];
}
async function num(sql: string, params: (string | null)[] = []): Promise<number> {
  const t = await engine.query(sql, params);
  return Number(t.getChild(t.schema.fields[0]!.name)!.get(0));
}

beforeAll(async () => {
  engine = await freshTestEngine();
  await createSchema(engine);
  await loadShippedGeography(engine);
});

describe('classifyAreaCode', () => {
  it('knows current codes', () => {
    expect(classifyAreaCode('E09000002')).toMatchObject({
      status: 'current',
      name: 'Barking and Dagenham',
      type: 'London Borough',
    });
    expect(classifyAreaCode('E06000065')).toMatchObject({
      status: 'current',
      name: 'North Yorkshire',
    });
    expect(classifyAreaCode('E01035188')).toMatchObject({
      status: 'current',
      type: 'LSOA',
      vintage: '2021',
    }); // new in 2021
    expect(classifyAreaCode('E01000108')).toMatchObject({
      status: 'current',
      type: 'LSOA',
      vintage: '2021',
    }); // kept from 2011;
  });
  it('gives successors for the 2019-2023 reorganisations, following chains', () => {
    for (const [old, next] of [
      ['E07000004', ['E06000060']],
      ['E07000007', ['E06000060']],
      ['E07000150', ['E06000061']],
      ['E07000154', ['E06000062']],
      ['E10000021', ['E06000061', 'E06000062']],
      ['E07000026', ['E06000063']],
      ['E07000031', ['E06000064']],
      ['E10000023', ['E06000065']],
      ['E07000190', ['E06000066']], // Taunton Deane -> Somerset West and Taunton (2019) -> Somerset (2023)
      ['E06000028', ['E06000058']],
    ] as const) {
      const c = classifyAreaCode(old);
      expect(c.status, old).toBe('older-vintage');
      if (c.status === 'older-vintage') expect(c.successors).toEqual(next);
    }
  });
  it('flags 2011 LSOAs that were not kept in 2021 and says unknown for the rest', () => {
    // E01000010 is in IMD 2019 File 1 (LSOA11) but not in Census 2021 TS007A (LSOA21).
    expect(classifyAreaCode('E01000010')).toMatchObject({
      status: 'older-vintage',
      vintage: '2011',
      successors: [],
    });
    expect(classifyAreaCode('X09000002')).toEqual({
      status: 'unknown',
      code: 'X09000002',
      reason: 'malformed',
    });
    expect(classifyAreaCode('E09000099')).toEqual({
      status: 'unknown',
      code: 'E09000099',
      reason: 'not-in-lookups',
    });
    expect(classifyAreaCode(' E09000002')).toMatchObject({
      status: 'unknown',
      reason: 'malformed',
    });
  });
});

describe('area table from the shipped lookups', () => {
  it('has 115 LSOA21s and 110 LSOA11s in Barking and Dagenham', async () => {
    const count = (vintage: string) =>
      num(
        `SELECT count(*) FROM area l
         LEFT JOIN area m ON m.code = l.parent_code AND m.type = 'MSOA'
         WHERE l.type = 'LSOA' AND l.vintage = ? AND coalesce(m.parent_code, l.parent_code) = 'E09000002'`,
        [vintage],
      );
    expect(await count('2021')).toBe(115);
    expect(await count('2011')).toBe(110);
    expect(
      await num(`SELECT count(*) FROM area WHERE type = 'MSOA' AND parent_code = 'E09000002'`),
    ).toBe(22);
  });

  it('walks LSOA -> MSOA -> district -> county -> region -> England', async () => {
    // An Essex LSOA11 (Basildon 014E in IMD 2019 File 1; MSOA Basildon 014 is E02004437 in Local Health).
    const chain = await strings(
      `WITH RECURSIVE up(code, parent, depth) AS (
         SELECT code, parent_code, 0 FROM area WHERE code = 'E01021278' AND vintage = '2011'
         UNION ALL SELECT a.code, a.parent_code, up.depth + 1 FROM area a JOIN up ON a.code = up.parent
           WHERE a.vintage IN ('2011', '2023'))
       SELECT code FROM up ORDER BY depth`,
    );
    expect(chain).toEqual([
      'E01021278',
      'E02004437',
      'E07000066',
      'E10000012',
      'E12000006',
      'E92000001',
    ]);
  });

  it('maps LSOAs of abolished districts to the successor authority', async () => {
    // Allerdale (E07000026) LSOA21s belong to Cumberland (E06000063) since April 2023.
    const n = await num(
      `SELECT count(*) FROM area WHERE type = 'LSOA' AND vintage = '2021' AND parent_code = 'E06000063'`,
    );
    expect(n).toBeGreaterThan(0);
    expect(
      await num(`SELECT count(*) FROM area WHERE type = 'LSOA' AND parent_code = 'E07000026'`),
    ).toBe(0);
  });

  it('is idempotent, and lookup rows replace rows an import added for the same code', async () => {
    const before = await num('SELECT count(*) FROM area');
    await engine.exec(
      `INSERT INTO area VALUES ('E09000002', 'Barking and Dagenham', 'County & UA', NULL, NULL, 'source_file:7'), ('E05000026', 'Abbey', NULL, NULL, NULL, 'source_file:7')`,
    );
    await loadShippedGeography(engine);
    expect(await num('SELECT count(*) FROM area')).toBe(before + 1); // the ward stays
    expect(await strings(`SELECT source FROM area WHERE code = 'E09000002'`)).toEqual([
      'lookup:authorities',
    ]);
    await engine.exec(`DELETE FROM area WHERE code = 'E05000026'`);
  });
});

describe('peer groups', () => {
  it('London boroughs are the 33 London LAs', async () => {
    const members = await resolvePeerGroup(engine, LONDON_BOROUGHS);
    expect(members).toEqual(
      Array.from({ length: 33 }, (_, i) => `E090000${String(i + 1).padStart(2, '0')}`),
    );
  });
  it("Essex's 12 districts", async () => {
    const members = await resolvePeerGroup(engine, countyDistricts('E10000012', 'Essex'));
    const names = await strings(
      `SELECT name FROM area WHERE code IN (SELECT unnest(?::VARCHAR[])) AND vintage = '2023' ORDER BY name`,
      [`[${members.join(',')}]`],
    );
    expect(names).toEqual([
      'Basildon',
      'Braintree',
      'Brentwood',
      'Castle Point',
      'Chelmsford',
      'Colchester',
      'Epping Forest',
      'Harlow',
      'Maldon',
      'Rochford',
      'Tendring',
      'Uttlesford',
    ]);
  });
  it('East of England upper tier: Essex and its unitaries, not its districts', async () => {
    const members = await resolvePeerGroup(engine, regionUpperTier('E12000006', 'East of England'));
    expect(members).toContain('E10000012');
    expect(members).toContain('E06000033'); // Southend-on-Sea
    expect(members).not.toContain('E07000066');
    expect(members).toHaveLength(11); // 5 counties + 6 unitaries (CTYUA Dec 2023)
  });
  it('stores and reads back definitions and members', async () => {
    const custom = {
      id: 'nn',
      name: 'Nearest neighbours',
      definition: { kind: 'custom', codes: ['E09000030', 'E09000025'] },
    } as const;
    const saved = await savePeerGroups(engine, [LONDON_BOROUGHS, custom]);
    expect(saved.nn).toEqual(['E09000025', 'E09000030']);
    expect(await readPeerGroups(engine)).toEqual(
      [LONDON_BOROUGHS, custom].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(
      await num(`SELECT count(*) FROM peer_group_member WHERE peer_group_id = 'london-boroughs'`),
    ).toBe(33);
  });
});

describe('localities', () => {
  it('aggregates Census TS007A LSOA counts to a locality to the exact sum', async () => {
    // Load the B&D rows of the real Nomis TS007A file into `census` (long form), as the importer
    // does; the expected sum is computed independently from the CSV text below.
    const text = readFileSync(
      join(DATA, 'census2021', 'nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv'),
      'utf8',
    );
    const rows = text.split('\n').filter((l) => l.startsWith('"Barking and Dagenham '));
    expect(rows).toHaveLength(115);
    const parsed = rows.map((l) => l.replaceAll('"', '').trim().split(','));
    const first10 = parsed.filter((r) =>
      /Barking and Dagenham 00[1-9]|Barking and Dagenham 010/.test(r[0]!),
    );
    const members = first10.map((r) => r[1]!);
    const expectedTotal = first10.reduce((s, r) => s + Number(r[2]), 0);
    const expectedUnder5 = first10.reduce((s, r) => s + Number(r[3]), 0);

    await engine.exec(`DELETE FROM census`);
    const values: string[] = [];
    for (const r of parsed)
      values.push(
        `('TS007A', '${r[1]!}', 'lsoa', 'Age', 'Total', ${r[2]!}, 1)`,
        `('TS007A', '${r[1]!}', 'lsoa', 'Age', 'Aged 4 years and under', ${r[3]!}, 1)`,
      );
    await engine.exec(
      `INSERT INTO census (table_id, area_code, geography_level, dimension, category, count, source_file_id) VALUES ${values.join(',')}`,
    );

    const unknown = await saveLocalities(engine, [
      {
        code: 'BD-NORTH',
        name: 'B&D MSOAs 001-010',
        memberType: AREA_TYPES.lsoa,
        vintage: '2021',
        parentCode: 'E09000002',
        members,
      },
    ]);
    expect(unknown).toEqual({ 'BD-NORTH': [] });
    const t = await censusByLocality(engine, 'TS007A');
    const rowsOut = t.toArray().map((r: Record<string, unknown>) => ({
      category: r.category,
      count: r.count,
      n: Number(r.members_with_data),
    }));
    expect(rowsOut).toEqual([
      { category: 'Aged 4 years and under', count: expectedUnder5, n: members.length },
      { category: 'Total', count: expectedTotal, n: members.length },
    ]);
    expect((await readLocalities(engine))[0]!.members).toEqual([...members].sort());
    // Loaded-data codes already known to `area` add nothing.
    expect(await addAreasFromData(engine)).toBe(0);
  });

  it('rejects a locality that would be confused with an ONS area, and reports unknown members', async () => {
    await expect(
      saveLocalities(engine, [
        {
          code: 'E09000002',
          name: 'x',
          memberType: 'LSOA',
          vintage: null,
          parentCode: null,
          members: ['E01000027'],
        },
      ]),
    ).rejects.toThrow(LocalityError);
    const unknown = await saveLocalities(engine, [
      {
        code: 'TH-1',
        name: 'Tower Hamlets locality 1',
        memberType: 'LSOA',
        vintage: '2011',
        parentCode: 'E09000030',
        members: ['E01004193', 'E01999999'],
      },
    ]);
    expect(unknown['TH-1']).toEqual(['E01999999']);
  });
});
