/**
 * `jsna-workbench workspace info DIR` and `jsna-workbench workspace check DIR`: look inside a
 * saved workspace from the command line. `info` reads only workspace.json; `check` also opens
 * every Parquet file in a fresh engine, as the app does, and confirms the row counts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  MANIFEST_FILE,
  WorkspaceError,
  parseManifest,
  type WorkspaceManifest,
} from '../../../shared/workspace/index';
import { createNodeEngine } from '../../engine/nodeEngine';
import { openWorkspaceDir } from '../../workspace/workspaceDir';
import { CliError } from '../cliError';

export const usage = `Usage: jsna-workbench workspace info DIR
       jsna-workbench workspace check DIR

  info   print what the workspace holds: tables and row counts, source files (SHA-256),
         localities, peer groups, app version
  check  open the workspace as the app would (every Parquet file) and confirm it is complete

The tables are plain Parquet files under DIR/tables/: R arrow::read_parquet(), Python
pandas.read_parquet() and DuckDB read_parquet() read them directly.`;

async function manifestOf(dir: string): Promise<WorkspaceManifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    throw new CliError(`${dir} is not a workspace: it has no ${MANIFEST_FILE}.`);
  }
  try {
    return parseManifest(text);
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CliError(`${dir}: ${error.message}`);
    throw error;
  }
}

function describe(dir: string, m: WorkspaceManifest): string {
  const lines = [
    `Workspace ${dir}: saved ${m.savedAt} by JSNA Workbench ${m.appVersion}`,
    'Tables:',
  ];
  for (const t of m.tables)
    lines.push(`  ${t.name.padEnd(22)} ${String(t.rows).padStart(10)} rows  ${t.file}`);
  lines.push(`Source files (${String(m.sources.length)}):`);
  for (const s of m.sources)
    lines.push(
      `  ${String(s.id).padStart(3)}  ${s.name}  ${s.format}  ${String(s.rows)} rows  sha256 ${s.sha256}`,
    );
  const localities = Array.isArray(m.settings.localities)
    ? (m.settings.localities as { code: string; name: string; members: unknown[] }[])
    : [];
  if (localities.length > 0) {
    lines.push(`Localities (${String(localities.length)}):`);
    for (const l of localities)
      lines.push(`  ${l.code}  ${l.name}  ${String(l.members.length)} members`);
  }
  const groups = Array.isArray(m.settings.peerGroups)
    ? (m.settings.peerGroups as { id: string; name: string }[])
    : [];
  if (groups.length > 0) {
    lines.push(`Peer groups (${String(groups.length)}):`);
    for (const g of groups) lines.push(`  ${g.id}  ${g.name}`);
  }
  return lines.join('\n');
}

export async function run(args: readonly string[]): Promise<number> {
  const [action, dir, ...extra] = args;
  if ((action !== 'info' && action !== 'check') || dir === undefined || extra.length > 0)
    throw new CliError(`expected 'info DIR' or 'check DIR'.\n\n${usage}`, 2);
  const manifest = await manifestOf(dir);
  if (action === 'info') {
    console.log(describe(dir, manifest));
    return 0;
  }
  const engine = await createNodeEngine();
  try {
    await openWorkspaceDir(engine, dir);
  } catch (error) {
    if (error instanceof WorkspaceError) throw new CliError(`${dir}: ${error.message}`);
    throw error;
  } finally {
    await engine.close();
  }
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `${dir}: OK, ${String(manifest.tables.length)} tables and ${String(rows)} rows read back as saved.`,
  );
  return 0;
}
