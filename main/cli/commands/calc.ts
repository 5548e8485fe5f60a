// Placeholder until the 'calc' command lands (being written now); replaced, not extended.
import { CliError } from '../cliError';

export const usage = 'jsna-workbench calc: not available yet.';

export function run(): Promise<number> {
  return Promise.reject(new CliError('the calc command is not available in this build yet.'));
}
