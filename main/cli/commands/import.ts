/**
 * `jsna-workbench import FILE... --workspace DIR`: load data files into a workspace folder
 * (created, or extended if it exists) through the same `importFile` the app uses, print each
 * file's import report, and save the workspace (Parquet + workspace.json).
 *
 * Each file is its own transaction (as in the app): a file that fails changes nothing and the
 * others still load. The exit code is 0 when every file was imported or skipped as a duplicate,
 * 1 when any file failed or needs a column mapping, 2 for bad options.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Engine } from '../../../shared/engine/engine';
import {
  addAreasFromData,
  knownAreaCodes,
  loadShippedGeography,
} from '../../../shared/geography/index';
import { importFile, isImportError, type ImportReport } from '../../../shared/import/index';
import { createSchema } from '../../../shared/model/schema';
import { WorkspaceError } from '../../../shared/workspace/index';
import { createNodeEngine } from '../../engine/nodeEngine';
import { isWorkspaceDir, openWorkspaceDir, saveWorkspaceDir } from '../../workspace/workspaceDir';
import { CliError } from '../cliError';
import { formatReport } from '../import/formatReport';
import { appVersion } from '../import/appVersion';

export const usage = `Usage: jsna-workbench import FILE... --workspace DIR [options]

Loads Fingertips, Nomis/ONS Census, IMD, population and other extracts into the workspace in DIR
(created if it does not exist, extended if it does) and prints what was loaded, with every
warning located by row and column.

Options:
  --workspace DIR              the workspace folder (required)
  --on-duplicate skip|replace  a file already loaded (same SHA-256): skip it (default) or replace it
  --flagged-rows keep|drop     rows that fail validation: keep them flagged (default) or drop them
  --json                       print the reports as JSON (one array) instead of text

Exit status: 0 all files loaded (or skipped as duplicates); 1 a file failed or needs a column
mapping (the other files are still saved); 2 bad options.`;

interface Options {
  files: string[];
  workspace: string;
  onDuplicate: 'skip' | 'replace';
  flaggedRows: 'keep' | 'drop';
  json: boolean;
}

function parse(args: readonly string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        workspace: { type: 'string' },
        'on-duplicate': { type: 'string', default: 'skip' },
        'flagged-rows': { type: 'string', default: 'keep' },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`, 2);
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0)
    throw new CliError(`name at least one file to import.\n\n${usage}`, 2);
  if (values.workspace === undefined || values.workspace === '')
    throw new CliError('--workspace DIR is required: the folder to create or add to.', 2);
  const onDuplicate = values['on-duplicate'];
  if (onDuplicate !== 'skip' && onDuplicate !== 'replace')
    throw new CliError(`--on-duplicate must be skip or replace, not '${String(onDuplicate)}'.`, 2);
  const flaggedRows = values['flagged-rows'];
  if (flaggedRows !== 'keep' && flaggedRows !== 'drop')
    throw new CliError(`--flagged-rows must be keep or drop, not '${String(flaggedRows)}'.`, 2);
  return {
    files: positionals,
    workspace: values.workspace,
    onDuplicate,
    flaggedRows,
    json: values.json === true,
  };
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path} is not a file.`);
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: string }).code;
    throw new CliError(
      code === 'ENOENT'
        ? `${path}: no such file.`
        : `${path} could not be read (${String(code ?? error)}).`,
    );
  }
}

async function openOrCreate(engine: Engine, dir: string): Promise<boolean> {
  if (await isWorkspaceDir(dir)) {
    try {
      await openWorkspaceDir(engine, dir);
    } catch (error) {
      if (error instanceof WorkspaceError)
        throw new CliError(`the workspace in ${dir} could not be opened: ${error.message}`);
      throw error;
    }
    return true;
  }
  await createSchema(engine);
  await loadShippedGeography(engine);
  return false;
}

export async function run(args: readonly string[]): Promise<number> {
  const options = parse(args);
  // Read every file first, so that a typo in the last name does not leave a half-done run.
  const inputs: { path: string; bytes: Uint8Array }[] = [];
  for (const path of options.files) inputs.push({ path, bytes: await readInput(path) });

  const engine = await createNodeEngine();
  try {
    const existed = await openOrCreate(engine, options.workspace);
    const known = knownAreaCodes();
    const reports: ImportReport[] = [];
    const failures: { file: string; message: string }[] = [];
    for (const { path, bytes } of inputs) {
      try {
        const report = await importFile(
          engine,
          { name: basename(path), bytes },
          {
            onDuplicate: options.onDuplicate,
            flaggedRows: options.flaggedRows,
            knownAreaCodes: known,
          },
        );
        reports.push(report);
        if (!options.json) console.log(formatReport(report));
        if (report.status === 'needs-mapping')
          failures.push({ file: path, message: 'needs a column mapping' });
      } catch (error) {
        if (!isImportError(error)) throw error;
        failures.push({ file: path, message: error.message });
        if (!options.json) console.error(`${path}: NOT imported. ${error.message}`);
      }
    }
    await addAreasFromData(engine);
    const manifest = await saveWorkspaceDir(engine, options.workspace, {
      appVersion: appVersion(),
    });
    if (options.json)
      console.log(JSON.stringify({ reports, failures, workspace: manifest }, null, 2));
    else {
      const tables = manifest.tables
        .filter((t) => t.rows > 0)
        .map((t) => `${t.name} ${String(t.rows)}`);
      console.log(
        `\nWorkspace ${options.workspace} ${existed ? 'updated' : 'created'}: ${tables.join(', ')}.`,
      );
      if (failures.length > 0)
        console.error(
          `${String(failures.length)} of ${String(inputs.length)} file(s) not imported: ${failures.map((f) => f.file).join(', ')}.`,
        );
    }
    return failures.length > 0 ? 1 : 0;
  } finally {
    await engine.close();
  }
}
