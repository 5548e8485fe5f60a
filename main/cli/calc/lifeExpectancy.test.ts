import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/methods/testing/referenceCsv';
import { parseReferenceCsv, relErr, str } from '../../../shared/methods/testing/referenceCsv';
import { REFERENCE_DIR, TempDir, outNum, readOutput, runCli } from '../testing/runCli';

// `calc life-expectancy` run as a child process. Source: fixtures/reference/pheindicatormethods/
// data/life_expectancy_inputs.csv + life_expectancy_expected.csv, all seven le_* cases in one
// file grouped by case_id and area (each case's areas are its groups). Tolerance (reference
// README, "Tolerances", life expectancy): 1e-10 relative against pkg_*. Where the package gives a
// non-finite limit (zero deaths in 90+: NaN/Inf), the workbench writes an empty cell.
const TOL = 1e-10;
const load = (file: string): Row[] =>
  parseReferenceCsv(readFileSync(join(REFERENCE_DIR, 'data', file), 'utf8'));
const inputs = load('life_expectancy_inputs.csv');
const expected = load('life_expectancy_expected.csv');
const tmp = new TempDir();
afterAll(() => tmp.remove());

const LIMITS = [
  ['value', 'value'],
  ['lower95', 'lower95_0cl'],
  ['upper95', 'upper95_0cl'],
  ['lower998', 'lower99_8cl'],
  ['upper998', 'upper99_8cl'],
] as const;

describe.concurrent(
  'calc life-expectancy against PHEindicatormethods 2.1.0 (life_expectancy_*.csv)',
  () => {
    const input = tmp.writeCsv(
      'le.csv',
      ['case_id', 'area', 'startage', 'pops', 'deaths'],
      inputs.map((r) => [
        str(r, 'case_id'),
        str(r, 'area'),
        r.startage as number,
        r.pops as number,
        r.deaths as number,
      ]),
    );
    const output = tmp.file('le.out.csv');
    const run = runCli([
      'calc',
      'life-expectancy',
      '--input',
      input,
      '--output',
      output,
      '--start-age',
      'startage',
      '--population',
      'pops',
      '--deaths',
      'deaths',
      '--group-by',
      'case_id,area',
    ]);

    it('exits 0 and warns for each suppressed group', async () => {
      const { code, stderr } = await run;
      expect(code, stderr).toBe(0);
      expect(stderr).toMatch(
        /warning: case_id=le_total_pop_le_5000, area=a: the total population is 5,000 or less/,
      );
      expect(readOutput(output).header.slice(0, 8)).toEqual([
        'case_id',
        'area',
        'start_age',
        'value',
        'lower95',
        'upper95',
        'lower998',
        'upper998',
      ]);
    });

    it.each([...new Set(expected.map((e) => str(e, 'case_id')))])(
      '%s: every start age matches pkg_*',
      async (caseId) => {
        await run;
        const out = readOutput(output).rows;
        for (const e of expected.filter((x) => x.case_id === caseId)) {
          const row = out.find(
            (o) =>
              o.case_id === caseId &&
              String(o.area) === str(e, 'area') &&
              o.start_age === e.startage,
          );
          expect(row, `${str(e, 'area')} ${String(e.startage)}`).toBeDefined();
          for (const [ours, theirs] of LIMITS) {
            const want = e[`pkg_${theirs}`] as number | null;
            const got = outNum(row!, ours);
            if (want !== null && !Number.isFinite(want))
              expect(got, `${str(e, 'area')} ${String(e.startage)} ${ours}`).toBeNull();
            else
              expect(
                relErr(got, want),
                `${str(e, 'area')} ${String(e.startage)} ${ours}`,
              ).toBeLessThanOrEqual(TOL);
          }
          if (e.pkg_pops_used !== null) expect(outNum(row!, 'pops_used')).toBe(e.pkg_pops_used);
          if (e.pkg_dths_used !== null) expect(outNum(row!, 'deaths_used')).toBe(e.pkg_dths_used);
        }
      },
    );
  },
);
