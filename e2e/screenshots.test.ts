/**
 * Real screenshots guard the rendering (STYLE.md rule 6): each demo figure is drawn in Chromium,
 * written to e2e/artifacts/ (not committed; open them to review a change) and checked for what
 * a reader must see: a figure of the expected size, not blank and not a solid block, with the
 * focus area (Barking and Dagenham) drawn in the Analysis Function focus colour.
 *
 * There are deliberately no committed pixel baselines: text rasterisation differs between
 * Chromium builds and font packages, so a pixel diff would fail on a clean CI machine for
 * reasons no reader would notice. The numbers in each figure are checked exactly in
 * app.test.ts; this file checks that they are drawn.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, waitForDemo, type AppSession } from './browser';
import { FOCUS } from '../shared/figures/palette';

const DIR = 'e2e/artifacts';

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
    it(`${id} is drawn, with the focus area in the focus colour`, async () => {
      await app.page.getByRole('tab', { name: tab }).click();
      const plot = app.page.locator(`[data-figure-id="${id}"] .figure-plot`);
      await plot.locator('.main-svg').first().waitFor({ state: 'visible' });
      await app.page.mouse.move(0, 0); // no hover labels
      const png = await plot.screenshot({ animations: 'disabled' });
      mkdirSync(DIR, { recursive: true });
      writeFileSync(`${DIR}/${id}.png`, png);
      const stats = await pixelStats(png, FOCUS.focus);
      // The figure panel is sized for a 1400px-wide window (layout.ts fixes the height).
      expect(stats.width).toBeGreaterThan(600);
      expect(stats.height).toBeGreaterThan(350);
      // Not blank (bars, lines, text drawn) and not a solid block (a failed render).
      expect(stats.inkShare).toBeGreaterThan(0.03);
      expect(stats.inkShare).toBeLessThan(0.7);
      // The focus area is drawn in the focus colour (within anti-aliasing tolerance).
      expect(stats.focusShare).toBeGreaterThan(0.002);
    });
  }
});

interface PixelStats {
  width: number;
  height: number;
  /** Share of pixels that are not near-white. */
  inkShare: number;
  /** Share of pixels in the focus colour or a tint of it. */
  focusShare: number;
}

/** Count near-white-excluded (ink) pixels and focus-colour pixels in RGBA data. Pure. */
export function countPixels(
  data: ArrayLike<number>,
  focusHex: string,
): { pixels: number; ink: number; focused: number } {
  const focus = [1, 3, 5].map((i) => parseInt(focusHex.slice(i, i + 2), 16));
  let ink = 0;
  let focused = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (r < 235 || g < 235 || b < 235) ink++;
    // The focus colour or a tint of it (bars are drawn at 60-100% opacity over white):
    // each channel is alpha * focus + (1 - alpha) * 255 for one alpha in [0.5, 1].
    const alpha = (255 - r) / (255 - focus[0]!);
    if (alpha >= 0.5 && alpha <= 1.05) {
      const expected = (c: number): number => alpha * c + (1 - alpha) * 255;
      if (Math.abs(g - expected(focus[1]!)) + Math.abs(b - expected(focus[2]!)) < 30) focused++;
    }
  }
  return { pixels: data.length / 4, ink, focused };
}

describe('countPixels', () => {
  const rgba = (...px: [number, number, number][]): number[] => px.flatMap(([r, g, b]) => [r, g, b, 255]);
  const focus = [1, 3, 5].map((i) => parseInt(FOCUS.focus.slice(i, i + 2), 16)) as [number, number, number];
  it('finds no focus pixels when the focus colour is absent', () => {
    const data = rgba([255, 255, 255], [0, 0, 0], [128, 128, 128], [255, 255, 255]);
    expect(countPixels(data, FOCUS.focus)).toEqual({ pixels: 4, ink: 2, focused: 0 });
  });
  it('counts the focus colour and its tints', () => {
    const tint = focus.map((c) => Math.round(0.7 * c + 0.3 * 255)) as [number, number, number];
    const data = rgba([255, 255, 255], focus, tint, [0, 0, 0], focus);
    expect(countPixels(data, FOCUS.focus)).toEqual({ pixels: 5, ink: 4, focused: 3 });
  });
});

/** Decode the PNG in the page (canvas; no image library needed) and count pixels in Node. */
async function pixelStats(png: Buffer, focusHex: string): Promise<PixelStats> {
  const { width, height, data } = await app.page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, data: Array.from(image.data) };
  }, png.toString('base64'));
  const { pixels, ink, focused } = countPixels(data, focusHex);
  return { width, height, inkShare: ink / pixels, focusShare: focused / pixels };
}
