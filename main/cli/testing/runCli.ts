/**
 * Test support for the command line: runs the real CLI (`node bin/jsna-workbench.mjs ...`) as a
 * child process, writes small input CSVs to a temporary folder and reads the output back.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const REFERENCE_DIR = join(REPO_ROOT, 'fixtures/reference/pheindicatormethods');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `jsna-workbench <args>` from the repository root. Asynchronous, so that a test file can
 * start its runs together (each costs ~0.5-1 s of tsx start-up).
 */
export function runCli(
  args: readonly string[],
  env?: Readonly<Record<string, string>>,
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/jsna-workbench.mjs'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A temporary folder for one test file's inputs and outputs. */
export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'jsna-cli-test-'));

  file(name: string): string {
    return join(this.path, name);
  }

  /** Writes a CSV (cells as given; null as empty) and returns its path. */
  writeCsv(
    name: string,
    header: readonly string[],
    rows: readonly (readonly (string | number | null)[])[],
  ): string {
    const data = rows.map((row) => row.map((c) => (c === null ? '' : String(c))));
    writeFileSync(
      this.file(name),
      Papa.unparse({ fields: [...header], data }, { newline: '\n' }) + '\n',
    );
    return this.file(name);
  }

  writeText(name: string, text: string): string {
    writeFileSync(this.file(name), text);
    return this.file(name);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** An output row: numeric-looking cells as numbers, empty cells as null, others as text. */
export type OutRow = Readonly<Record<string, number | string | null>>;

/** Reads a CSV written by `calc`. */
export function readOutput(file: string): { header: string[]; rows: OutRow[] } {
  const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (header === undefined) throw new Error(`${file} is empty`);
  return {
    header,
    rows: rows.map((row) =>
      Object.fromEntries(
        header.map((h, j) => {
          const cell = row[j] ?? '';
          const n = Number(cell);
          return [h, cell === '' ? null : cell.trim() !== '' && !Number.isNaN(n) ? n : cell];
        }),
      ),
    ),
  };
}

/** A numeric cell of an output row (null when empty); throws on text. */
export function outNum(row: OutRow, name: string): number | null {
  const v = row[name];
  if (v === undefined) throw new Error(`no output column ${name}`);
  if (v !== null && typeof v !== 'number')
    throw new Error(`output column ${name}: '${v}' is not a number`);
  return v;
}
