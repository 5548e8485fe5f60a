/**
 * A small set of real screenshots guards the rendering (STYLE.md rule 6): each demo figure is
 * drawn in Chromium and compared with a reviewed baseline in e2e/screenshots/. The comparison
 * runs in the page (canvas pixels; no image library needed) and tolerates anti-aliasing noise:
 * a pixel counts as changed when a channel differs by more than 48 of 255, and a figure fails
 * when more than 1% of its pixels changed. Regenerate after a deliberate change with
 * `UPDATE_SCREENSHOTS=1 npm run test:e2e`, then look at the new files before committing them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, waitForDemo, type AppSession } from './browser';

const DIR = 'e2e/screenshots';
const UPDATE = process.env['UPDATE_SCREENSHOTS'] === '1';

let app: AppSession;
beforeAll(async () => {
  app = await openApp(inject('rendererUrl'));
  await app.page.setViewportSize({ width: 1400, height: 1000 });
  await waitForDemo(app.page);
});
afterAll(async () => {
  await app.close();
});

const FIGURES = [
  ['Healthy life expectancy', 'hle-by-sex'],
  ['Population pyramid', 'population-pyramid'],
  ['Age structure (Census 2021)', 'census-age-structure'],
] as const;

describe('figure screenshots', () => {
  for (const [tab, id] of FIGURES) {
    it(`${id} looks as reviewed`, async () => {
      await app.page.getByRole('tab', { name: tab }).click();
      const plot = app.page.locator(`[data-figure-id="${id}"] .figure-plot`);
      await plot.locator('.main-svg').first().waitFor({ state: 'visible' });
      await app.page.mouse.move(0, 0); // no hover labels
      const actual = await plot.screenshot({ animations: 'disabled' });
      const baseline = `${DIR}/${id}.png`;
      if (UPDATE || !existsSync(baseline)) {
        mkdirSync(DIR, { recursive: true });
        writeFileSync(baseline, actual);
        console.log(`wrote ${baseline}: review it before committing`);
        return;
      }
      const diff = await compareInPage(readFileSync(baseline), actual);
      expect(diff.sizeMatches, `size ${diff.actualSize} vs baseline ${diff.baselineSize}`).toBe(
        true,
      );
      expect(
        diff.changedShare,
        `${(diff.changedShare * 100).toFixed(2)}% of pixels changed`,
      ).toBeLessThanOrEqual(0.01);
    });
  }
});

interface Diff {
  sizeMatches: boolean;
  baselineSize: string;
  actualSize: string;
  changedShare: number;
}

function compareInPage(baseline: Buffer, actual: Buffer): Promise<Diff> {
  return app.page.evaluate(
    async ([a, b]) => {
      const load = async (b64: string): Promise<ImageData> => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height);
      };
      const [x, y] = await Promise.all([load(a), load(b)]);
      const size = (d: ImageData): string => `${String(d.width)}x${String(d.height)}`;
      if (x.width !== y.width || x.height !== y.height) {
        return { sizeMatches: false, baselineSize: size(x), actualSize: size(y), changedShare: 1 };
      }
      let changed = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        for (let c = 0; c < 3; c++) {
          if (Math.abs(x.data[i + c]! - y.data[i + c]!) > 48) {
            changed++;
            break;
          }
        }
      }
      return {
        sizeMatches: true,
        baselineSize: size(x),
        actualSize: size(y),
        changedShare: changed / (x.width * y.height),
      };
    },
    [baseline.toString('base64'), actual.toString('base64')] as const,
  );
}
