import { describe, expect, it } from 'vitest';
import { emptyMappingStore, findMapping, headerSignature, parseMappingStore, rememberMapping } from './mappingStore';

describe('mapping store', () => {
  const header = ['Area Code', 'Year', 'Rate per 1,000'];
  const mapping = { columns: { area_code: 'Area Code', period: 'Year', value: 'Rate per 1,000' }, indicatorName: 'Local rate' };

  it('signs headers independent of case and punctuation, but not of order', () => {
    expect(headerSignature(header)).toBe(headerSignature(['area_code', 'YEAR', 'rate per 1000']));
    expect(headerSignature(header)).not.toBe(headerSignature(['Year', 'Area Code', 'Rate per 1,000']));
  });

  it('remembers a mapping, round-trips through JSON, and finds it for the same header', () => {
    const store = rememberMapping(emptyMappingStore(), header, mapping, new Date('2026-01-01T00:00:00Z'));
    const again = parseMappingStore(JSON.stringify(store));
    expect(findMapping(again, header)).toEqual(mapping);
    expect(findMapping(again, ['Other'])).toBeUndefined();
  });

  it('treats a damaged store as empty', () => {
    expect(parseMappingStore('{not json')).toEqual(emptyMappingStore());
  });
});
