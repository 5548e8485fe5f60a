import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { num, parseReferenceCsv, relErr, str } from '../../../shared/methods/testing/referenceCsv';
import { REFERENCE_DIR, REPO_ROOT, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc proportion` run as a child process. Sources: fixtures/reference/pheindicatormethods/data/
// proportion_rows.csv (cases prop_rows_x1, prop_rows_x100) and proportion_grouped_inputs.csv +
// proportion_grouped_expected.csv (prop_grouped). Tolerance (reference README, "Tolerances",
// proportions): 1e-12 relative against the pkg_* columns (PHEindicatormethods 2.1.0 output).
const PKG = 1e-12;
const load = (file: string): Row[] =>
  parseReferenceCsv(readFileSync(join(REFERENCE_DIR, 'data', file), 'utf8'));
const tmp = new TempDir();
afterAll(() => tmp.remove());

/** Our limit columns and the reference's names for them. */
const LIMITS = [
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

describe.each(['prop_rows_x1', 'prop_rows_x100'])(
  '%s (proportion_rows.csv, ungrouped: one row out per row in)',
  (caseId) => {
    const rows = load('proportion_rows.csv').filter((r) => r.case_id === caseId);
    const input = tmp.writeCsv(
      `${caseId}.csv`,
      ['Area', 'Numerator', 'Denominator'],
      rows.map((r) => [
        str(r, 'Area'),
        r.Numerator as number | null,
        r.Denominator as number | null,
      ]),
    );
    const output = tmp.file(`${caseId}.out.csv`);
    const run = runCli([
      'calc',
      'proportion',
      '--input',
      input,
      '--output',
      output,
      '--numerator',
      'Numerator',
      '--denominator',
      'Denominator',
      '--multiplier',
      String(num(rows[0]!, 'multiplier')),
    ]);

    it('exits 0 and writes the standard columns', async () => {
      const { code, stderr } = await run;
      expect(stderr).toMatch(/wrote \d+ rows/);
      expect(code).toBe(0);
      expect(readOutput(output).header).toEqual([
        'value',
        'lower95',
        'upper95',
        'lower998',
        'upper998',
        'count',
        'denominator',
        'statistic',
        'method',
        'note',
      ]);
    });
    it('matches pkg_* at 1e-12 relative, row by row (missing stays missing)', async () => {
      await run;
      const out = readOutput(output).rows;
      expect(out).toHaveLength(rows.length);
      rows.forEach((r, i) => {
        for (const [ours, theirs] of LIMITS) {
          expect(
            relErr(outNum(out[i]!, ours), r[`pkg_${theirs}`] as number | null),
            `${str(r, 'Area')} ${ours}`,
          ).toBeLessThanOrEqual(PKG);
        }
        expect(out[i]!.statistic).toBe(str(r, 'pkg_statistic'));
      });
    });
  },
);

describe('prop_grouped (proportion_grouped_*.csv): --group-by Area sums first', () => {
  const inputs = load('proportion_grouped_inputs.csv');
  const expected = load('proportion_grouped_expected.csv');
  const input = tmp.writeCsv(
    'grouped.csv',
    ['Area', 'Numerator', 'Denominator'],
    inputs.map((r) => [
      str(r, 'Area'),
      r.Numerator as number | null,
      r.Denominator as number | null,
    ]),
  );
  const output = tmp.file('grouped.out.csv');
  const run = runCli([
    'calc',
    'proportion',
    '--input',
    input,
    '--output',
    output,
    '--numerator',
    'Numerator',
    '--denominator',
    'Denominator',
    '--group-by',
    'Area',
    '--confidence',
    '0.95',
  ]);

  it('writes Area, value, lower95, upper95 and the sums', async () => {
    expect((await run).code).toBe(0);
    expect(readOutput(output).header.slice(0, 6)).toEqual([
      'Area',
      'value',
      'lower95',
      'upper95',
      'count',
      'denominator',
    ]);
  });
  it('matches pkg_* at 1e-12 relative per Area', async () => {
    await run;
    const out = readOutput(output).rows;
    expect(out).toHaveLength(expected.length);
    for (const e of expected) {
      const row = out.find((o) => o.Area === str(e, 'Area'));
      expect(row, str(e, 'Area')).toBeDefined();
      expect(relErr(outNum(row!, 'count'), e.pkg_Numerator as number | null)).toBe(0);
      expect(relErr(outNum(row!, 'denominator'), e.pkg_Denominator as number | null)).toBe(0);
      for (const [ours, theirs] of [
        ['value', 'value'],
        ['lower95', 'lowercl'],
        ['upper95', 'uppercl'],
      ] as const) {
        expect(
          relErr(outNum(row!, ours), e[`pkg_${theirs}`] as number | null),
          `${str(e, 'Area')} ${ours}`,
        ).toBeLessThanOrEqual(PKG);
      }
    }
  });
});

describe('real data: NCMP obesity prevalence (fixtures/data/inequalities/PHEindicatormethods_NCMP_testdata.csv)', () => {
  // 240 rows: Count obese children of Measured, by area, period, school year and deprivation
  // decile. Grouping by AreaCode, Period and SchoolYear sums the deciles. The expected values are a hand calculation from the
  // same file (sum of Count / sum of Measured x 100), and the limits must bracket the value.
  const file = join(REPO_ROOT, 'fixtures/data/inequalities/PHEindicatormethods_NCMP_testdata.csv');
  const output = tmp.file('ncmp.out.csv');
  const run = runCli([
    'calc',
    'proportion',
    '--input',
    file,
    '--output',
    output,
    '--numerator',
    'Count',
    '--denominator',
    'Measured',
    '--group-by',
    'AreaCode,Period,SchoolYear',
    '--multiplier',
    '100',
  ]);
  const source = readOutput(file).rows;

  it('gives one row per area, period and school year with percentages', async () => {
    expect((await run).code).toBe(0);
    const out = readOutput(output).rows;
    const keys = new Set(
      source.map((r) => `${String(r.AreaCode)}|${String(r.Period)}|${String(r.SchoolYear)}`),
    );
    expect(out).toHaveLength(keys.size);
    for (const row of out) {
      const rows = source.filter(
        (r) =>
          r.AreaCode === row.AreaCode && r.Period === row.Period && r.SchoolYear === row.SchoolYear,
      );
      const x = rows.reduce((s, r) => s + (r.Count as number), 0);
      const n = rows.reduce((s, r) => s + (r.Measured as number), 0);
      expect(outNum(row, 'count')).toBe(x);
      expect(outNum(row, 'denominator')).toBe(n);
      expect(relErr(outNum(row, 'value'), (x / n) * 100)).toBeLessThanOrEqual(1e-15);
      expect(outNum(row, 'lower998')!).toBeLessThan(outNum(row, 'lower95')!);
      expect(outNum(row, 'lower95')!).toBeLessThan(outNum(row, 'value')!);
      expect(outNum(row, 'upper95')!).toBeGreaterThan(outNum(row, 'value')!);
      expect(outNum(row, 'upper998')!).toBeGreaterThan(outNum(row, 'upper95')!);
      expect(row.statistic).toBe('percentage');
    }
  });
});
