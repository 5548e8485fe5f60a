/**
 * Derive the geography lookups that ship with the app (shared/geography/lookups/) from the real
 * published files in fixtures/data. Run: `npx tsx scripts/build-lookups.ts`.
 *
 * The outputs are deterministic (sorted, no timestamps) so that a re-run on the same fixtures is
 * a no-op in git. Each output records the fixture it came from; lookups/README.md explains the
 * rules. The script fails loudly when a cross-check between sources does not hold (for example a
 * successor code that is not in the May 2024 LAD boundaries), rather than writing a lookup that
 * silently disagrees with the published files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';

const DATA = join(import.meta.dirname, '..', 'fixtures', 'data');
const OUT = join(import.meta.dirname, '..', 'shared', 'geography', 'lookups');

function csv(path: string): string[][] {
  const text = readFileSync(join(DATA, path), 'utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  return parsed.data;
}

function geojsonProps(path: string): Record<string, string>[] {
  const json = JSON.parse(readFileSync(join(DATA, path), 'utf8')) as {
    features: { properties: Record<string, string> }[];
  };
  return json.features.map((f) => f.properties);
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`build-lookups: ${message}`);
}

function write(name: string, value: unknown): void {
  // One row (or one group) per line keeps git diffs reviewable.
  const entries = Object.entries(value as Record<string, unknown>).map(([key, v]) => {
    const inner = Array.isArray(v)
      ? `[\n${v.map((x) => JSON.stringify(x)).join(',\n')}\n]`
      : typeof v === 'object' && v !== null
        ? `{\n${Object.entries(v)
            .map(([k, x]) => `${JSON.stringify(k)}: ${JSON.stringify(x)}`)
            .join(',\n')}\n}`
        : JSON.stringify(v);
    return `${JSON.stringify(key)}: ${inner}`;
  });
  const body = `{\n${entries.join(',\n')}\n}`;
  writeFileSync(join(OUT, name), `${body}\n`);
  console.log(`wrote ${name} (${(body.length / 1024).toFixed(0)} KB)`);
}

// ---- Sources ---------------------------------------------------------------------------------
const MYE = 'population/ons_mye2_mid2020_persons_by_single_year_age_2021geog.csv';
const LAD24 = 'boundaries/Local_Authority_Districts_May_2024_UK_BSC.geojson';
const CTYUA23 = 'boundaries/Counties_and_Unitary_Authorities_December_2023_UK_BSC.geojson';
const RGN23 = 'boundaries/Regions_December_2023_EN_BUC.geojson';
const FINGERTIPS = 'fingertips/indicators-CountyUA.data.csv';
const IMD1 = 'imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv';
const MSOA_IMD = 'imd2019/msoa_IMD19_scores.csv';
const LOCALHEALTH_MSOA = 'inequalities/localhealth/localhealth_msoa_raw.csv';
const TS007_LTLA = 'census2021/census2021-ts007-ltla.csv';
const TS007A = 'census2021/nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv';

interface Change {
  effective: string;
  from: [string, string][];
  to: string[];
  formerCounty?: string;
}
const successors = (
  JSON.parse(readFileSync(join(OUT, 'successors.json'), 'utf8')) as { changes: Change[] }
).changes;

// ---- 2021 hierarchy from the mid-2020 MYE (2021 geography) -----------------------------------
// The MYE sheet lists each region, then its counties each followed by their districts, then its
// unitary, metropolitan and London authorities: the parent of a row is read from that order.
const myeRegion = new Map<string, string>(); // code -> region
const myeCounty = new Map<string, string>(); // non-metropolitan district -> county
const myeName = new Map<string, string>();
const myeType = new Map<string, string>();
{
  let region = '';
  let county = '';
  for (const [code, name, geography] of csv(MYE).slice(1) as [string, string, string][]) {
    if (!/^[EW]/.test(code)) continue;
    myeName.set(code, name.trim());
    myeType.set(code, geography);
    if (geography === 'Region' || code === 'W92000004') region = code;
    if (geography === 'County') county = code;
    if (geography !== 'Non-metropolitan District' && geography !== 'County') county = '';
    if (geography !== 'Region' && geography !== 'Country') myeRegion.set(code, region);
    if (geography === 'Non-metropolitan District') {
      check(county !== '', `district ${code} in the MYE has no county above it`);
      myeCounty.set(code, county);
    }
  }
}

// ---- Fingertips: County & UA -> region (Parent Code), an older (pre-2019) vintage ------------
const fingertipsRegion = new Map<string, string>();
const fingertipsName = new Map<string, string>();
{
  const rows = csv(FINGERTIPS);
  const h = rows[0]!;
  const [ac, an, at, pc] = ['Area Code', 'Area Name', 'Area Type', 'Parent Code'].map((n) =>
    h.indexOf(n),
  );
  for (const r of rows.slice(1)) {
    if (r[at!] !== 'County & UA') continue;
    fingertipsRegion.set(r[ac!]!, r[pc!]!);
    fingertipsName.set(r[ac!]!, r[an!]!);
  }
}

// ---- IMD 2019 File 1: LSOA11 -> LAD19 --------------------------------------------------------
const lad19Name = new Map<string, string>();
const lsoa11 = csv(IMD1)
  .slice(1)
  .map(([code, name, lad, ladName]) => {
    lad19Name.set(lad!, ladName!);
    return { code: code!, name: name!, lad: lad! };
  });

// ---- Current (2023+) authorities: LAD May 2024, CTYUA Dec 2023, regions Dec 2023 -------------
const successorOf = new Map<string, string[]>();
const changeOf = new Map<string, Change>();
for (const change of successors)
  for (const [code] of change.from) {
    successorOf.set(code, change.to);
    changeOf.set(code, change);
  }

const lad24 = geojsonProps(LAD24);
const ctyua23 = geojsonProps(CTYUA23);
const rgn23 = geojsonProps(RGN23);
const currentCodes = new Set([
  ...lad24.map((p) => p.LAD24CD!),
  ...ctyua23.map((p) => p.CTYUA23CD!),
]);
for (const change of successors)
  for (const code of change.to)
    check(
      currentCodes.has(code) || successorOf.has(code),
      `successor ${code} is not in LAD24/CTYUA23`,
    );

const TYPE_BY_PREFIX: Record<string, string> = {
  E06: 'Unitary Authority',
  E07: 'Non-metropolitan District',
  E08: 'Metropolitan District',
  E09: 'London Borough',
  E10: 'County',
  W06: 'Unitary Authority',
  S12: 'Council Area',
  N09: 'Local Government District',
};

/** Region of a current or superseded authority: Fingertips Parent Code, the MYE, or (for a
 * 2021/2023 unitary that neither lists) the region of the areas it replaced, or (for a code
 * recoded before 2015, in no fixture) the region of its successor. Regions did not change. */
function regionOf(code: string, seen: ReadonlySet<string> = new Set()): string {
  if (code.startsWith('W')) return 'W92000004';
  if (code.startsWith('S')) return 'S92000003';
  if (code.startsWith('N')) return 'N92000002';
  const found = fingertipsRegion.get(code) ?? myeRegion.get(code);
  if (found !== undefined) return found;
  const next = new Set([...seen, code]);
  const predecessors = successors
    .filter((c) => c.to.includes(code))
    .flatMap((c) => c.from.map(([p]) => p));
  const related = [...predecessors, ...(successorOf.get(code) ?? [])].filter((c) => !next.has(c));
  const regions = new Set(related.map((c) => regionOf(c, next)));
  check(regions.size === 1, `cannot place ${code} in one region (${[...regions].join(', ')})`);
  return [...regions][0]!;
}

function parentOf(code: string): string {
  if (!code.startsWith('E07')) return regionOf(code);
  const mye = myeCounty.get(code);
  if (mye !== undefined) return mye;
  // A district abolished before 2021: its county is the county abolished with it, the county
  // split over its successor, or (for a merged district) its successor's county.
  const change = changeOf.get(code);
  check(change !== undefined, `district ${code} has no county in the MYE and no recorded change`);
  const county =
    change.from.find(([c]) => c.startsWith('E10'))?.[0] ??
    change.formerCounty ??
    successors.find(
      (c) => c.from.some(([f]) => f.startsWith('E10')) && c.to.some((t) => change.to.includes(t)),
    )?.from[0]?.[0] ??
    (change.to[0]!.startsWith('E07') ? parentOf(change.to[0]!) : undefined);
  check(county !== undefined, `cannot find the county of former district ${code}`);
  return county;
}

type AuthorityRow = [
  code: string,
  name: string,
  type: string,
  parent: string | null,
  vintage: string,
];
const authorities: AuthorityRow[] = [
  ['E92000001', 'England', 'Country', null, '2023'],
  ['W92000004', 'Wales', 'Country', null, '2023'],
  ['S92000003', 'Scotland', 'Country', null, '2023'],
  ['N92000002', 'Northern Ireland', 'Country', null, '2023'],
];
// Metropolitan counties (E11) have no council since 1986 but ONS files still list them; their
// districts keep the region as parent (they are upper-tier authorities themselves).
for (const [code, name] of myeName)
  if (myeType.get(code) === 'Metropolitan County')
    authorities.push([
      code,
      name.replace(/ \(Met County\)$/, ''),
      'Metropolitan County',
      regionOf(code),
      '2023',
    ]);
for (const p of rgn23) authorities.push([p.RGN23CD!, p.RGN23NM!, 'Region', 'E92000001', '2023']);
for (const p of ctyua23.filter((q) => q.CTYUA23CD!.startsWith('E10')))
  authorities.push([p.CTYUA23CD!, p.CTYUA23NM!, 'County', parentOf(p.CTYUA23CD!), '2023']);
for (const p of lad24) {
  const code = p.LAD24CD!;
  const type = TYPE_BY_PREFIX[code.slice(0, 3)];
  check(type !== undefined, `unexpected LAD24 code ${code}`);
  authorities.push([code, p.LAD24NM!, type, parentOf(code), '2023']);
}
// Superseded codes: vintage is the last year whose geography still had them.
for (const change of successors) {
  const vintage = String(Number(change.effective.slice(0, 4)) - 1);
  for (const [code, handName] of change.from) {
    const name = myeName.get(code) ?? lad19Name.get(code) ?? fingertipsName.get(code) ?? handName;
    authorities.push([code, name, TYPE_BY_PREFIX[code.slice(0, 3)]!, parentOf(code), vintage]);
  }
}
authorities.sort((a, b) => a[0].localeCompare(b[0]));
{
  const seen = new Set<string>();
  for (const [code] of authorities) {
    check(!seen.has(code), `authority ${code} listed twice`);
    seen.add(code);
  }
  // Every LAD19 (IMD) and LAD21 (MYE) code must be known, current or superseded.
  for (const code of [...lad19Name.keys(), ...myeName.keys()])
    check(seen.has(code) || !/^E0[6-9]|^E10|^W06/.test(code), `authority ${code} missing`);
  // Fingertips' Parent Code must agree with the MYE where both give a region.
  for (const [code, region] of fingertipsRegion)
    check(
      myeRegion.get(code) === undefined || myeRegion.get(code) === region,
      `${code}: region differs`,
    );
}
write('authorities.json', {
  '//': 'code, name, type, parent code, vintage. See README.md.',
  columns: ['code', 'name', 'type', 'parent_code', 'vintage'],
  rows: authorities,
});

// ---- MSOA 2011 -> LAD19, names from Local Health ---------------------------------------------
const msoaLabel = new Map<string, string>();
for (const line of readFileSync(join(DATA, LOCALHEALTH_MSOA), 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/)
  .slice(1)) {
  const [code, label] = line.split(';');
  if (code && label) msoaLabel.set(code, label);
}
const msoaByName = new Map<string, string>();
const msoaGroups: Record<string, [string, string, string][]> = {};
for (const [code, hocl, lad] of csv(MSOA_IMD).slice(1) as [string, string, string][]) {
  const name = msoaLabel.get(code);
  check(name !== undefined, `MSOA ${code} has no Local Health label`);
  msoaByName.set(name, code);
  (msoaGroups[lad] ??= []).push([code, name, hocl]);
}
write('msoa11.json', {
  '//': 'LAD19 code -> [MSOA11 code, MSOA11 name, House of Commons Library name]. See README.md.',
  groups: msoaGroups,
});

// ---- LSOA 2011 -> MSOA 2011 by name ("Barking and Dagenham 001A" is in MSOA "... 001") --------
const lsoa11Groups: Record<string, string> = {};
{
  const byMsoa = new Map<string, string[]>();
  for (const l of lsoa11) {
    const msoa = msoaByName.get(l.name.slice(0, -1));
    check(msoa !== undefined, `LSOA11 ${l.code} "${l.name}" matches no MSOA11 name`);
    check(
      msoaGroups[l.lad]!.some(([c]) => c === msoa),
      `LSOA11 ${l.code}: MSOA ${msoa} is in another LAD`,
    );
    const list = byMsoa.get(msoa) ?? [];
    list.push(l.code + l.name.slice(-1));
    byMsoa.set(msoa, list);
  }
  for (const key of [...byMsoa.keys()].sort()) lsoa11Groups[key] = byMsoa.get(key)!.join('|');
}
write('lsoa11.json', {
  '//': 'MSOA11 code -> "|"-separated LSOA11 code + final letter of its name (name = MSOA name + letter). See README.md.',
  groups: lsoa11Groups,
});

// ---- LSOA 2021 -> LAD21 by the LA name inside the Nomis LSOA name ----------------------------
// Nomis LSOA names use ONS's short LA names; the TS007 LTLA file uses the official ones.
const SHORT_NAMES: Record<string, string> = {
  Bristol: 'Bristol, City of',
  'Kingston upon Hull': 'Kingston upon Hull, City of',
  Herefordshire: 'Herefordshire, County of',
  'Rhondda Cynon Taf': 'Rhondda Cynon Taff',
};
const lad21ByName = new Map<string, string>();
for (const r of csv(TS007_LTLA).slice(1)) lad21ByName.set(r[1]!, r[2]!);
const lsoa21Groups: Record<string, { prefix: string; lsoas: string }> = {};
{
  const byLad = new Map<string, { prefix: string; list: string[] }>();
  let count = 0;
  for (const r of csv(TS007A)) {
    if (r.length < 3 || !/^[EW]01\d{6}$/.test(r[1] ?? '')) continue;
    const match = /^(.*) (\d{3}[A-Z])$/.exec(r[0]!);
    check(match !== null, `LSOA21 name "${r[0]!}" is not "<LA> <nnnX>"`);
    const prefix = match[1]!;
    const lad = lad21ByName.get(SHORT_NAMES[prefix] ?? prefix);
    check(lad !== undefined, `LSOA21 ${r[1]!}: no LAD21 named "${prefix}"`);
    const group = byLad.get(lad) ?? { prefix, list: [] };
    group.list.push(r[1]! + match[2]!);
    byLad.set(lad, group);
    count++;
  }
  check(count === 35672, `expected 35,672 LSOA21s, found ${String(count)}`);
  for (const key of [...byLad.keys()].sort()) {
    const g = byLad.get(key)!;
    lsoa21Groups[key] = { prefix: g.prefix, lsoas: g.list.sort().join('|') };
  }
}
write('lsoa21.json', {
  '//': 'LAD21 code -> name prefix and "|"-separated LSOA21 code + name suffix (name = prefix + " " + suffix). See README.md.',
  groups: lsoa21Groups,
});
