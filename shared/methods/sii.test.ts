import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiiOptions, SiiRecord, SiiValueType } from './sii';
import { sii } from './sii';
import type { Row } from './testing/referenceCsv';
import { numbers, parseReferenceCsv, relErr, str } from './testing/referenceCsv';

// Source: fixtures/reference/pheindicatormethods/data/sii_inputs.csv + sii_expected.csv, one
// test per sii_* case of manifest.json (input_filter fixture_row, group_by, args, r_seed).
// Tolerances (README "Tolerances"):
// - SII/RII/intercept point values: 1e-9 relative against pkg_* and exp_* (deterministic).
// - Simulated limits against pkg_*: 1e-12 relative. Not a Monte Carlo tolerance: we reproduce R's
//   Mersenne-Twister + Inversion rnorm after set.seed(r_seed), the package's draw order and its
//   least-squares arithmetic, so the limits are R's own numbers (observed: identical doubles or
//   ~1e-15). 1e-12 leaves room only for last-bit differences between libm's log/exp and V8's.
// - Simulated limits against exp_*: 0.05 relative, the package test's own tolerance (exp_* came
//   from an independent simulation in the Excel tool).
const ROOT = new URL('../../fixtures/reference/pheindicatormethods/', import.meta.url);
const load = (file: string): Row[] => parseReferenceCsv(readFileSync(new URL(file, ROOT), 'utf8'));
const POINT = 1e-9;
const PKG_LIMITS = 1e-12;
const EXP_LIMITS = 0.05;

interface ManifestCase {
  readonly id: string;
  readonly input_filter?: { readonly fixture_row: string };
  readonly args: {
    readonly se: string | null;
    readonly lower_cl: string | null;
    readonly value_type: 0 | 1 | 2;
    readonly transform: boolean;
    readonly multiplier: number;
    readonly repetitions: number;
    readonly confidence: number | number[];
    readonly rii: boolean;
    readonly intercept: boolean;
    readonly group_by: string[];
    readonly r_seed: number;
  };
}

const manifest = JSON.parse(readFileSync(new URL('manifest.json', ROOT), 'utf8')) as ManifestCase[];
const cases = manifest.filter((c) => c.id.startsWith('sii_'));
const inputs = load('data/sii_inputs.csv');
const expected = load('data/sii_expected.csv');
const TYPES: readonly SiiValueType[] = ['other', 'rate', 'proportion'];

function run(c: ManifestCase): SiiRecord[] {
  const [from, to] = c.input_filter!.fixture_row.split('-').map(Number) as [number, number];
  const rows = inputs.filter((r) => (r.fixture_row as number) >= from && (r.fixture_row as number) <= to);
  const a = c.args;
  const options: SiiOptions = {
    quantile: numbers(rows, 'Quantile'),
    population: numbers(rows, 'Population'),
    value: numbers(rows, 'Value'),
    ...(a.se !== null ? { se: numbers(rows, 'StandardError') } : { lowerCl: numbers(rows, 'LowerCL'), upperCl: numbers(rows, 'UpperCL') }),
    groupBy: Object.fromEntries(a.group_by.map((name) => [name, rows.map((r) => str(r, name))])),
    valueType: TYPES[a.value_type]!,
    transform: a.transform,
    multiplier: a.multiplier,
    repetitions: a.repetitions,
    confidence: a.confidence,
    seed: a.r_seed,
  };
  return [...sii(options).records];
}

describe.each(cases.map((c) => [c.id, c] as const))('%s (sii_inputs.csv / sii_expected.csv)', (id, c) => {
  const records = run(c);
  const rows = expected.filter((e) => e.case_id === id);
  const levels = (Array.isArray(c.args.confidence) ? c.args.confidence : [c.args.confidence]).map((l) => String(Math.round(l * 1e4) / 1e2).replace('.', ''));
  it('one record per area, in input order', () => {
    expect(records.map((r) => r.label)).toEqual(rows.map((e) => `Area=${str(e, 'Area')}, Grouping1=${str(e, 'Grouping1')}, Grouping2=${str(e, 'Grouping2')}`));
  });
  it.each(rows.map((e, i) => [str(e, 'Area'), e, i] as const))('%s', (_area, e, i) => {
    const rec = records[i]!;
    const points = [[rec.sii.value, 'sii'], ...(c.args.rii ? [[rec.rii.value, 'rii'] as const] : []), ...(c.args.intercept ? [[rec.intercept, 'intercept'] as const] : [])] as const;
    for (const [ours, col] of points) {
      expect(relErr(ours, e[`pkg_${col}`] as number), `pkg ${col}`).toBeLessThanOrEqual(POINT);
      if (e[`exp_${col}`] !== null) expect(relErr(ours, e[`exp_${col}`] as number), `exp ${col}`).toBeLessThanOrEqual(POINT);
    }
    levels.forEach((suffix, l) => {
      const stats = c.args.rii ? (['sii', 'rii'] as const) : (['sii'] as const);
      for (const stat of stats) {
        for (const side of ['lower', 'upper'] as const) {
          const ours = rec[stat][`${side}${suffix}`] as number | null;
          const col = `${stat}_${side}_c${String(l + 1)}`;
          expect(relErr(ours, e[`pkg_${col}`] as number), `pkg ${col}`).toBeLessThanOrEqual(PKG_LIMITS);
          if (e[`exp_${col}`] !== null) expect(relErr(ours, e[`exp_${col}`] as number), `exp ${col}`).toBeLessThanOrEqual(EXP_LIMITS);
        }
      }
    });
  });
});

