import { ConfidentialClientApplication, LogLevel, type INetworkModule } from '@azure/msal-node';
import { AppError } from '@pc/core';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ActivityHandlerBase,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Request, Server } from 'restify';
import { createChannelTokenCheck, type ChannelTokenCheck } from '../auth/bot-framework-token.ts';
import type { Logger } from '../logging.ts';
import { DEFAULT_TURNS_IN_FLIGHT, TurnGate } from '../http/turn-gate.ts';
import { reportThrottling, type ProactiveConnector } from './proactive-sender.ts';

type BotFrameworkAuthentication = ConstructorParameters<typeof CloudAdapter>[0] & object;
type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;
type AuthenticateRequestResult = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;

/** Where Bot Framework tokens come from and are checked; the public cloud unless overridden. */
export interface BotFrameworkEndpoints {
  /** Entra authority host the bot gets its outgoing tokens from (MSAL accepts https only). */
  readonly authorityHost?: string;
  /** Replaces MSAL's HTTP stack; tests use it to reach a local issuer. */
  readonly networkClient?: INetworkModule;
  /** OpenID metadata of the service that signs the activities Teams sends to the bot. */
  readonly channelOpenIdMetadataUrl?: string;
  /** The `iss` of those tokens. */
  readonly channelTokenIssuer?: string;
}

export interface BotAdapterSettings {
  readonly appId: string | undefined;
  readonly appPassword: string | undefined;
  readonly appTenantId: string | undefined;
  readonly appType: 'SingleTenant' | 'UserAssignedMSI';
  /**
   * Accept unsigned activities (the Microsoft 365 Agents Playground). Honoured
   * only when no app id is configured, and callers pass it only for local dev.
   */
  readonly localPlayground: boolean;
  readonly endpoints?: BotFrameworkEndpoints;
}

const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com';
const REJECTED = 'This endpoint accepts only activities signed by the Bot Framework.';

/**
 * The bot's own outgoing credentials for a single-tenant bot: an app-only token for the Bot
 * Framework from the bot's tenant, through the same MSAL client factory as Graph.
 */
const singleTenantCredentials = (
  settings: BotAdapterSettings & { appId: string },
  endpoints: BotFrameworkEndpoints,
): CredentialsFactory => {
  const host = (endpoints.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: settings.appId,
      clientSecret: settings.appPassword ?? '',
      authority: `${host}/${settings.appTenantId ?? 'botframework.com'}`,
      // Known, so MSAL skips instance discovery: no call leaves for the public cloud's endpoint.
      knownAuthorities: [new URL(host).host],
    },
    system: {
      ...(endpoints.networkClient === undefined ? {} : { networkClient: endpoints.networkClient }),
      loggerOptions: { piiLoggingEnabled: false, logLevel: LogLevel.Error, loggerCallback: () => undefined },
    },
  });
  const credentials = (audience: string | undefined): Credentials => ({
    signRequest: async (request) => {
      const scope = `${(audience ?? BOT_FRAMEWORK_SCOPE).replace(/\/+$/, '')}/.default`;
      const result = await msal.acquireTokenByClientCredential({ scopes: [scope] });
      if (!result?.accessToken) throw new AppError('unavailable', 'No Bot Framework token was issued.');
      request.headers.set('authorization', `Bearer ${result.accessToken}`);
      return request;
    },
  });
  // The SDK's abstract ServiceClientCredentialsFactory is not exported by botbuilder; this implements all of it.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  return {
    isValidAppId: (appId) => Promise.resolve(appId === settings.appId),
    isAuthenticationDisabled: () => Promise.resolve(false),
    createCredentials: (appId, audience) => {
      if (appId !== settings.appId) return Promise.reject(new AppError('forbidden', 'Not this bot.'));
      return Promise.resolve(credentials(audience));
    },
  };
};

/** The SDK's claim naming the service URL a connector client is made for. */
const SERVICE_URL_CLAIM = 'serviceurl';

/**
 * A CloudAdapter that can authenticate a request on its own, before any turn starts, and keeps
 * one connector client per service URL for proactive sends.
 */
export class BotAdapter extends CloudAdapter {
  readonly #auth: BotFrameworkAuthentication;
  readonly #channelTokens: ChannelTokenCheck | undefined;
  /** Proactive connector clients by bot, service URL and audience. */
  readonly #connectors = new Map<string, Promise<ProactiveConnector>>();

  constructor(auth: BotFrameworkAuthentication, channelTokens: ChannelTokenCheck | undefined) {
    super(auth);
    this.#auth = auth;
    this.#channelTokens = channelTokens;
  }

  /**
   * Our own check first, so a bad token never reaches the SDK's validator (which writes its
   * reasons to stderr); then the SDK's, which also yields the identity its turn needs.
   */
  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    await this.#channelTokens?.check(authHeader, activity.serviceUrl);
    try {
      return await this.#auth.authenticateRequest(activity, authHeader);
    } catch (cause) {
      throw new AppError('unauthenticated', REJECTED, { cause });
    }
  }

  /**
   * The connector client proactive sends to `serviceUrl` go through, made as the SDK makes one
   * for each proactive call but only once: a fan-out then spends its CPU on the messages, not on
   * building a client, its pipeline and a turn per card. Its credentials fetch and cache their
   * own token, so reuse changes nothing about authentication. Dropped by `forgetConnector`.
   */
  proactiveConnector(botAppId: string, serviceUrl: string, audience: string): Promise<ProactiveConnector> {
    const key = `${botAppId}|${serviceUrl}|${audience}`;
    const cached = this.#connectors.get(key);
    if (cached !== undefined) return cached;
    const claims = this.createClaimsIdentity(botAppId);
    claims.claims.push({ type: SERVICE_URL_CLAIM, value: serviceUrl });
    const made: Promise<ProactiveConnector> = this.#auth.createConnectorFactory(claims).create(serviceUrl, audience);
    this.#connectors.set(key, made);
    made.catch(() => this.#connectors.delete(key));
    return made;
  }

  /** After a failed send: the next one makes a new client (its service URL may have moved). */
  forgetConnector(botAppId: string, serviceUrl: string, audience: string): void {
    this.#connectors.delete(`${botAppId}|${serviceUrl}|${audience}`);
  }

  /** Runs the turn for an activity already authenticated by `authenticate`. */
  runTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

/**
 * The Bot Framework adapter. With an app id, every incoming activity must
 * carry a valid Bot Framework JWT for that app; there is no switch to turn
 * that off. Without one, the adapter starts only in explicit local playground mode.
 */
export const createBotAdapter = (settings: BotAdapterSettings, logger: Logger): BotAdapter => {
  const { appId } = settings;
  if (appId === undefined && !settings.localPlayground) {
    throw new AppError('internal', 'The bot needs MICROSOFT_APP_ID (or local playground mode for local development)');
  }
  const endpoints = settings.endpoints ?? {};
  const options =
    appId === undefined
      ? {}
      : {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: settings.appPassword ?? '',
          MicrosoftAppTenantId: settings.appTenantId ?? '',
          MicrosoftAppType: settings.appType,
          ...(endpoints.channelOpenIdMetadataUrl === undefined
            ? {}
            : { ToBotFromChannelOpenIdMetadataUrl: endpoints.channelOpenIdMetadataUrl }),
          ...(endpoints.channelTokenIssuer === undefined
            ? {}
            : { ToBotFromChannelTokenIssuer: endpoints.channelTokenIssuer }),
        };
  // A managed-identity bot keeps the SDK's own credential factory, built from the same options.
  const credentials =
    appId !== undefined && settings.appType === 'SingleTenant'
      ? singleTenantCredentials({ ...settings, appId }, endpoints)
      : undefined;
  const channelTokens =
    appId === undefined
      ? undefined
      : createChannelTokenCheck({
          appId,
          ...(endpoints.channelOpenIdMetadataUrl === undefined
            ? {}
            : { openIdMetadataUrl: endpoints.channelOpenIdMetadataUrl }),
          ...(endpoints.channelTokenIssuer === undefined ? {} : { tokenIssuer: endpoints.channelTokenIssuer }),
        });
  const authentication = reportThrottling(new ConfigurationBotFrameworkAuthentication(options, credentials));
  const adapter = new BotAdapter(authentication, channelTokens);
  adapter.onTurnError = (context, error) => {
    // Handlers turn failures into cards; reaching here means the reply itself failed.
    logger.error({ err: error, activityType: context.activity.type }, 'bot turn failed');
    return Promise.resolve();
  };
  if (appId === undefined) logger.warn('bot running in local playground mode: activities are not authenticated');
  return adapter;
};

export const BOT_MESSAGES_PATH = '/api/messages';

const activityOf = (body: unknown): Activity => {
  if (typeof body !== 'object' || body === null || typeof (body as { type?: unknown }).type !== 'string') {
    throw new AppError('validation', 'The request body is not a Bot Framework activity.');
  }
  const activity = body as Activity & Record<string, unknown>;
  // As the SDK's own entry point does: timestamps arrive as ISO strings.
  for (const key of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value = activity[key] as unknown;
    if (typeof value === 'string') Object.assign(activity, { [key]: new Date(value) });
  }
  return activity;
};

const authHeaderOf = (req: Request): string => {
  const header = req.headers.authorization;
  return typeof header === 'string' ? header : '';
};

/**
 * POST /api/messages: the Bot Connector delivers every Teams activity here. Authentication runs
 * first and any failure is a 401 through the server's one error mapping: the library's reasons
 * (which can echo the token's audience) stay out of the response and off stderr.
 */
export const registerBotRoutes = (
  server: Server,
  adapter: BotAdapter,
  bot: ActivityHandlerBase,
  gate = new TurnGate(DEFAULT_TURNS_IN_FLIGHT),
): void => {
  server.post(BOT_MESSAGES_PATH, async (req, res) => {
    const activity = activityOf((req as { body?: unknown }).body);
    const auth = await adapter.authenticate(activity, authHeaderOf(req));
    const invoke: InvokeResponse | undefined = await gate.run(() =>
      adapter.runTurn(auth, activity, (context) => bot.run(context)),
    );
    res.send(invoke?.status ?? 200, invoke?.body);
  });
};
