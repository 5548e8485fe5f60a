import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { parseReferenceCsv, relErr, str } from '../../../shared/methods/testing/referenceCsv';
import { REFERENCE_DIR, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc rate` and `calc mean` run as child processes. Sources: fixtures/reference/
// pheindicatormethods/data/rate_rows.csv (rate_rows_x100, rate_rows_x1e5; ungrouped, one row out
// per row in) and mean_inputs.csv + mean_expected.csv (mean_grouped, mean_ungrouped).
// Tolerances (reference README, "Tolerances"): rates 1e-10 relative against pkg_* (exact Poisson
// below 10 events needs the chi-square quantile; Byar's alone would be 1e-12); mean 1e-10 (t quantile).
const TOL = 1e-10;
const load = (file: string): Row[] =>
  parseReferenceCsv(readFileSync(join(REFERENCE_DIR, 'data', file), 'utf8'));
const tmp = new TempDir();
afterAll(() => tmp.remove());

const LIMITS = [
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

describe.concurrent('calc rate against PHEindicatormethods 2.1.0 (rate_rows.csv)', () => {
  it.each(['rate_rows_x100', 'rate_rows_x1e5'])('%s', async (caseId) => {
    const rows = load('rate_rows.csv').filter((r) => r.case_id === caseId);
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
    const run = await runCli([
      'calc',
      'rate',
      '--input',
      input,
      '--output',
      output,
      '--count',
      'Numerator',
      '--population',
      'Denominator',
      '--multiplier',
      String(rows[0]!.multiplier),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = readOutput(output).rows;
    expect(out).toHaveLength(rows.length);
    rows.forEach((r, i) => {
      for (const [ours, theirs] of LIMITS) {
        expect(
          relErr(outNum(out[i]!, ours), r[`pkg_${theirs}`] as number | null),
          `${str(r, 'Area')} ${ours}`,
        ).toBeLessThanOrEqual(TOL);
      }
      expect(out[i]!.method ?? null).toBe(r.pkg_method);
      expect(out[i]!.statistic).toBe(str(r, 'pkg_statistic'));
    });
  });
});

describe.concurrent('calc mean against PHEindicatormethods 2.1.0 (mean_*.csv)', () => {
  const inputs = load('mean_inputs.csv');
  const expected = load('mean_expected.csv');
  const input = tmp.writeCsv(
    'mean.csv',
    ['area', 'values'],
    inputs.map((r) => [str(r, 'area'), r.values as number]),
  );

  it.each([
    ['mean_grouped', ['--group-by', 'area']],
    ['mean_ungrouped', []],
  ] as const)('%s', async (caseId, args) => {
    const output = tmp.file(`${caseId}.out.csv`);
    const run = await runCli([
      'calc',
      'mean',
      '--input',
      input,
      '--output',
      output,
      '--value',
      'values',
      ...args,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = readOutput(output).rows;
    const want = expected.filter((e) => e.case_id === caseId);
    expect(out).toHaveLength(want.length);
    want.forEach((e, i) => {
      const row = out[i]!;
      if (args.length > 0) expect(row.area).toBe(str(e, 'area'));
      expect(outNum(row, 'count')).toBe(e.pkg_value_count);
      expect(relErr(outNum(row, 'stdev'), e.pkg_stdev as number)).toBeLessThanOrEqual(TOL);
      for (const [ours, theirs] of LIMITS) {
        expect(relErr(outNum(row, ours), e[`pkg_${theirs}`] as number), ours).toBeLessThanOrEqual(
          TOL,
        );
      }
    });
  });
});
