import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { parseReferenceCsv, relErr, str } from '../../../shared/methods/testing/referenceCsv';
import { ESP2013 } from '../../../shared/methods/esp2013';
import { REFERENCE_DIR, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc dsr` run as a child process. Source: fixtures/reference/pheindicatormethods/data/
// dsr_inputs.csv + dsr_expected.csv, cases dsr_multiarea_x1e5, dsr_multiarea_x1e4 and
// dsr_1976_x1e5 (ESP1976, 18 bands, from the stdpop column) and dsr_nonindependent_x1e5. Tolerance (reference README,
// "Tolerances", DSR): 1e-12 relative against pkg_*.
// The fixture spreadsheet labels 55-59 as "55-69"; the workbench joins the standard by label, so
// the inputs built here use 55-59 (and one test checks that the typo is reported, not ignored).
const PKG = 1e-12;
const load = (file: string): Row[] =>
  parseReferenceCsv(readFileSync(join(REFERENCE_DIR, 'data', file), 'utf8'));
const inputs = load('dsr_inputs.csv');
const expected = load('dsr_expected.csv');
const tmp = new TempDir();
afterAll(() => tmp.remove());

const LIMITS = [
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

function writeInput(name: string, dataset: string, fixLabel = true): string {
  const rows = inputs.filter((r) => r.dataset === dataset);
  return tmp.writeCsv(
    name,
    ['area', 'ageband', 'count', 'pop', 'stdpop', 'eventfreq'],
    rows.map((r) => [
      str(r, 'area'),
      fixLabel && r.ageband === '55-69' ? '55-59' : str(r, 'ageband'),
      r.count as number | null,
      r.pop as number | null,
      r.stdpop as number | null,
      r.eventfreq as number | null,
    ]),
  );
}

function expectMatches(
  out: readonly Readonly<Record<string, number | string | null>>[],
  caseId: string,
  key: (row: Row) => string,
): void {
  const cases = expected.filter((e) => e.case_id === caseId);
  expect(out).toHaveLength(cases.length);
  for (const e of cases) {
    const row = out.find((o) => o.area === key(e)) ?? out[0]!;
    expect(outNum(row, 'count')).toBe(e.pkg_total_count);
    expect(outNum(row, 'denominator')).toBe(e.pkg_total_pop);
    for (const [ours, theirs] of LIMITS) {
      expect(
        relErr(outNum(row, ours), e[`pkg_${theirs}`] as number | null),
        `${caseId} ${key(e)} ${ours}`,
      ).toBeLessThanOrEqual(PKG);
    }
    expect(row.statistic).toBe(str(e, 'pkg_statistic'));
  }
}

describe.concurrent('calc dsr against PHEindicatormethods 2.1.0 (dsr_*.csv)', () => {
  const multiarea = writeInput('multiarea.csv', 'multiarea_esp2013');
  const base = [
    'calc',
    'dsr',
    '--input',
    multiarea,
    '--count',
    'count',
    '--population',
    'pop',
    '--age-band',
    'ageband',
    '--group-by',
    'area',
  ];

  it('dsr_multiarea_x1e5: ESP2013 built in (default), per 100,000; total count < 10 suppressed', async () => {
    const output = tmp.file('x1e5.csv');
    const run = await runCli([...base, '--output', output]);
    expect(run.code, run.stderr).toBe(0);
    expectMatches(readOutput(output).rows, 'dsr_multiarea_x1e5', (e) => str(e, 'area'));
  });

  it('dsr_multiarea_x1e4: --multiplier 10000 and --standard-population from the stdpop column', async () => {
    const output = tmp.file('x1e4.csv');
    const run = await runCli([
      ...base,
      '--output',
      output,
      '--multiplier',
      '10000',
      '--standard-population',
      'stdpop',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectMatches(readOutput(output).rows, 'dsr_multiarea_x1e4', (e) => str(e, 'area'));
  });

  it('dsr_nonindependent_x1e5: --event-frequency (people counted by how many events they had)', async () => {
    const input = writeInput('nonind.csv', 'nonindependent');
    const output = tmp.file('nonind.out.csv');
    const run = await runCli([
      'calc',
      'dsr',
      '--input',
      input,
      '--output',
      output,
      '--count',
      'count',
      '--population',
      'pop',
      '--age-band',
      'ageband',
      '--group-by',
      'area',
      '--event-frequency',
      'eventfreq',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expectMatches(readOutput(output).rows, 'dsr_nonindependent_x1e5', (e) => str(e, 'area'));
  });

  it('dsr_1976_x1e5: an 18-band ESP1976 standard from the stdpop column, ungrouped', async () => {
    const input = writeInput('esp1976.csv', 'dsr_1976');
    const output = tmp.file('esp1976.out.csv');
    const run = await runCli([
      'calc',
      'dsr',
      '--input',
      input,
      '--output',
      output,
      '--count',
      'count',
      '--population',
      'pop',
      '--age-band',
      'ageband',
      '--standard-population',
      'stdpop',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { header, rows } = readOutput(output);
    expect(header.slice(0, 5)).toEqual(['value', 'lower95', 'upper95', 'lower998', 'upper998']);
    expectMatches(rows, 'dsr_1976_x1e5', () => '');
  });

  it("the fixture's '55-69' label is reported with its group and column, not joined by position", async () => {
    const input = writeInput('typo.csv', 'multiarea_esp2013', false);
    const run = await runCli([
      'calc',
      'dsr',
      '--input',
      input,
      '--output',
      tmp.file('typo.out.csv'),
      '--count',
      'count',
      '--population',
      'pop',
      '--age-band',
      'ageband',
      '--group-by',
      'area',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /in group area=testdata_big, column 'ageband' \(--age-band\): age band "55-69" is not in the standard population ESP2013/,
    );
  });

  it('a negative count names the group and the count column', async () => {
    const input = tmp.writeCsv(
      'negative.csv',
      ['area', 'band', 'deaths', 'pop'],
      [...ESP2013.bands.map((b, i) => ['E1', b, i === 3 ? -2 : 5, 1000])],
    );
    const run = await runCli([
      'calc',
      'dsr',
      '--input',
      input,
      '--output',
      tmp.file('neg.out.csv'),
      '--count',
      'deaths',
      '--population',
      'pop',
      '--age-band',
      'band',
      '--group-by',
      'area',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/in group area=E1, column 'deaths' \(--count\): .*-2/);
  });
});
