import type { AppConfig } from '../config.ts';
import type { Logger } from '../logging.ts';
import { checkGraphPermissions } from './permission-check.ts';
import { createMsalTokenSource } from './token-source.ts';

/**
 * In production, once at start-up: which Microsoft Graph application permissions the app
 * registration holds, one log line per allowed tenant saying what is missing. Local runs use
 * the fake Graph and skip it.
 */
export const checkGraphAtStart = async (config: AppConfig, logger: Logger): Promise<void> => {
  const { appId, appPassword } = config.bot;
  if (config.env !== 'production' || appId === undefined || appPassword === undefined) return;
  const tokens = createMsalTokenSource({
    clientId: appId,
    clientSecret: appPassword,
    authority: config.auth.authorityHost,
  });
  await checkGraphPermissions(tokens, config.auth.allowedTenants, logger);
};
