/**
 * The 'Map: London' figure in a real browser: male healthy life expectancy 2018-20 for the 33
 * London boroughs, drawn from the bundled boundary file with no base map, no geo trace and no
 * request leaving this machine; it exports like every other figure. A screenshot is written to
 * e2e/artifacts/ (not committed) for a person to look at.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { isLocal, openApp, waitForDemo, type AppSession } from './browser';
import { hleFromFixture } from './fixtureValues';
import { pngSize } from './png';

const ID = 'hle-male-map-london';
let app: AppSession;

beforeAll(async () => {
  app = await openApp(inject('rendererUrl'));
  await waitForDemo(app.page);
  await app.page.getByRole('tab', { name: 'Map: London' }).click();
  await app.page
    .locator(`[data-figure-id="${ID}"] .main-svg`)
    .first()
    .waitFor({ state: 'visible' });
});
afterAll(async () => {
  await app.close();
});

interface PlotTrace {
  type: string;
  name: string;
  text?: string[];
  customdata?: [string, number | null][];
}

function traces(): Promise<PlotTrace[]> {
  return app.page.evaluate((id) => {
    const gd = document.querySelector(`[data-figure-id="${id}"] .js-plotly-plot`) as unknown as {
      data: PlotTrace[];
    } | null;
    if (gd === null) throw new Error(`Figure ${id} is not drawn.`);
    return JSON.parse(JSON.stringify(gd.data)) as PlotTrace[];
  }, ID);
}

async function download(button: string): Promise<Buffer> {
  const waiting = app.page.waitForEvent('download');
  await app.page.getByRole('button', { name: button }).click();
  return readFileSync(await (await waiting).path());
}

describe('Map: London', () => {
  it('draws all 33 boroughs with B&D at 58.1, from scatter paths only', async () => {
    const data = await traces();
    expect(data.every((t) => t.type === 'scatter')).toBe(true);
    const areas = data.find((t) => t.name === 'Areas')!;
    expect(areas.customdata).toHaveLength(33);
    const bd = areas.customdata!.findIndex(([code]) => code === 'E09000002');
    // fixtures/data/ons_subnational: Male HLE 2018-20 for E09000002 is 58.12, shown to 1 dp.
    expect(areas.customdata![bd]![1]).toBe(hleFromFixture('E09000002', 'Male'));
    expect(Math.round(areas.customdata![bd]![1]! * 10) / 10).toBe(58.1);
    expect(areas.text![bd]).toBe('Barking and Dagenham: 58.1 years');
    // Legend: five bands with their ranges, and City of London (published as NA) as No data.
    expect(data.map((t) => t.name)).toEqual(expect.arrayContaining(['No data']));
    const legend = await app.page.locator(`[data-figure-id="${ID}"] .legendtext`).allTextContents();
    expect(legend).toHaveLength(6);
    const label = await app.page
      .locator(`[data-figure-id="${ID}"] .annotation-text`)
      .allTextContents();
    expect(label).toContain('Barking and Dagenham');
  });

  it('writes a screenshot for review', async () => {
    await app.page.mouse.move(0, 0);
    const png = await app.page
      .locator(`[data-figure-id="${ID}"] .figure-plot`)
      .screenshot({ animations: 'disabled' });
    mkdirSync('e2e/artifacts', { recursive: true });
    writeFileSync(`e2e/artifacts/${ID}.png`, png);
    expect(pngSize(png).width).toBeGreaterThan(600);
  });

  it('exports SVG, PNG and CSV like the other figures', async () => {
    const svg = (await download('Export SVG')).toString('utf8');
    expect(svg).toContain('Barking and Dagenham');
    expect(svg).toContain('Source: ONS');
    const png = await download('Export PNG');
    writeFileSync(`e2e/artifacts/${ID}-export.png`, png);
    expect(pngSize(png)).toEqual({ width: 2000, height: 1280 });
    const csv = (await download('Export data (CSV)')).toString('utf8');
    expect(csv).toContain('\r\nE09000002,Barking and Dagenham,2018-20,58.12,32\r\n');
    expect(csv).toContain('\r\nE09000001,City of London,2018-20,,\r\n');
  });

  it('made no request that left this machine', () => {
    expect(app.requests.some((url) => url.endsWith('.geojson'))).toBe(true);
    expect(app.requests.filter((url) => !isLocal(url))).toEqual([]);
  });
});
