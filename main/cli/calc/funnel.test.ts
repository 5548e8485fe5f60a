import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { parseReferenceCsv, relErr, str } from '../../../shared/methods/testing/referenceCsv';
import { REFERENCE_DIR, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc funnel-limits` / `calc funnel-significance` run as child processes. Sources:
// fixtures/reference/pheindicatormethods/data/funnel_limits_inputs.csv + funnel_limits_expected.csv
// (cases funnel_prop, funnel_ratio_count, funnel_rate_dsr) and funnel_significance.csv
// (funnel_sig_prop, funnel_sig_ratio, funnel_sig_rate_dsr_x1e5_with0). Tolerances (manifest
// "tolerance" for these cases): x exact; limits 1e-9 relative against pkg_* (the shared method
// copies the package's Poisson bisection); significance labels exact.
const PKG = 1e-9;
const load = (file: string): Row[] =>
  parseReferenceCsv(readFileSync(join(REFERENCE_DIR, 'data', file), 'utf8'));
const inputs = load('funnel_limits_inputs.csv');
const expected = load('funnel_limits_expected.csv');
const significance = load('funnel_significance.csv');
const tmp = new TempDir();
afterAll(() => tmp.remove());

const cell = (v: Row[string] | undefined) => (typeof v === 'boolean' ? String(v) : v) ?? null;

const LIMIT_CASES = [
  [
    'funnel_prop',
    'funnel_prop',
    [
      '--statistic',
      'proportion',
      '--numerator',
      'numerator',
      '--denominator',
      'denominator',
      '--multiplier',
      '100',
    ],
  ],
  [
    'funnel_ratio_count',
    'funnel_ratio',
    [
      '--statistic',
      'ratio',
      '--ratio-type',
      'count',
      '--numerator',
      'numerator',
      '--denominator',
      'denominator',
    ],
  ],
  [
    'funnel_rate_dsr',
    'funnel_rate_dsr',
    [
      '--statistic',
      'rate',
      '--rate-type',
      'dsr',
      '--numerator',
      'numerator',
      '--rate',
      'rate',
      '--multiplier',
      '100000',
      '--years-of-data',
      '3',
    ],
  ],
] as const;

describe.concurrent('calc funnel-limits against PHEindicatormethods 2.1.0', () => {
  it.each(LIMIT_CASES)('%s (inputs %s)', async (caseId, inputCase, args) => {
    const rows = inputs.filter((r) => r.case_id === inputCase);
    const columns = ['area', 'numerator', 'denominator', 'rate'];
    const input = tmp.writeCsv(
      `${caseId}.csv`,
      columns,
      rows.map((r) => columns.map((c) => cell(r[c]))),
    );
    const output = tmp.file(`${caseId}.out.csv`);
    const run = await runCli([
      'calc',
      'funnel-limits',
      '--input',
      input,
      '--output',
      output,
      ...args,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = readOutput(output).rows;
    const want = expected.filter((e) => e.case_id === caseId);
    expect(out).toHaveLength(want.length);
    want.forEach((e, i) => {
      const row = out[i]!;
      expect(outNum(row, 'x')).toBe(e.pkg_x);
      expect(row.axis).toBe(str(e, 'x_axis_name'));
      for (const [ours, theirs] of [
        ['lower95', 'lower_2s_limit'],
        ['upper95', 'upper_2s_limit'],
        ['lower998', 'lower_3s_limit'],
        ['upper998', 'upper_3s_limit'],
      ] as const) {
        expect(
          relErr(outNum(row, ours), e[`pkg_${theirs}`] as number),
          `point ${String(i + 1)} ${ours}`,
        ).toBeLessThanOrEqual(PKG);
      }
      if (e.pkg_baseline !== null)
        expect(relErr(outNum(row, 'baseline'), e.pkg_baseline as number)).toBeLessThanOrEqual(PKG);
    });
  });
});

const SIGNIFICANCE_CASES = [
  ['funnel_sig_prop', ['--statistic', 'proportion']],
  ['funnel_sig_ratio', ['--statistic', 'ratio']],
  [
    'funnel_sig_rate_dsr_x1e5_with0',
    ['--statistic', 'rate', '--rate-type', 'dsr', '--rate', 'rate', '--multiplier', '100000'],
  ],
  [
    'funnel_sig_rate_crude_x100_with0',
    ['--statistic', 'rate', '--rate-type', 'crude', '--rate', 'rate', '--multiplier', '100'],
  ],
] as const;

describe.concurrent(
  'calc funnel-significance against PHEindicatormethods 2.1.0 (funnel_significance.csv)',
  () => {
    it.each(SIGNIFICANCE_CASES)('%s: every label, input columns kept', async (caseId, args) => {
      const rows = significance.filter((r) => r.case_id === caseId);
      const columns = ['row', 'numerator', 'denominator', 'rate'];
      const input = tmp.writeCsv(
        `${caseId}.csv`,
        columns,
        rows.map((r) => columns.map((c) => cell(r[c]))),
      );
      const output = tmp.file(`${caseId}.out.csv`);
      const run = await runCli([
        'calc',
        'funnel-significance',
        '--input',
        input,
        '--output',
        output,
        '--numerator',
        'numerator',
        '--denominator',
        'denominator',
        ...args,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const { header, rows: out } = readOutput(output);
      expect(header).toEqual([...columns, 'significance']);
      expect(out.map((o) => o.significance)).toEqual(rows.map((r) => str(r, 'pkg_significance')));
    });

    it('--group-by is refused: one funnel per file, as in the package', async () => {
      const input = tmp.writeCsv('grouped.csv', ['g', 'x', 'n'], [['a', 1, 10]]);
      const run = await runCli([
        'calc',
        'funnel-limits',
        '--input',
        input,
        '--output',
        tmp.file('g.out.csv'),
        '--statistic',
        'proportion',
        '--numerator',
        'x',
        '--denominator',
        'n',
        '--group-by',
        'g',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/one funnel per file/);
    });

    it('a missing numerator names the row and column', async () => {
      const input = tmp.writeCsv(
        'missing.csv',
        ['x', 'n'],
        [
          [1, 10],
          [null, 20],
        ],
      );
      const run = await runCli([
        'calc',
        'funnel-limits',
        '--input',
        input,
        '--output',
        tmp.file('m.out.csv'),
        '--statistic',
        'proportion',
        '--numerator',
        'x',
        '--denominator',
        'n',
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(
        /column 'x' \(--numerator\): row 2: numerators and denominators must be given/,
      );
    });
  },
);
