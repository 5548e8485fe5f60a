import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menuTemplate';
import { saveFilters } from './saveFilters';

const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
  items
    .flatMap((item) => [
      item.role ?? '',
      ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? '') : []),
    ])
    .filter((r) => r !== '');

describe('menuTemplate', () => {
  it('is minimal and offers devtools only in development', () => {
    expect(roles(menuTemplate({ isMac: false, devTools: false }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ isMac: false, devTools: true }))).toContain('toggleDevTools');
    expect(roles(menuTemplate({ isMac: true, devTools: false }))).toEqual(
      expect.arrayContaining(['appMenu', 'editMenu', 'close']),
    );
  });
  it('has no item that opens anything remote', () => {
    const json = JSON.stringify(menuTemplate({ isMac: true, devTools: true }));
    expect(json).not.toMatch(/https?:|click/);
  });
});

describe('saveFilters', () => {
  it('keeps the export type first', () => {
    expect(saveFilters('figure.svg')[0]).toEqual({ name: 'SVG image', extensions: ['svg'] });
    expect(saveFilters('report')).toEqual([{ name: 'All files', extensions: ['*'] }]);
  });
});
