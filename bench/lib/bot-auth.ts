/**
 * Bot Framework authentication for the bot benchmarks, as production has it: the load generator
 * sends each activity with a channel token signed by a local issuer playing the Bot Framework
 * token service (one token for the run, as the Bot Connector reuses its token until it expires),
 * and each server checks it against the issuer's published keys, fetched once and cached. Replies
 * go to the connector with an app token the server got for itself from the same issuer.
 */
import type { BotFrameworkEndpoints } from '../../bot/src/teams/adapter.ts';
import { loopbackNetworkModule, startOidcIssuer, type OidcIssuer } from '../../test/fakes/oidc-issuer.ts';

export const BOT_APP_ID = 'be5c0000-0000-4000-a000-00000000b07a';
const BOT_APP_SECRET = 'bench-bot-secret';
const BOT_APP_TENANT = 'be5c0000-0000-4000-a000-0000000000a1';
const CHANNEL = 'botframework.com';

export interface BotAuth {
  /** The Authorization header every activity carries. */
  readonly authorization: string;
  /** Settings for the server processes (see botAuthFromEnv). */
  readonly env: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export const startBotAuth = async (connectorUrl: string): Promise<BotAuth> => {
  const issuer: OidcIssuer = await startOidcIssuer({ clients: { [BOT_APP_ID]: { secret: BOT_APP_SECRET } } });
  const token = await issuer.signToken({
    tid: CHANNEL,
    oid: 'bot-connector',
    aud: BOT_APP_ID,
    serviceurl: connectorUrl,
  });
  return {
    authorization: `Bearer ${token}`,
    env: { BENCH_BOT_ISSUER_URL: issuer.url },
    close: () => issuer.close(),
  };
};

/** The bot's app registration and where its tokens come from, in a server process started with `BotAuth.env`. */
export const botAuthFromEnv = (): {
  readonly appId: string;
  readonly appPassword: string;
  readonly appTenantId: string;
  readonly endpoints: BotFrameworkEndpoints;
} => {
  const url = process.env.BENCH_BOT_ISSUER_URL;
  if (url === undefined) throw new Error('BENCH_BOT_ISSUER_URL is required for the bot benchmarks');
  const https = url.replace(/^http:/, 'https:');
  return {
    appId: BOT_APP_ID,
    appPassword: BOT_APP_SECRET,
    appTenantId: BOT_APP_TENANT,
    endpoints: {
      authorityHost: https,
      networkClient: loopbackNetworkModule(https, url),
      channelOpenIdMetadataUrl: `${url}/${CHANNEL}/v2.0/.well-known/openid-configuration`,
      channelTokenIssuer: `${url}/${CHANNEL}/v2.0`,
    },
  };
};
