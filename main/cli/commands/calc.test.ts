import { afterAll, describe, expect, it } from 'vitest';
import { METHODS } from '../calc/registry';
import { TempDir, readOutput, runCli } from '../testing/runCli';

// Error handling of `jsna-workbench calc`, run as a child process: every user-fixable problem
// exits non-zero with one line that says what and where (file, row, column, group), and no
// stack trace.
const tmp = new TempDir();
afterAll(() => tmp.remove());

const good = tmp.writeCsv(
  'good.csv',
  ['Area', 'Deaths', 'Pop'],
  [
    ['E1', 3, 100],
    ['E1', 4, 200],
    ['E2', 10, 1000],
  ],
);

async function expectFailure(
  args: readonly string[],
  code: number,
  ...patterns: RegExp[]
): Promise<void> {
  const run = await runCli(['calc', ...args]);
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const pattern of patterns) expect(run.stderr).toMatch(pattern);
}

describe.concurrent('calc: bad input files', () => {
  it('missing input file: names the file', async () => {
    const missing = tmp.file('nope.csv');
    await expectFailure(
      [
        'proportion',
        '--input',
        missing,
        '--output',
        tmp.file('o.csv'),
        '--numerator',
        'Deaths',
        '--denominator',
        'Pop',
      ],
      1,
      /input file '.*nope\.csv' does not exist/,
    );
  });

  it('missing column: names it, the option and the columns there are', async () => {
    await expectFailure(
      [
        'rate',
        '--input',
        good,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Death',
        '--population',
        'Pop',
      ],
      1,
      /no column 'Death' \(given by --count\)/,
      /Available columns: Area, Deaths, Pop/,
    );
  });

  it('missing group-by column: names it', async () => {
    await expectFailure(
      [
        'rate',
        '--input',
        good,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
        '--group-by',
        'Area,Sex',
      ],
      1,
      /no column 'Sex' \(given by --group-by\)/,
    );
  });

  it('non-numeric cell: names the row and the column', async () => {
    const bad = tmp.writeCsv(
      'bad-number.csv',
      ['Area', 'Deaths', 'Pop'],
      [
        ['E1', 3, 100],
        ['E2', '1,204', 1000],
      ],
    );
    await expectFailure(
      [
        'rate',
        '--input',
        bad,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
      ],
      1,
      /row 2, column 'Deaths': '1,204' is not a number/,
    );
  });

  it('an input that is a folder, and an output folder that does not exist, are named', async () => {
    const args = ['--count', 'Deaths', '--population', 'Pop'];
    await expectFailure(
      ['rate', '--input', tmp.path, '--output', tmp.file('o.csv'), ...args],
      1,
      /input '.*' is not a file/,
    );
    await expectFailure(
      ['rate', '--input', good, '--output', tmp.file('no/such/folder/o.csv'), ...args],
      1,
      /cannot write output file '.*no\/such\/folder\/o\.csv': ENOENT/,
    );
  });

  it('ragged row: names the row', async () => {
    const bad = tmp.writeText('ragged.csv', 'Area,Deaths,Pop\nE1,3,100\nE2,4\n');
    await expectFailure(
      [
        'rate',
        '--input',
        bad,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
      ],
      1,
      /row 2 has 2 cells but the header has 3/,
    );
  });

  it('negative count: the method error names the group, the column and the row', async () => {
    const bad = tmp.writeCsv(
      'negative.csv',
      ['Area', 'Deaths', 'Pop'],
      [
        ['E1', 3, 100],
        ['E2', -1, 1000],
      ],
    );
    await expectFailure(
      [
        'rate',
        '--input',
        bad,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
        '--group-by',
        'Area',
      ],
      1,
      /in group Area=E2, column 'Deaths' \(--count\): row 2: numerator must be >= 0, got -1/,
    );
  });

  it('numerator above denominator in a proportion: names the group', async () => {
    const bad = tmp.writeCsv(
      'x-gt-n.csv',
      ['Area', 'x', 'n'],
      [
        ['E1', 3, 100],
        ['E2', 60, 50],
      ],
    );
    await expectFailure(
      [
        'proportion',
        '--input',
        bad,
        '--output',
        tmp.file('o.csv'),
        '--numerator',
        'x',
        '--denominator',
        'n',
        '--group-by',
        'Area',
      ],
      1,
      /group Area=E2/,
      /numerator|denominator/,
    );
  });

  it('ungrouped row-by-row method: the error says which row', async () => {
    const bad = tmp.writeCsv(
      'zero-n.csv',
      ['x', 'n'],
      [
        [1, 10],
        [1, 0],
      ],
    );
    await expectFailure(
      [
        'proportion',
        '--input',
        bad,
        '--output',
        tmp.file('o.csv'),
        '--numerator',
        'x',
        '--denominator',
        'n',
      ],
      1,
      /at row 2, column 'n' \(--denominator\)/,
    );
  });
});

describe.concurrent('calc: bad options', () => {
  it('no method: lists the methods', () =>
    expectFailure([], 2, /name a method first, one of: proportion, rate/));
  it('unknown method: lists the methods', () =>
    expectFailure(['propotion'], 2, /unknown method 'propotion'; methods: proportion/));
  it('unknown option', () =>
    expectFailure(
      [
        'rate',
        '--input',
        good,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
        '--numerator',
        'x',
      ],
      2,
      /Unknown option '--numerator'/,
    ));
  it('missing required option: names it', () =>
    expectFailure(
      ['rate', '--input', good, '--output', tmp.file('o.csv'), '--count', 'Deaths'],
      2,
      /--population is required/,
    ));
  it('bad multiplier', () =>
    expectFailure(
      [
        'rate',
        '--input',
        good,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
        '--multiplier',
        'lots',
      ],
      2,
      /--multiplier must be a number, got 'lots'/,
    ));
  it('confidence out of range: the method error names --confidence', () =>
    expectFailure(
      [
        'rate',
        '--input',
        good,
        '--output',
        tmp.file('o.csv'),
        '--count',
        'Deaths',
        '--population',
        'Pop',
        '--confidence',
        '95',
      ],
      1,
      /--confidence: confidence level 95 is outside \[0\.9, 1\)/,
    ));
});

describe.concurrent('calc: output', () => {
  it('--confidence 0.9,0.99 names the limits lower90, lower99; --output - writes to standard output', async () => {
    const run = await runCli([
      'calc',
      'rate',
      '--input',
      good,
      '--output',
      '-',
      '--count',
      'Deaths',
      '--population',
      'Pop',
      '--group-by',
      'Area',
      '--confidence',
      '0.9,0.99',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(
      'Area,value,lower90,upper90,lower99,upper99,count,denominator,statistic,method,note',
    );
  });

  it('--confidence none drops the limits; numbers are written at full precision', async () => {
    const out = tmp.file('none.csv');
    const run = await runCli([
      'calc',
      'proportion',
      '--input',
      good,
      '--output',
      out,
      '--numerator',
      'Deaths',
      '--denominator',
      'Pop',
      '--group-by',
      'Area',
      '--confidence',
      'none',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { header, rows } = readOutput(out);
    expect(header).toEqual([
      'Area',
      'value',
      'count',
      'denominator',
      'statistic',
      'method',
      'note',
    ]);
    expect(rows[0]!.value).toBe(7 / 300); // 0.023333333333333334, shortest round trip
  });

  it('relative paths are taken from where npm was started (INIT_CWD), as `npm run calc` runs in the package folder', async () => {
    const run = await runCli(
      [
        'calc',
        'rate',
        '--input',
        'good.csv',
        '--output',
        'relative.out.csv',
        '--count',
        'Deaths',
        '--population',
        'Pop',
      ],
      { INIT_CWD: tmp.path, npm_lifecycle_event: 'calc' },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(readOutput(tmp.file('relative.out.csv')).rows).toHaveLength(3);
  });

  it('every method is wired to its shared implementation in this build', () => {
    expect(METHODS.filter((m) => m.load === undefined).map((m) => m.name)).toEqual([]);
  });

  it('--help lists every method', async () => {
    const run = await runCli(['calc', '--help']);
    expect(run.code).toBe(0);
    for (const m of METHODS) expect(run.stdout).toContain(`  ${m.name}`);
  });
});
