/** Helpers for the Data view tests: add files through the picker, read the tables' row counts. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Save a full-page screenshot when E2E_SCREENSHOTS names a folder (for looking at the UI; the
 * tests never compare pixels). Off by default.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env['E2E_SCREENSHOTS'];
  if (dir === undefined || dir === '') return;
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export async function addFiles(page: Page, ...paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add data files…' }).click();
  await (await chooser).setFiles(paths);
}

export async function showDataView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Workspace data, localities, peer groups' }).click();
  await page.getByTestId('tables-summary').waitFor();
}

/** Every table's row count, from the Data view (which it leaves open). */
export async function tableCounts(page: Page): Promise<Record<string, number>> {
  await showDataView(page);
  // The summary refreshes after each change; wait until it is not counting (aria-busy false:
  // the counts on screen are for the workspace as it is now).
  const summary = page.locator('[data-testid="tables-summary"][aria-busy="false"]');
  await summary.waitFor({ state: 'visible', timeout: 30_000 });
  return summary.evaluate((table) => {
    const out: Record<string, number> = {};
    const rows = table.querySelectorAll('tr[data-table]');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      out[row.getAttribute('data-table')!] = Number(
        row.querySelector('[data-rows]')?.getAttribute('data-rows'),
      );
    }
    return out;
  });
}
