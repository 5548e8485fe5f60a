/**
 * The Data view in a real browser: an unrecognised CSV is mapped in the column-mapping dialog
 * and its rows appear; a second file with the same header reuses the saved mapping (and says
 * so); a bad value is listed with its file, row and column, and flagged rows can be dropped; the
 * same file added twice asks Replace or Skip, and Skip keeps one copy; cancelling a large import
 * leaves every table as it was.
 *
 * Test files are built from real fixture rows (fixtures/data/SOURCES.md): the Fingertips
 * Campylobacter export's London rows with the columns renamed, so the importer does not
 * recognise them; one copy has a single value replaced by text to make a bad cell on purpose.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isLocal, openApp, waitForDemo, type AppSession } from './browser';
import { addFiles, screenshot, tableCounts } from './dataViewHelpers';

let app: AppSession;
let scratch: string;

const FINGERTIPS = 'fixtures/data/fingertips/indicators-CountyUA.data.csv';
const LSOA_CENSUS = 'fixtures/data/census2021/nomis_report_TS007A_age_5yr_bands_lsoa2021_EW.csv';

/** London borough rows of the Fingertips fixture, with local column names. */
function londonRows(): string[][] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(FINGERTIPS, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  return parsed.data
    .filter((r) => r['Parent Code'] === 'E12000007' && r['Category Type'] === '')
    .map((r) => [
      r['Area Code']!,
      r['Area Name']!,
      r['Time period']!,
      r['Value']!,
      r['Lower CI 95.0 limit']!,
      r['Upper CI 95.0 limit']!,
      r['Count']!,
      r['Denominator']!,
    ]);
}
const LOCAL_HEADER = [
  'LA code',
  'Borough',
  'Year',
  'Campylobacter rate per 100k',
  'LCL 95',
  'UCL 95',
  'Cases',
  'Population',
];

function writeCsv(name: string, rows: readonly (readonly string[])[]): string {
  const path = join(scratch, name);
  writeFileSync(path, Papa.unparse([LOCAL_HEADER, ...rows], { newline: '\r\n' }));
  return path;
}

let rows: string[][];

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'jsna-e2e-dataview-'));
  rows = londonRows();
  app = await openApp(inject('rendererUrl'));
  await waitForDemo(app.page);
});
afterAll(async () => {
  await app?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('column mapping', () => {
  it('maps an unrecognised CSV in the dialog, with a live preview, and its rows appear', async () => {
    const page = app.page;
    const before = await tableCounts(page);
    const file = writeCsv('campylobacter-london.csv', rows.slice(0, 60));
    await addFiles(page, file);
    const dialog = page.getByRole('dialog', {
      name: 'Map the columns of campylobacter-london.csv',
    });
    await dialog.waitFor();
    // The suggestion found the code, year, count and population columns; value is left to us.
    expect(await dialog.getByLabel('Column for Area code', { exact: true }).inputValue()).toBe(
      'LA code',
    );
    expect(await dialog.getByLabel('Column for Period', { exact: true }).inputValue()).toBe('Year');
    expect(
      await dialog.getByRole('button', { name: 'Import with this mapping' }).isDisabled(),
    ).toBe(true);
    await dialog
      .getByLabel('Column for Value', { exact: true })
      .selectOption('Campylobacter rate per 100k');
    await dialog.getByLabel('Column for Lower 95% limit', { exact: true }).selectOption('LCL 95');
    await dialog.getByLabel('Column for Upper 95% limit', { exact: true }).selectOption('UCL 95');
    await dialog
      .getByLabel('Indicator name', { exact: true })
      .fill('Campylobacter incidence rate/100,000');
    // Live preview: the first row as it will be read, under the roles chosen.
    const preview = await dialog.getByTestId('mapping-preview').innerText();
    expect(preview).toContain('Campylobacter rate per 100k');
    expect(preview).toContain(rows[0]![0]!);
    expect(preview).toContain(rows[0]![3]!);
    await screenshot(page, 'mapping-dialog');
    await dialog.getByRole('button', { name: 'Import with this mapping' }).click();

    await expect.poll(() => page.getByTestId('import-status').innerText()).toBe('Imported');
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 60\b/);
    expect(await page.locator('.data-table table').innerText()).toContain(rows[0]![0]!);
    const after = await tableCounts(page);
    expect(after['observation']).toBe((before['observation'] ?? 0) + 60);
  });

  it('reuses the saved mapping for a file with the same header, says so, and lists a bad value by row and column', async () => {
    const page = app.page;
    const next = rows.slice(60, 90).map((r) => [...r]);
    next[4]![3] = 'see note'; // A deliberately unreadable value in data row 5...
    next.push([...next[9]!]); // ...and row 10 repeated as row 31 (a duplicate, flagged).
    const file = writeCsv('campylobacter-london-next.csv', next);
    await addFiles(page, file);
    await page
      .getByRole('heading', { name: 'campylobacter-london-next.csv', exact: true })
      .waitFor();
    await expect.poll(() => page.getByTestId('import-status').innerText()).toBe('Imported');
    expect(await page.getByTestId('mapping-reused').innerText()).toMatch(/mapping you saved/);
    const problems = page.getByTestId('problems-table');
    const problemRow = problems.locator('tbody tr', { hasText: 'see note' }).first();
    const cells = await problemRow.locator('td').allInnerTexts();
    // File (in the list's heading), row, column, what is wrong and what to do.
    expect(
      await page
        .getByRole('region', { name: 'Problems in campylobacter-london-next.csv' })
        .locator('h3')
        .innerText(),
    ).toMatch(/^Problems in campylobacter-london-next\.csv: 2 warnings/);
    expect(cells[1]).toBe('5');
    expect(cells[2]).toBe('Campylobacter rate per 100k');
    expect(cells[3]).toMatch(/"see note" is not a number/);
    expect(cells[4]).toMatch(/^Correct the cell/);
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 31\b/);

    // Both problems flag their row: the unreadable value (row 5) and the duplicate (row 31).
    const flaggedRows = await problems
      .locator('tbody tr', { hasText: 'row flagged' })
      .evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[1]?.textContent ?? ''));
    expect(flaggedRows.sort()).toEqual(['31', '5']);
    await screenshot(page, 'problems');
    // Drop the flagged row: imported again without it, in place of the first import.
    await page.getByRole('button', { name: 'Drop flagged rows' }).click();
    await expect
      .poll(() => page.getByTestId('flagged-rows').innerText())
      .toMatch(/2 flagged rows were dropped/);
    // Both flagged rows go: the unreadable value (row 5) and the duplicate (row 31).
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 29\b/);
    await page.getByRole('button', { name: 'Keep flagged rows' }).waitFor();
    const files = await page.getByTestId('file-list').innerText();
    expect(files.match(/campylobacter-london-next\.csv/g)).toHaveLength(1);
  });

  it('changes the mapping of an imported file: imported again in place, with the new roles', async () => {
    const page = app.page;
    // Still showing campylobacter-london-next.csv; its area names were not mapped yet.
    expect(await page.locator('.data-table table').innerText()).not.toContain(rows[60]![1]!);
    await page.getByRole('button', { name: 'Change column mapping…' }).click();
    const dialog = page.getByRole('dialog', {
      name: 'Map the columns of campylobacter-london-next.csv',
    });
    // It starts from the mapping in use, not from the suggestion.
    expect(await dialog.getByLabel('Column for Value', { exact: true }).inputValue()).toBe(
      'Campylobacter rate per 100k',
    );
    await dialog.getByLabel('Column for Area name', { exact: true }).selectOption('Borough');
    await dialog.getByRole('button', { name: 'Import with this mapping' }).click();
    await expect.poll(() => page.locator('.data-table table').innerText()).toContain(rows[60]![1]!);
    // Still dropping flagged rows (the previous test's choice): 31 rows less the 2 flagged.
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 29\b/);
    const files = await page.getByTestId('file-list').innerText();
    expect(files.match(/campylobacter-london-next\.csv/g)).toHaveLength(1);
  });
});

describe('duplicates', () => {
  it('asks Replace or Skip for the same file again; Skip keeps one copy', async () => {
    const page = app.page;
    const before = await tableCounts(page);
    await addFiles(page, join(scratch, 'campylobacter-london.csv'));
    const prompt = page.getByRole('alertdialog', { name: 'This file was imported before' });
    await prompt.waitFor();
    await screenshot(page, 'duplicate');
    await prompt.getByRole('button', { name: 'Skip' }).click();
    await expect
      .poll(() => page.getByTestId('import-notice').innerText())
      .toMatch(/^Skipped campylobacter-london\.csv/);
    expect(await tableCounts(page)).toEqual(before);
    const files = await page.getByTestId('file-list').innerText();
    expect(files.match(/campylobacter-london\.csv/g)).toHaveLength(1);
  });

  it('Replace imports it again in place of the earlier copy: still one copy, same rows', async () => {
    const page = app.page;
    const before = await tableCounts(page);
    await addFiles(page, join(scratch, 'campylobacter-london.csv'));
    const prompt = page.getByRole('alertdialog', { name: 'This file was imported before' });
    await prompt.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => page.getByTestId('import-status').innerText()).toBe('Imported');
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 60\b/);
    const files = await page.getByTestId('file-list').innerText();
    expect(files.match(/campylobacter-london\.csv/g)).toHaveLength(1);
    expect(await tableCounts(page)).toEqual(before);
  });
});

describe('progress and cancel', () => {
  it('shows progress on a large file and Cancel leaves every table unchanged', async () => {
    const page = app.page;
    const before = await tableCounts(page);
    await addFiles(page, LSOA_CENSUS);
    const progress = page.getByTestId('import-progress');
    await progress.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => progress.innerText(), { timeout: 30_000 })
      .toMatch(/Reading rows: [\d,]+ of about/);
    await screenshot(page, 'progress');
    await progress.getByRole('button', { name: 'Cancel import' }).click();
    await expect
      .poll(() => page.getByTestId('import-notice').innerText(), { timeout: 30_000 })
      .toMatch(/cancelled: nothing was changed/);
    expect(await tableCounts(page)).toEqual(before);
    expect(await page.getByTestId('file-list').innerText()).not.toContain('nomis_report_TS007A');
  });
});

describe('privacy', () => {
  it('made no request off this machine', () => {
    expect(app.requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
