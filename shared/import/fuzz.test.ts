/**
 * Property: whatever happens to a real fixture (random truncation, byte flips, shuffled rows),
 * the import either succeeds with a report or fails with a typed ImportError, and on failure
 * the database is exactly as it was. Never an untyped exception, never a partial load.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine';
import { freshTestEngine } from '../../main/engine/testEngine';
import { ImportError, importFile } from './index';
import { databaseSnapshot } from './testing/snapshot';

const FIXTURES = [
  'fingertips/indicators-CountyUA.data.csv',
  'fingertips/nonstandard_headers/suicide_indicators_CountyUA_london_2019extract.csv',
  'fingertips/metadata/lifecourse_walkthrough_utla_indicator_metadata.json',
  'fingertips/metadata/fingertipsnext_agedata.csv',
  'census2021/census2021-ts007-ctry.csv',
  'census2021/census2021-ts007-rgn.csv',
  'esp2013/european_standard_population.csv',
  'inequalities/PHEindicatormethods_NCMP_testdata.csv',
  'inequalities/localhealth/localhealth_utla_raw.csv',
  'population/ons_mye2_mid2020_females_by_single_year_age_2021geog.csv',
  'ons_subnational/subnational_indicators_metadata.csv',
].map((path) => ({ path, bytes: new Uint8Array(readFileSync(`fixtures/data/${path}`)) }));

let engine: Engine;
beforeAll(async () => {
  engine = await freshTestEngine();
});
afterAll(async () => {
  await engine.close();
});

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; flips: { at: number; xor: number }[] }
  | { kind: 'shuffle'; seed: number };

function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  switch (m.kind) {
    case 'truncate':
      return bytes.slice(0, Math.floor(m.at * bytes.length));
    case 'flip': {
      const out = bytes.slice();
      for (const f of m.flips) {
        const i = Math.floor(f.at * out.length);
        if (i < out.length) out[i]! ^= f.xor;
      }
      return out;
    }
    case 'shuffle': {
      // Shuffle the lines after the first (a header stays a header; preambles may move).
      const lines = new TextDecoder().decode(bytes).split('\n');
      const rest = lines.slice(1);
      let s = m.seed;
      for (let i = rest.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) % 2147483648;
        const j = s % (i + 1);
        [rest[i], rest[j]] = [rest[j]!, rest[i]!];
      }
      return new TextEncoder().encode([lines[0], ...rest].join('\n'));
    }
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), flips: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), xor: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.integer({ min: 1, max: 2 ** 30 }) }),
);

describe('fuzzing real fixtures', () => {
  it('gives a report or a typed error, and changes nothing on error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: FIXTURES.length - 1 }), mutation, async (which, m) => {
        const fixture = FIXTURES[which]!;
        const bytes = mutate(fixture.bytes, m);
        const before = await databaseSnapshot(engine);
        try {
          const report = await importFile(engine, { name: fixture.path, bytes }, { onDuplicate: 'replace' });
          expect(['imported', 'duplicate', 'needs-mapping']).toContain(report.status);
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          expect(error.file).toBe(fixture.path);
          expect(await databaseSnapshot(engine)).toEqual(before);
        }
      }),
      { numRuns: 60, seed: 20261122 },
    );
  }, 600_000);
});
