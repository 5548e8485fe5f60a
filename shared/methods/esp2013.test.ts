import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MethodInputError } from './errors';
import { ESP2013, normaliseAgeBand, standardPopulation } from './esp2013';
import { num, parseReferenceCsv, str } from './testing/referenceCsv';

// Source: fixtures/reference/pheindicatormethods/data/esp2013.csv (the package's esp2013 dataset).
const FILE = new URL(
  '../../fixtures/reference/pheindicatormethods/data/esp2013.csv',
  import.meta.url,
);
const rows = parseReferenceCsv(readFileSync(FILE, 'utf8'));

describe('ESP2013', () => {
  it('matches the package dataset exactly, band by band', () => {
    expect(ESP2013.bands).toEqual(rows.map((r) => str(r, 'ageband')));
    expect(ESP2013.weights).toEqual(rows.map((r) => num(r, 'esp2013')));
  });
  it('sums to 100,000 (Eurostat 2013, table 3)', () =>
    expect(ESP2013.weights.reduce((a, b) => a + b, 0)).toBe(100000));
});

describe('normaliseAgeBand', () => {
  it.each([
    ['0-4', '0-4'],
    ['00-04', '0-4'],
    ['0 - 4', '0-4'],
    ['0–4', '0-4'],
    ['0 to 4', '0-4'],
    ['Aged 0 to 4', '0-4'],
    ['0-4 years', '0-4'],
    ['Age 85-89', '85-89'],
    ['90+', '90+'],
    ['90 +', '90+'],
    ['90 and over', '90+'],
    ['90 & over', '90+'],
    ['90plus', '90+'],
    ['Aged 90 years and over', '90+'],
    ['90 or older', '90+'],
    ['Unknown', 'unknown'],
  ])('%s -> %s', (label, canonical) => expect(normaliseAgeBand(label)).toBe(canonical));
});

describe('standardPopulation', () => {
  it('normalises labels', () =>
    expect(standardPopulation('s', ['00-04', '05+'], [1, 2]).bands).toEqual(['0-4', '5+']));
  it('rejects duplicate bands after normalisation', () =>
    expect(() => standardPopulation('s', ['0-4', '00-04'], [1, 2])).toThrow(MethodInputError));
  it('rejects negative weights', () =>
    expect(() => standardPopulation('s', ['0-4'], [-1])).toThrow(/weight for age band 0-4/));
  it('rejects mismatched lengths', () =>
    expect(() => standardPopulation('s', ['0-4'], [1, 2])).toThrow(/1 bands but 2 weights/));
});
