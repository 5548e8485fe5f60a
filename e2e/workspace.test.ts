/**
 * Workspaces in a real browser: Save workspace downloads one .zip (workspace.json plus one
 * Parquet file per table); after a reload, Open workspace with that .zip brings back the same
 * tables with the same row counts, and the user's file with its rows.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isLocal, openApp, waitForDemo, type AppSession } from './browser';
import { addFiles, screenshot, showDataView, tableCounts } from './dataViewHelpers';

// A real Fingertips extract (fixtures/data/SOURCES.md): 175 observations for London.
const SUICIDE =
  'fixtures/data/fingertips/nonstandard_headers/suicide_indicators_CountyUA_london_2019extract.csv';

let app: AppSession;
beforeAll(async () => {
  app = await openApp(inject('rendererUrl'));
  await waitForDemo(app.page);
});
afterAll(async () => {
  await app?.close();
});

describe('workspace', () => {
  it('saves as one .zip and reopens after a reload with the same tables', async () => {
    const page = app.page;
    await addFiles(page, SUICIDE);
    await expect.poll(() => page.getByTestId('import-status').innerText()).toBe('Imported');
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 175\b/);
    // The first page of the file's rows, every column, as text: compared after reopening.
    const firstPage = await page.locator('.data-table table').innerText();
    const saved = await tableCounts(page);
    const listed = await page.getByTestId('file-list').innerText();
    expect(saved['observation']).toBeGreaterThan(175);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save workspace…' }).click();
    const zipPath = await (await download).path();
    await expect
      .poll(() => page.getByTestId('workspace-status').innerText())
      .toMatch(/^Saved \d+ tables/);
    const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
    const manifest = JSON.parse(new TextDecoder().decode(entries['workspace.json'])) as {
      format: string;
      tables: { name: string; file: string; rows: number }[];
      sources: { name: string }[];
    };
    expect(manifest.format).toBe('jsna-workbench-workspace');
    for (const t of manifest.tables) {
      expect(entries[t.file], t.file).toBeDefined();
      expect(t.rows, t.name).toBe(saved[t.name]);
    }
    expect(manifest.sources.map((s) => s.name)).toContain(
      'suicide_indicators_CountyUA_london_2019extract.csv',
    );

    // A fresh page: the demo loads again, without the user's file.
    await page.reload();
    await waitForDemo(page);
    expect(await page.getByTestId('file-list').innerText()).not.toContain('suicide_indicators');
    await showDataView(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workspace…' }).click();
    await (await chooser).setFiles(zipPath);
    await expect
      .poll(() => page.getByTestId('workspace-status').innerText(), { timeout: 30_000 })
      .toMatch(/^Opened /);
    await screenshot(page, 'workspace-opened');
    expect(await tableCounts(page)).toEqual(saved);

    // The user's file is back in the list, with its rows.
    await page
      .getByTestId('file-list')
      .getByRole('button', { name: /suicide_indicators/ })
      .click();
    await expect.poll(() => page.getByTestId('table-range').innerText()).toMatch(/ of 175\b/);
    await expect.poll(() => page.locator('.data-table table').innerText()).toBe(firstPage);
    // The same list as when saved: each file once, with the rows it had (kept in the manifest).
    expect(await page.getByTestId('file-list').innerText()).toBe(listed);
  });

  it('refuses a file that is not a saved workspace, naming it, and changes nothing', async () => {
    const page = app.page;
    const before = await tableCounts(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open workspace…' }).click();
    await (await chooser).setFiles(SUICIDE);
    await expect
      .poll(() => page.getByTestId('workspace-status').innerText())
      .toMatch(
        /^The workspace was not opened, and nothing loaded was changed: suicide_indicators_CountyUA_london_2019extract\.csv is not a readable \.zip/,
      );
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await tableCounts(page)).toEqual(before);
  });

  it('made no request off this machine', () => {
    expect(app.requests.filter((u) => !isLocal(u))).toEqual([]);
  });
});
