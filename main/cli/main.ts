/**
 * `jsna-workbench <command> ...`: dispatches to one module per command under ./commands.
 * Each command module exports `run(args): Promise<number>` (the exit code) and `usage`.
 * Errors a user can fix (bad options, bad input files) are `CliError`s and print without a
 * stack trace; anything else is a bug and prints in full.
 */
import { CliError } from './cliError';

export interface Command {
  readonly usage: string;
  run(args: readonly string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<Command>> = {
  calc: () => import('./commands/calc'),
  import: () => import('./commands/import'),
  workspace: () => import('./commands/workspace'),
};

const USAGE = `Usage: jsna-workbench <command> [options]

Commands:
  calc <method> ...        compute indicator values and confidence intervals from a CSV
  import FILE... --workspace DIR
                           load data files into a workspace and print the import report
  workspace info|check DIR  show what a saved workspace holds, or check that it opens

Run 'jsna-workbench <command> --help' for a command's options.`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (load === undefined) {
    console.error(`Unknown command '${name}'.\n\n${USAGE}`);
    return 2;
  }
  const command = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`jsna-workbench ${name}: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
