/**
 * Export a drawn figure as SVG or PNG through the Host (a download in the browser, a save
 * dialog in Electron). Images are made at a fixed size so exports do not depend on the window;
 * PNG at 2x for print. Plotly returns data: URLs; they are decoded here, never fetched
 * (connect-src does not allow data:). Both formats carry the headline, alt text, source and
 * app version inside the file (shared/export/figureMetadata.ts).
 */
import type { Host, SaveResult } from '../host/host';
import type { FigureSpec } from '../../../shared/figures/spec';
import { annotatePng, annotateSvg } from '../../../shared/export/figureMetadata';
import { FIGURE_HEIGHT } from '../../../shared/figures/layout';
import { SOFTWARE } from '../app/version';
import { loadPlotly } from './plotly';

/** Exports use the figures' own height (titles are laid out for it) and a document-page width. */
export const EXPORT_SIZE = { width: 1000, height: FIGURE_HEIGHT, pngScale: 2 } as const;

export type ExportFormat = 'svg' | 'png';

export async function exportFigure(
  host: Host,
  root: HTMLElement,
  spec: FigureSpec,
  format: ExportFormat,
): Promise<SaveResult> {
  const Plotly = await loadPlotly();
  const url = await Plotly.toImage(root, {
    format,
    width: EXPORT_SIZE.width,
    height: EXPORT_SIZE.height,
    scale: format === 'png' ? EXPORT_SIZE.pngScale : 1,
  });
  const text = {
    title: spec.title,
    altText: spec.altText,
    source: spec.source,
    software: SOFTWARE,
  };
  const raw = dataUrlBytes(url);
  const bytes =
    format === 'png'
      ? annotatePng(raw, text)
      : new TextEncoder().encode(annotateSvg(new TextDecoder().decode(raw), text));
  return host.saveFile(
    `${spec.id}.${format}`,
    bytes,
    format === 'png' ? 'image/png' : 'image/svg+xml',
  );
}

/** Bytes of a data: URL (base64 or percent-encoded). */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  if (!url.startsWith('data:') || comma < 0) throw new Error('Plotly did not return a data URL.');
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  if (header.endsWith(';base64')) {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  return new TextEncoder().encode(decodeURIComponent(body));
}
