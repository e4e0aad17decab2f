import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TemplateError } from '../template.ts';
import { isAppEnv, type AppEnv } from '../template.ts';

export interface CliArgs {
  readonly appEnv: AppEnv;
  readonly file: string | undefined;
}

/** `--env local|dev|prod` (default local, or APP_PACKAGE_ENV) and an optional zip path. */
export const parseCliArgs = (argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliArgs => {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { env: { type: 'string' } },
    allowPositionals: true,
  });
  const appEnv = values.env ?? env.APP_PACKAGE_ENV ?? 'local';
  if (!isAppEnv(appEnv)) throw new Error(`--env must be local, dev or prod, not "${appEnv}"`);
  const file = positionals[0];
  // npm runs workspace scripts inside manifest/; a path typed at the repository root is relative to INIT_CWD.
  return { appEnv, file: file === undefined ? undefined : resolve(env.INIT_CWD ?? process.cwd(), file) };
};

export const ruleContext = (appEnv: AppEnv, env: Readonly<Record<string, string | undefined>>) => ({
  appEnv,
  ...(env.BOT_ID !== undefined && env.BOT_ID !== '' ? { botRegistrationId: env.BOT_ID } : {}),
});

/** Runs a command, turning a missing setting into one readable line instead of a stack trace. */
export const runCli = async (main: () => Promise<void>): Promise<void> => {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
};
