/**
 * The renderer's vertical slice in a real browser: the demo workspace opens on first start,
 * its figures carry the published numbers, a CSV added through the file picker shows as a
 * paged table with its import report, and figures export as valid SVG and PNG. Every request
 * made along the way is recorded and checked to have stayed on this machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isLocal, openApp, waitForDemo, type AppSession } from './browser';
import { hleFromFixture, myeSharePercent } from './fixtureValues';
import { pngSize } from './png';

let app: AppSession;
let scratch: string;

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'jsna-e2e-files-'));
  app = await openApp(inject('rendererUrl'));
});
afterAll(async () => {
  await app.close();
  rmSync(scratch, { recursive: true, force: true });
});

interface PlotTrace {
  x: unknown;
  y: unknown;
  name?: string;
  text?: string[];
  customdata?: (number | null)[];
}

/** The traces Plotly drew for one figure (Plotly keeps them on the graph div as `data`). */
function traces(figureId: string): Promise<PlotTrace[]> {
  return app.page.evaluate((id) => {
    const gd = document.querySelector(`[data-figure-id="${id}"] .js-plotly-plot`) as unknown as {
      data: PlotTrace[];
    } | null;
    if (gd === null) throw new Error(`Figure ${id} is not drawn.`);
    return JSON.parse(JSON.stringify(gd.data)) as PlotTrace[];
  }, figureId);
}

async function showFigure(tab: string, figureId: string): Promise<void> {
  await app.page.getByRole('tab', { name: tab }).click();
  await app.page
    .locator(`[data-figure-id="${figureId}"] .main-svg`)
    .first()
    .waitFor({ state: 'visible' });
}

describe('demo workspace', () => {
  it('opens on first start with the borough profile drawn', async () => {
    const started = Date.now();
    await waitForDemo(app.page);
    console.log(`demo workspace drawn ${String(Date.now() - started)} ms after page load`);
    await expect(
      app.page.getByRole('heading', {
        name: 'Barking and Dagenham compared with London and England',
      }),
    ).toBeDefined();
    const files = await app.page.getByTestId('file-list').innerText();
    expect(files).toContain('census2021-ts007-ltla.csv');
    expect(files).toContain('subnational_indicators_machine_readable.csv');
  });

  it('shows healthy life expectancy 2018-20 as published (B&D, London, England by sex)', async () => {
    await showFigure('Healthy life expectancy', 'hle-by-sex');
    const [bars] = await traces('hle-by-sex');
    const [sexes, areas] = bars!.x as [string[], string[]];
    const shown = new Map<string, number>();
    (bars!.y as number[]).forEach((v, i) =>
      shown.set(`${sexes[i]!}|${areas[i]!.replace('<br>', ' ')}`, v),
    );
    // STRATEGIES.md (B&D JLHWS 2023-28 life-course table): HLE 2018-20 M/F 58.1/60.1 (B&D),
    // 63.8/65.0 (London), 63.1/63.9 (England); the fixture has 2 decimals, shown to 1.
    const expected: [string, string, string, number][] = [
      ['Males', 'Barking and Dagenham', 'E09000002', 58.1],
      ['Males', 'London', 'E12000007', 63.8],
      ['Males', 'England', 'E92000001', 63.1],
      ['Females', 'Barking and Dagenham', 'E09000002', 60.1],
      ['Females', 'London', 'E12000007', 65.0],
      ['Females', 'England', 'E92000001', 63.9],
    ];
    for (const [sex, area, code, published] of expected) {
      const value = shown.get(`${sex}|${area}`);
      expect(value, `${sex} ${area}`).toBe(published);
      const fixture = hleFromFixture(code, sex === 'Males' ? 'Male' : 'Female');
      expect(
        Math.abs(value! - fixture),
        `${sex} ${area} vs fixture ${String(fixture)}`,
      ).toBeLessThanOrEqual(0.05);
    }
    // The values are printed on the bars, not only encoded by height.
    const labels = await app.page
      .locator('[data-figure-id="hle-by-sex"] .point text')
      .allTextContents();
    expect(labels).toEqual(
      expect.arrayContaining(['58.1', '60.1', '63.8', '65.0', '63.1', '63.9']),
    );
    const title = await app.page.locator('[data-figure-id="hle-by-sex"] .gtitle').textContent();
    expect(title).toMatch(/Barking and Dagenham/);
  });

  it('draws the mid-2020 population pyramid from the MYE fixture', async () => {
    await showFigure('Population pyramid', 'population-pyramid');
    const data = await traces('population-pyramid');
    const males = data.find((t) => t.name === 'Barking and Dagenham, males')!;
    const females = data.find((t) => t.name === 'Barking and Dagenham, females')!;
    const bands = males.y as string[];
    expect(bands[0]).toBe('0-4');
    expect(bands.at(-1)).toBe('90+');
    // Tolerance 0.001 percentage points: the spec rounds plotted values to 3 decimals.
    expect(
      Math.abs(males.customdata![0]! - myeSharePercent('E09000002', 'males', 0, 4)),
    ).toBeLessThan(0.001);
    expect(
      Math.abs(
        females.customdata![bands.indexOf('30-34')]! -
          myeSharePercent('E09000002', 'females', 30, 34),
      ),
    ).toBeLessThan(0.001);
    expect(
      Math.abs(females.customdata!.at(-1)! - myeSharePercent('E09000002', 'females', 90, 90)),
    ).toBeLessThan(0.001);
    const england = data.find((t) => t.name === 'England' && t.customdata !== undefined)!;
    expect(
      Math.abs(england.customdata![0]! - myeSharePercent('E92000001', 'males', 0, 4)),
    ).toBeLessThan(0.001);
  });

  it('draws the Census 2021 age structure from TS007', async () => {
    await showFigure('Age structure (Census 2021)', 'census-age-structure');
    const data = await traces('census-age-structure');
    expect(data.map((t) => t.name)).toEqual(['Barking and Dagenham', 'London', 'England']);
    for (const trace of data) {
      const sum = (trace.y as number[]).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 100)).toBeLessThan(0.01);
    }
  });
});

describe('adding a CSV', () => {
  it('shows a file added through the file picker as a paged table with its import report', async () => {
    const lines = ['area_code,area_name,period,value'];
    for (let i = 0; i < 250; i++)
      lines.push(`E090000${String(10 + (i % 20))},Area ${String(i)},2021,${String(100 + i + 0.5)}`);
    const file = join(scratch, 'my-indicator.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const chooser = app.page.waitForEvent('filechooser');
    await app.page.getByRole('button', { name: 'Add data files…' }).click();
    await (await chooser).setFiles(file);

    await app.page.getByRole('heading', { name: 'my-indicator.csv' }).first().waitFor();
    expect(await app.page.getByTestId('import-status').innerText()).not.toBe('');
    const range = app.page.getByTestId('table-range');
    await expect.poll(() => range.innerText()).toMatch(/^Rows 1–100 of 250/);
    const table = await app.page.locator('.data-table table').innerText();
    expect(table).toContain('E09000010');
    expect(table).toContain('100.5');
    await app.page.locator('.data-table').getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => range.innerText()).toMatch(/^Rows 101–200 of 250/);
    expect(await app.page.locator('.data-table table').innerText()).toContain('200.5');
  });

  it('imports a CSV dropped onto the drop zone', async () => {
    const csv =
      'Area Code,Indicator,Period,Value\nE09000002,Test measure,2022,42.5\nE12000007,Test measure,2022,40.25\n';
    await app.page.getByTestId('drop-zone').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.csv', { type: 'text/csv' }));
      zone.dispatchEvent(
        new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
      zone.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    }, csv);
    await app.page.getByRole('heading', { name: 'dropped.csv' }).first().waitFor();
    await expect
      .poll(() => app.page.getByTestId('table-range').innerText())
      .toMatch(/^Rows 1–2 of 2/);
    expect(await app.page.locator('.data-table table').innerText()).toContain('40.25');
  });
});

describe('export', () => {
  async function download(button: string): Promise<Buffer> {
    const waiting = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: button }).click();
    const file = await (await waiting).path();
    return readFileSync(file);
  }

  it('exports the shown figure as a valid SVG and PNG', async () => {
    await app.page.getByRole('button', { name: 'Borough profile: Barking and Dagenham' }).click();
    await showFigure('Healthy life expectancy', 'hle-by-sex');

    const svg = (await download('Export SVG')).toString('utf8');
    const parsed = await app.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        width: doc.documentElement.getAttribute('width'),
        height: doc.documentElement.getAttribute('height'),
        text: doc.documentElement.textContent,
        role: doc.documentElement.getAttribute('role'),
        title: doc.querySelector('svg > title')?.textContent ?? null,
        desc: doc.querySelector('svg > desc')?.textContent ?? null,
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect([parsed.width, parsed.height]).toEqual(['1000', '640']);
    expect(parsed.text).toContain('58.1');
    expect(parsed.text).toContain('Source: ONS');
    // Accessible SVG: role, title (headline) and desc (alt text, source, app version).
    expect(parsed.role).toBe('img');
    expect(parsed.title).toMatch(/^Healthy life expectancy at birth in Barking and Dagenham/);
    expect(parsed.desc).toContain('Males: Barking and Dagenham 58.1, London 63.8, England 63.1.');
    expect(parsed.desc).toMatch(/JSNA Workbench \d+\.\d+\.\d+/);

    const png = await download('Export PNG');
    expect(pngSize(png)).toEqual({ width: 2000, height: 1280 });
    expect(png.toString('latin1')).toContain('iTXtDescription');

    // The data behind the figure, unrounded as published (fixture: 58.12).
    const csv = (await download('Export data (CSV)')).toString('utf8');
    expect(csv.startsWith('\uFEFFArea code,Area,Sex,Period,')).toBe(true);
    expect(csv).toContain('\r\nE09000002,Barking and Dagenham,Male,2018-20,58.12\r\n');
  });
});

describe('offline', () => {
  it('made no request that left this machine, and no CSP violations, during all of the above', async () => {
    expect(app.requests.length).toBeGreaterThan(5);
    expect(app.requests.filter((url) => !isLocal(url))).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
  });
});
