import { parseArgs } from 'node:util';
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
  return { appEnv, file: positionals[0] };
};

export const ruleContext = (appEnv: AppEnv, env: Readonly<Record<string, string | undefined>>) => ({
  appEnv,
  ...(env.BOT_ID !== undefined && env.BOT_ID !== '' ? { botRegistrationId: env.BOT_ID } : {}),
});
