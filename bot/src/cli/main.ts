import { readFile } from 'node:fs/promises';
import { AppError, isAppError, systemClock, type IsoDate } from '@pc/core';
import { parseCommand, USAGE } from './args.ts';
import { sendsCommand } from './sends.ts';
import { dueCommand, peopleCommand, schemesCommand, type CliIo, type CliOrganisation } from './commands.ts';
import type { CliServices } from './connect.ts';

export type { CliOrganisation } from './commands.ts';

interface CliOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export interface CliEnvironment extends CliIo, CliOutput {
  readonly today: IsoDate;
  /** The store and directory `sync` and `import` work on; opened only by those commands. */
  readonly connect?: () => Promise<CliServices>;
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
        env.stdout(schemesCommand(env.organisation(env.today), command.json));
        return 0;
      case 'people':
        env.stdout(peopleCommand(env.organisation(command.on), command.scheme, command.json, command.on));
        return 0;
      case 'due':
        env.stdout(await dueCommand(command, env));
        return 0;
      case 'sends': {
        if (env.connect === undefined) throw new AppError('validation', 'sends needs a store to work on.');
        const services = await env.connect();
        try {
          const queue = services.sendQueue;
          if (queue === undefined) throw new AppError('validation', 'sends needs the proactive send queue.');
          env.stdout(await sendsCommand(command, { queue, today: env.today }));
          return 0;
        } finally {
          await services.close();
        }
      }
      case 'sync':
      case 'import': {
        if (env.connect === undefined) throw new AppError('validation', `${command.name} needs a store to work on.`);
        // Loaded here: the engine commands need neither the store nor the directory code.
        const { importCommand, syncCommand } = await import('./directory.ts');
        const services = await env.connect();
        try {
          const out =
            command.name === 'sync' ? await syncCommand(command, services) : await importCommand(command, services);
          env.stdout(out.text);
          return out.exitCode;
        } finally {
          await services.close();
        }
      }
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

/**
 * Runs the CLI as this process over an organisation the caller supplies (the demo
 * organisation for `npm run cli`, see demo/cli.ts), so the server's code never imports it.
 */
export const runCliProcess = async (
  organisation: (on: IsoDate) => CliOrganisation,
  connect?: () => Promise<CliServices>,
): Promise<void> => {
  process.exitCode = await runCli(process.argv.slice(2), {
    today: systemClock.today(),
    organisation,
    ...(connect === undefined ? {} : { connect }),
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
};
