/**
 * The same real Fingertips export under the header spellings analysts' tools produce:
 * janitor::clean_names() snake_case, fingertipsR's squashed names, pandas-style underscores,
 * and a reordered, upper-cased variant. Detection is by content, never by file name.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { freshTestEngine } from '../../main/engine/testEngine';
import { importFile } from './index';

const original = readFileSync('fixtures/data/fingertips/indicators-CountyUA.data.csv', 'utf8');
const headerEnd = original.indexOf('\r\n');
const header = original.slice(0, headerEnd).split(',');
const body = original.slice(headerEnd);

const janitor = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
const fingertipsR = (h: string): string => h.replace(/ /g, '');
const pandas = (h: string): string => h.replace(/ /g, '_');

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

describe('Fingertips header spellings', () => {
  for (const [name, rename] of [['janitor', janitor], ['fingertipsR', fingertipsR], ['pandas', pandas], ['upper', (h: string) => h.toUpperCase()]] as const) {
    it(`${name}: 852 records`, async () => {
      const text = header.map(rename).join(',') + body;
      const report = await importFile(engine, { name: `export-${name}.txt`, bytes: new TextEncoder().encode(text) }, { onDuplicate: 'replace' });
      expect(report).toMatchObject({ status: 'imported', format: 'fingertips-data', rowsRead: 852 });
    });
  }
});
