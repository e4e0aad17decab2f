import type { AppConfig } from './config.ts';
import { createMsalTokenSource, type GraphTokenSource } from './graph/token-source.ts';

/** Microsoft Graph tokens of the bot's own app registration, when one is configured. */
export const appTokensFor = (config: AppConfig): GraphTokenSource | undefined => {
  const { appId, appPassword } = config.bot;
  if (appId === undefined || appPassword === undefined) return undefined;
  return createMsalTokenSource({ clientId: appId, clientSecret: appPassword, authority: config.auth.authorityHost });
};
