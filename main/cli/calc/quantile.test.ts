import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { parseReferenceCsv, str } from '../../../shared/methods/testing/referenceCsv';
import { REFERENCE_DIR, TempDir, readOutput, runCli } from '../testing/runCli';

// `calc quantile` run as a child process. Source: fixtures/reference/pheindicatormethods/data/
// quantile_cases.csv (real Fingertips values), its four cases with their manifest arguments.
// Tolerance (reference README): exact integer match with pkg_quantile (NA = empty).
const rows = parseReferenceCsv(
  readFileSync(join(REFERENCE_DIR, 'data/quantile_cases.csv'), 'utf8'),
);
const tmp = new TempDir();
afterAll(() => tmp.remove());

const CASES = [
  [
    'q_region_deciles_polarity_field',
    ['--quantiles', '10', '--invert-column', 'invert', '--group-by', 'IndSexRef,ParentCode'],
  ],
  ['q_region_deciles_invert_false', ['--quantiles', '10', '--group-by', 'IndSexRef,ParentCode']],
  [
    'q_indsex_septiles_polarity_field',
    ['--quantiles', '7', '--invert-column', 'invert', '--group-by', 'IndSexRef'],
  ],
  ['q_none_quartiles_invert_true', ['--quantiles', '4', '--invert']],
] as const;

describe.concurrent('calc quantile against PHEindicatormethods 2.1.0 (quantile_cases.csv)', () => {
  it.each(CASES)('%s', async (caseId, args) => {
    const cases = rows.filter((r: Row) => r.case_id === caseId);
    const columns = ['IndSexRef', 'ParentCode', 'AreaCode', 'Value', 'invert'];
    const input = tmp.writeCsv(
      `${caseId}.csv`,
      columns,
      cases.map((r) => [
        str(r, 'IndSexRef'),
        str(r, 'ParentCode'),
        str(r, 'AreaCode'),
        r.Value as number | null,
        r.invert === true ? 'TRUE' : 'FALSE',
      ]),
    );
    const output = tmp.file(`${caseId}.out.csv`);
    // The package leaves groups with too few values NA, with a warning.
    const run = await runCli([
      'calc',
      'quantile',
      '--input',
      input,
      '--output',
      output,
      '--value',
      'Value',
      '--too-few',
      'missing',
      ...args,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { header, rows: out } = readOutput(output);
    expect(header).toEqual([...columns, 'quantile']);
    expect(out.map((o) => o.quantile)).toEqual(cases.map((r) => r.pkg_quantile));
    expect(out.map((o) => o.AreaCode)).toEqual(cases.map((r) => r.AreaCode));
  });

  it('too few values in a group is an error by default, naming the group', async () => {
    const input = tmp.writeCsv(
      'few.csv',
      ['g', 'v'],
      [
        ['a', 1],
        ['a', 2],
        ['a', 3],
      ],
    );
    const run = await runCli([
      'calc',
      'quantile',
      '--input',
      input,
      '--output',
      tmp.file('few.out.csv'),
      '--value',
      'v',
      '--quantiles',
      '5',
      '--group-by',
      'g',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/in group g=a, column 'v' \(--value\)/);
  });

  it('an invert column that is not TRUE/FALSE names the row and column', async () => {
    const input = tmp.writeCsv(
      'flag.csv',
      ['v', 'pol'],
      [
        [1, 'TRUE'],
        [2, 'maybe'],
      ],
    );
    const run = await runCli([
      'calc',
      'quantile',
      '--input',
      input,
      '--output',
      tmp.file('flag.out.csv'),
      '--value',
      'v',
      '--quantiles',
      '2',
      '--invert-column',
      'pol',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/row 2, column 'pol': 'maybe' is not TRUE or FALSE/);
  });
});
