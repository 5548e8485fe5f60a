/**
 * Localities and peer groups in a real browser: a locality built from Tower Hamlets LSOAs picked
 * from the loaded areas shows the Census counts of its members summed (checked against the
 * fixture's own rows), and peer groups resolve to the 33 London authorities and Essex's 12
 * districts from the shipped ONS lookups.
 *
 * The LSOA file is the Nomis TS007A report (fixtures/data/SOURCES.md) cut to its title block,
 * header and Tower Hamlets rows, unchanged: the same rows the full file holds, small enough to
 * import in a second.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isLocal, openApp, waitForDemo, type AppSession } from './browser';
import { addFiles, screenshot, showDataView } from './dataViewHelpers';

const LSOA_CENSUS = 'fixtures/data/census2021/nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv';

let app: AppSession;
let scratch: string;
let towerHamlets: string;

/** The report's lines up to and including the header's blank line, then Tower Hamlets rows. */
function towerHamletsFile(): { path: string; rows: string[][]; header: string[] } {
  const lines = readFileSync(LSOA_CENSUS, 'utf8').split(/\r?\n/);
  const headerAt = lines.findIndex((l) => l.startsWith('"2021 super output area - lower layer"'));
  const keep = lines.filter((l, i) => i <= headerAt + 1 || l.startsWith('"Tower Hamlets '));
  const path = join(scratch, 'nomis_TS007A_lsoa2021_tower_hamlets.csv');
  writeFileSync(path, `${keep.join('\r\n')}\r\n`);
  const parse = (l: string) => Papa.parse<string[]>(l).data[0]!;
  return { path, header: parse(lines[headerAt]!), rows: keep.slice(headerAt + 2).map(parse) };
}

let th: ReturnType<typeof towerHamletsFile>;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'jsna-e2e-geo-'));
  th = towerHamletsFile();
  towerHamlets = th.path;
  app = await openApp(inject('rendererUrl'));
  await waitForDemo(app.page);
});
afterAll(async () => {
  await app?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('localities', () => {
  it('sums the Census counts of LSOAs picked for a locality', async () => {
    const page = app.page;
    await addFiles(page, towerHamlets);
    await expect.poll(() => page.getByTestId('import-status').innerText()).toBe('Imported');
    await showDataView(page);

    const panel = page.getByRole('region', { name: 'Localities' });
    const defineLocality = async (name: string, prefix: string): Promise<string[][]> => {
      await panel.getByLabel('Locality name').fill(name);
      await panel
        .getByLabel('Local authority')
        .selectOption({ label: 'Tower Hamlets (E09000030)' });
      await panel.getByLabel('Name or code contains').fill(prefix);
      const members = th.rows.filter((r) => r[0]!.startsWith(prefix));
      const addButton = panel.getByRole('button', { name: /^Add \d+ matching area/ });
      await expect
        .poll(() => addButton.innerText())
        .toBe(`Add ${String(members.length)} matching areas`);
      await addButton.click();
      await panel.getByRole('button', { name: 'Save locality' }).click();
      await expect
        .poll(() => panel.getByTestId('locality-message').innerText())
        .toMatch(new RegExp(`^Saved ${name.replace(/[()]/g, '\\$&')}`));
      return members;
    };
    const first = await defineLocality('Locality 1 (test)', 'Tower Hamlets 001');
    const second = await defineLocality('Locality 2 (test)', 'Tower Hamlets 002');
    expect(first.length).toBeGreaterThan(2);

    // Names pasted instead of codes are refused, saying what is wrong.
    await panel.getByLabel('Locality name').fill('Typo');
    await panel.getByLabel(/^Member codes/).fill('E01004222\nTower Hamlets 001A');
    await panel.getByRole('button', { name: 'Save locality' }).click();
    await expect
      .poll(() => panel.getByTestId('locality-message').innerText())
      .toMatch(
        /^Tower Hamlets 001A is not an LSOA \(E01…\), MSOA \(E02…\) or ward \(E05…\) code\./,
      );

    // Categories in the file's order (Total first), one column per locality, sums of members.
    const census = panel.getByTestId('locality-census');
    await expect
      .poll(() => census.locator('thead th').allInnerTexts())
      .toEqual(['Category', 'Locality 1 (test)', 'Locality 2 (test)']);
    const rowHeads = await census.locator('tbody th').allInnerTexts();
    expect(rowHeads.slice(0, 3)).toEqual(['Total', 'Aged 4 years and under', 'Aged 5 to 9 years']);
    const sum = (members: string[][], column: string) =>
      members.reduce((s, r) => s + Number(r[th.header.indexOf(column)]), 0);
    for (const column of ['Total', 'Aged 4 years and under', 'Aged 85 years and over']) {
      const cells = await census
        .locator('tbody tr', { has: page.getByRole('rowheader', { name: column, exact: true }) })
        .locator('td')
        .allInnerTexts();
      expect(cells, column).toEqual([
        sum(first, column).toLocaleString('en-GB'),
        sum(second, column).toLocaleString('en-GB'),
      ]);
    }
    expect(await census.getByTestId('coverage').allInnerTexts()).toEqual([
      `${String(first.length)} of ${String(first.length)}`,
      `${String(second.length)} of ${String(second.length)}`,
    ]);
    await screenshot(page, 'localities');
  });
});

describe('peer groups', () => {
  it('adds London boroughs and a county’s districts from the ONS lookups', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Load ONS area lookups' }).click();
    const panel = page.getByRole('region', { name: 'Peer groups' });
    const london = panel.getByRole('button', { name: 'Add London boroughs' });
    await expect.poll(() => london.isEnabled(), { timeout: 30_000 }).toBe(true);
    await london.click();
    await expect
      .poll(() => panel.getByTestId('peer-groups').innerText())
      .toMatch(/London boroughs \(33 areas\)/);
    await panel.getByLabel('County').selectOption({ label: 'Essex' });
    await panel.getByRole('button', { name: 'Add Essex’s districts' }).click();
    await expect
      .poll(() => panel.getByTestId('peer-groups').innerText())
      .toMatch(/Essex districts \(12 areas\)/);
    await screenshot(page, 'peer-groups');
    await panel.getByRole('button', { name: 'Remove London boroughs' }).click();
    await expect
      .poll(() => panel.getByTestId('peer-groups').innerText())
      .not.toMatch(/London boroughs/);
    expect(await panel.getByTestId('peer-groups').innerText()).toMatch(
      /Essex districts \(12 areas\)/,
    );

    // A custom group: the boroughs named in STRATEGIES.md.
    await panel.getByLabel('Custom group name').fill('JSNA comparators');
    await panel.getByLabel('Area codes').fill('E09000002, E09000030 E09000025');
    await panel.getByRole('button', { name: 'Add custom group' }).click();
    await expect
      .poll(() => panel.getByTestId('peer-groups').innerText())
      .toMatch(/JSNA comparators \(3 areas\)/);
  });

  it('made no request off this machine', () => {
    expect(app.requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
