// Placeholder until the 'import' command lands (being written now); replaced, not extended.
import { CliError } from '../cliError';

export const usage = 'jsna-workbench import: not available yet.';

export function run(): Promise<number> {
  return Promise.reject(new CliError('the import command is not available in this build yet.'));
}
