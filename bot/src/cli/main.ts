import { readFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isAppError, systemClock, type IsoDate } from '@pc/core';
import { parseCommand, USAGE } from './args.ts';
import { dueCommand, peopleCommand, schemesCommand, type CliIo } from './commands.ts';

export interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface CliEnvironment extends CliIo, CliOutput {
  readonly today: IsoDate;
}

/** Exit codes: 0 done, 2 bad input (unknown person, bad date, bad file), 1 anything unexpected. */
export const runCli = async (argv: readonly string[], env: CliEnvironment): Promise<number> => {
  try {
    const command = parseCommand(argv, env.today);
    switch (command.name) {
      case 'help':
        env.stdout(USAGE);
        return 0;
      case 'schemes':
        env.stdout(schemesCommand(command.json));
        return 0;
      case 'people':
        env.stdout(peopleCommand(command.scheme, command.on, command.json));
        return 0;
      case 'due':
        env.stdout(await dueCommand(command, env));
        return 0;
    }
  } catch (error) {
    if (isAppError(error) && (error.code === 'validation' || error.code === 'not-found')) {
      env.stderr(`error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(error) || (error instanceof Error && 'code' in error && error.code === 'ENOENT')) {
      env.stderr(`error: ${error instanceof Error ? error.message : 'unknown error'}\n`);
      return 2;
    }
    env.stderr(`error: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
};

const isEntryPoint = (): boolean => {
  const entry = process.argv[1];
  return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
};

if (isEntryPoint()) {
  const code = await runCli(process.argv.slice(2), {
    today: systemClock.today(),
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
  process.exitCode = code;
}
