import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { parseReferenceCsv, relErr, str } from '../../../shared/methods/testing/referenceCsv';
import { REFERENCE_DIR, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc isr` / `calc isratio` run as child processes. Source: fixtures/reference/
// pheindicatormethods/data/isr_inputs.csv + isr_expected.csv, cases israte_x1e5, israte_x1e3,
// isratio_x1, isratio_x100 (dataset multiarea) and israte_zero_pop_band_x1e5 (zero_pop_band).
// The reference counts and populations are on every input row and identical for all areas; the
// --reference file is built from the first area's 19 rows. Tolerance (reference README,
// "Tolerances", DSR and ISR): 1e-12 relative against pkg_*.
const PKG = 1e-12;
const load = (file: string): Row[] =>
  parseReferenceCsv(readFileSync(join(REFERENCE_DIR, 'data', file), 'utf8'));
const inputs = load('isr_inputs.csv');
const expected = load('isr_expected.csv');
const tmp = new TempDir();
afterAll(() => tmp.remove());

/** Input and reference files for one test (own names: tests run concurrently). */
function files(dataset: string, tag: string): { input: string; reference: string } {
  const rows = inputs.filter((r) => r.dataset === dataset);
  const first = rows.filter((r) => r.area === rows[0]!.area);
  return {
    input: tmp.writeCsv(
      `${tag}.csv`,
      ['area', 'ageband', 'count', 'pop'],
      rows.map((r) => [
        str(r, 'area'),
        str(r, 'ageband'),
        r.count as number | null,
        r.pop as number | null,
      ]),
    ),
    reference: tmp.writeCsv(
      `${tag}.ref.csv`,
      ['age_band', 'count', 'population'],
      first.map((r) => [str(r, 'ageband'), r.refcount as number | null, r.refpop as number | null]),
    ),
  };
}

const CASES = [
  ['israte_x1e5', 'isr', 'multiarea', '100000'],
  ['israte_x1e3', 'isr', 'multiarea', '1000'],
  ['isratio_x1', 'isratio', 'multiarea', '1'],
  ['isratio_x100', 'isratio', 'multiarea', '100'],
  ['israte_zero_pop_band_x1e5', 'isr', 'zero_pop_band', '100000'],
] as const;

describe.concurrent('calc isr / isratio against PHEindicatormethods 2.1.0 (isr_*.csv)', () => {
  it.each(CASES)(
    '%s: calc %s on %s, --multiplier %s',
    async (caseId, method, dataset, multiplier) => {
      const { input, reference } = files(dataset, caseId);
      const output = tmp.file(`${caseId}.out.csv`);
      const run = await runCli([
        'calc',
        method,
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
        '--reference',
        reference,
        '--group-by',
        'area',
        '--multiplier',
        multiplier,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const out = readOutput(output).rows;
      const cases = expected.filter((e) => e.case_id === caseId);
      expect(out).toHaveLength(cases.length);
      for (const e of cases) {
        const row = out.find((o) => o.area === str(e, 'area'))!;
        expect(outNum(row, 'count')).toBe(e.pkg_observed);
        expect(relErr(outNum(row, 'expected'), e.pkg_expected as number)).toBeLessThanOrEqual(PKG);
        if (method === 'isr')
          expect(
            relErr(outNum(row, 'reference_rate'), e.pkg_ref_rate as number),
          ).toBeLessThanOrEqual(PKG);
        for (const [ours, theirs] of [
          ['value', 'value'],
          ['lower95', 'lower95_0cl'],
          ['upper95', 'upper95_0cl'],
          ['lower998', 'lower99_8cl'],
          ['upper998', 'upper99_8cl'],
        ] as const) {
          expect(
            relErr(outNum(row, ours), e[`pkg_${theirs}`] as number),
            `${str(e, 'area')} ${ours}`,
          ).toBeLessThanOrEqual(PKG);
        }
        expect(row.statistic).toBe(str(e, 'pkg_statistic'));
        expect(row.method).toBe(str(e, 'pkg_method'));
      }
    },
  );

  it('a reference file without the age_band column lists its columns', async () => {
    const { input } = files('multiarea', 'bad');
    const reference = tmp.writeCsv(
      'bad-columns.ref.csv',
      ['band', 'count', 'population'],
      [['0-4', 1, 10]],
    );
    const run = await runCli([
      'calc',
      'isr',
      '--input',
      input,
      '--output',
      tmp.file('bad.out.csv'),
      '--count',
      'count',
      '--population',
      'pop',
      '--age-band',
      'ageband',
      '--reference',
      reference,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /bad-columns\.ref\.csv: no column 'age_band' \(given by --reference\)\. Available columns: band, count, population/,
    );
  });

  it('a negative reference population is reported against the --reference file', async () => {
    const { input } = files('multiarea', 'neg');
    const reference = tmp.writeCsv(
      'neg-population.ref.csv',
      ['age_band', 'count', 'population'],
      [['0-4', 1, -10]],
    );
    const run = await runCli([
      'calc',
      'isratio',
      '--input',
      input,
      '--output',
      tmp.file('neg.out.csv'),
      '--count',
      'count',
      '--population',
      'pop',
      '--age-band',
      'ageband',
      '--reference',
      reference,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/column 'population' of the --reference file/);
  });
});
