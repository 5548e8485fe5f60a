import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { relErr } from '../../../shared/methods/testing/referenceCsv';
import { REPO_ROOT, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc heat` run as a child process on real data: NCMP child obesity prevalence by IMD decile
// (fixtures/data/inequalities/PHEindicatormethods_NCMP_testdata.csv; Rate is a percentage, SE
// its standard error, decile 1 = most deprived). Expected numbers are hand calculations from the
// same rows, for the measures that have a closed form (HEAT Technical Notes): the difference
// D = y(decile 1) − y(decile 10), SE √(se₁² + se₁₀²), and the ratio R = y₁/y₁₀. Tolerance 1e-12
// relative (a few floating-point operations).
const FILE = join(REPO_ROOT, 'fixtures/data/inequalities/PHEindicatormethods_NCMP_testdata.csv');
const source = readOutput(FILE).rows;
const tmp = new TempDir();
afterAll(() => tmp.remove());

describe.concurrent('calc heat on NCMP obesity by deprivation decile', () => {
  const output = tmp.file('ncmp-heat.csv');
  const run = runCli([
    'calc',
    'heat',
    '--input',
    FILE,
    '--output',
    output,
    '--subgroup',
    'Decile',
    '--value',
    'Rate',
    '--population',
    'Measured',
    '--se',
    'SE',
    '--ordered',
    '--group-by',
    'Period,SchoolYear',
    '--multiplier',
    '100',
  ]);

  it('writes one row per period, school year and measure', async () => {
    expect((await run).code).toBe(0);
    const { header, rows } = readOutput(output);
    expect(header.slice(0, 8)).toEqual([
      'Period',
      'SchoolYear',
      'measure',
      'value',
      'lower95',
      'upper95',
      'lower998',
      'upper998',
    ]);
    expect(rows).toHaveLength(24 * 21); // 12 periods x 2 school years x 21 measures
  });

  it('D and R match the hand calculation for every period and school year', async () => {
    await run;
    const rows = readOutput(output).rows;
    for (const d of rows.filter((r) => r.measure === 'D')) {
      const group = source.filter((s) => s.Period === d.Period && s.SchoolYear === d.SchoolYear);
      const most = group.find((s) => s.Decile === 1)!;
      const least = group.find((s) => s.Decile === 10)!;
      const [y1, y10] = [most.Rate as number, least.Rate as number];
      const se = Math.sqrt((most.SE as number) ** 2 + (least.SE as number) ** 2);
      expect(relErr(outNum(d, 'value'), y1 - y10)).toBeLessThanOrEqual(1e-12);
      expect(relErr(outNum(d, 'se'), se)).toBeLessThanOrEqual(1e-12);
      expect(
        outNum(d, 'lower95')! < outNum(d, 'value')! && outNum(d, 'value')! < outNum(d, 'upper95')!,
      ).toBe(true);
      const r = rows.find(
        (x) => x.measure === 'R' && x.Period === d.Period && x.SchoolYear === d.SchoolYear,
      )!;
      expect(relErr(outNum(r, 'value'), y1 / y10)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('measures for non-ordered dimensions are empty with a reason', async () => {
    await run;
    const bgv = readOutput(output).rows.find((r) => r.measure === 'BGV')!;
    expect(bgv.value).toBeNull();
    expect(bgv.note).toMatch(/non-ordered/);
  });

  it('a repeated subgroup names the group and the column', async () => {
    const input = tmp.writeCsv(
      'dup.csv',
      ['area', 'q', 'v', 'pop', 'se'],
      [
        ['E1', 1, 10, 100, 1],
        ['E1', 1, 12, 100, 1],
      ],
    );
    const result = await runCli([
      'calc',
      'heat',
      '--input',
      input,
      '--output',
      tmp.file('dup.out.csv'),
      '--subgroup',
      'q',
      '--value',
      'v',
      '--population',
      'pop',
      '--se',
      'se',
      '--group-by',
      'area',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /in group area=E1, column 'q' \(--subgroup\): subgroup names must be unique/,
    );
  });
});
