// The real command line (`node bin/jsna-workbench.mjs import ...`) on real fixtures and on
// hostile input. Each run starts duckdb-wasm (~2-5 s on this machine class), so runs are few and
// each checks several things.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATA = join(ROOT, 'fixtures', 'data');
const MSOA = join(DATA, 'imd2019', 'msoa_IMD19_scores.csv');
const MYE = join(DATA, 'population', 'ons_mye2_mid2020_persons_by_single_year_age_2021geog.csv');
const dir = mkdtempSync(join(tmpdir(), 'jsna-cli-import-'));
const ws = join(dir, 'ws');
// Several CLI runs per test, each starting duckdb-wasm; slow when the machine is shared.
const SLOW = { timeout: 240_000 };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
function cli(...args: string[]): Promise<Run> {
  return command('import', ...args);
}
function command(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin', 'jsna-workbench.mjs'), ...args],
      { cwd: ROOT, env: { ...process.env, HOME: dir }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
interface Manifest {
  tables: { name: string; rows: number }[];
  sources: { name: string; sha256: string; rows: number }[];
}
const manifest = (): Manifest =>
  JSON.parse(readFileSync(join(ws, 'workspace.json'), 'utf8')) as Manifest;
const rows = (m: Manifest, table: string) => m.tables.find((t) => t.name === table)?.rows ?? 0;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('jsna-workbench import', () => {
  it('creates a workspace from real files and prints located warnings', SLOW, async () => {
    const run = await cli(MSOA, MYE, '--workspace', ws);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 6,791 MSOAs (SOURCES.md); MYE: 420 rows (SOURCES.md).
    expect(run.stdout).toMatch(/msoa_IMD19_scores\.csv: imported as .*\n {2}rows read 6791/);
    expect(run.stdout).toMatch(
      /ons_mye2_mid2020_persons_by_single_year_age_2021geog\.csv: imported as .*\n {2}rows read 420/,
    );
    // A 2021-geography extract: Allerdale is on row 27 of the MYE data (after the header).
    expect(run.stdout).toMatch(/row 27, column "[^"]+": E07000026 \(Allerdale\) .*E06000063/);
    expect(run.stdout).toMatch(/Workspace .* created: /);
    const m = manifest();
    expect(m.sources.map((s) => s.name)).toEqual([
      'msoa_IMD19_scores.csv',
      'ons_mye2_mid2020_persons_by_single_year_age_2021geog.csv',
    ]);
    expect(rows(m, 'population')).toBeGreaterThan(0);
    expect(rows(m, 'area')).toBeGreaterThan(70_000); // shipped lookups
  });

  it('extends the workspace; a duplicate is skipped, or replaced on request', SLOW, async () => {
    const before = manifest();
    const skip = await cli(MSOA, '--workspace', ws);
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(/msoa_IMD19_scores\.csv: skipped, the same file .* already loaded/);
    expect(manifest().tables).toEqual(before.tables);

    const replace = await cli(MSOA, '--workspace', ws, '--on-duplicate', 'replace');
    expect(replace.code).toBe(0);
    expect(replace.stdout).toMatch(/replaced the earlier import/);
    expect(rows(manifest(), 'deprivation_measure')).toBe(rows(before, 'deprivation_measure'));
    expect(manifest().sources).toHaveLength(2);
  });

  it(
    'rejects hostile and missing input with a clear message and keeps what was loaded',
    SLOW,
    async () => {
      const before = manifest();
      const binary = join(dir, 'evil.csv');
      writeFileSync(
        binary,
        Buffer.concat([
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
          Buffer.alloc(4096, 0),
        ]),
      );
      const empty = join(dir, 'empty.csv');
      writeFileSync(empty, '');
      const run = await cli(binary, empty, '--workspace', ws);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/evil\.csv: NOT imported\. evil\.csv.*\S/);
      expect(run.stderr).toMatch(/empty\.csv: NOT imported\. empty\.csv.*\S/);
      expect(run.stderr).toMatch(/2 of 2 file\(s\) not imported/);
      expect(manifest().tables).toEqual(before.tables);

      const missing = await cli(join(dir, 'nope.csv'), '--workspace', ws);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/nope\.csv: no such file/);

      const noWorkspace = await cli(MSOA);
      expect(noWorkspace.code).toBe(2);
      expect(noWorkspace.stderr).toMatch(/--workspace DIR is required/);
      const badOption = await cli(MSOA, '--workspace', ws, '--on-duplicate', 'merge');
      expect(badOption.code).toBe(2);
      expect(badOption.stderr).toMatch(/--on-duplicate must be skip or replace/);
    },
  );

  it(
    'workspace info lists tables and sources; workspace check opens every file',
    SLOW,
    async () => {
      const info = await command('workspace', 'info', ws);
      expect(info.code).toBe(0);
      expect(info.stdout).toMatch(
        /deprivation_measure\s+27164 rows\s+tables\/deprivation_measure\.parquet/,
      );
      expect(info.stdout).toContain(manifest().sources[0]!.sha256);
      const check = await command('workspace', 'check', ws);
      expect(check.stderr).toBe('');
      expect(check.stdout).toMatch(/OK, \d+ tables and \d+ rows read back as saved/);
      writeFileSync(join(ws, 'tables', 'population.parquet'), 'PAR1 truncated');
      const broken = await command('workspace', 'check', ws);
      expect(broken.code).toBe(1);
      expect(broken.stderr).toMatch(/population\.parquet is not a readable Parquet file/);
    },
  );
});
