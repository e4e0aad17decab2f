/**
 * /api/messages with Bot Framework authentication on, against a local issuer playing the Bot
 * Framework token service: forged, unsigned, expired and misdirected tokens get the app's own 401,
 * a genuine one gets a turn, and the bot's replies and proactive messages reach the connector
 * with an app token the bot fetched for itself.
 */
import { TENANT_REFERENCE_KEY, type ConversationReferenceStore, type StoredConversationReference } from '@pc/core';
import { buildNoticeCard } from '@pc/core/cards';
import { ActivityHandler } from 'botbuilder';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { Server } from 'restify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHttpServer, listen } from '../../bot/src/http/server.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { createBotAdapter, registerBotRoutes, type BotAdapter } from '../../bot/src/teams/adapter.ts';
import { createCloudProactiveSender } from '../../bot/src/teams/proactive-sender.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { startOidcIssuer, type OidcIssuer, type TokenClaims } from '../fakes/oidc-issuer.ts';

const APP_ID = '5eed0000-0000-4000-a000-00000000b07a';
const APP_SECRET = 'bot-local-secret';
const APP_TENANT = '66666666-6666-4666-8666-666666666666';
const OTHER_APP = '0ther000-0000-4000-a000-0000000a0d1e';
const CHANNEL = 'botframework.com';
const OWN_MESSAGE = 'This endpoint accepts only activities signed by the Bot Framework.';

/** Phrases botbuilder and jsonwebtoken put in their errors; none may reach the caller. */
const LIBRARY_TEXT = /invalid signature|Unauthorized|jwt|AppId|ServiceUrl|No valid identity|at .*\.js:\d+/i;

class PingBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`pong: ${context.activity.text}`);
      await next();
    });
  }
}

describe('Bot Framework authentication on /api/messages and outgoing calls', () => {
  let issuer: OidcIssuer;
  let connector: FakeBotConnector;
  let server: Server;
  let adapter: BotAdapter;
  let url = '';
  const logs: string[] = [];

  beforeAll(async () => {
    issuer = await startOidcIssuer({ clients: { [APP_ID]: { secret: APP_SECRET } } });
    connector = await startFakeBotConnector();
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => logs.push(line) } });
    adapter = createBotAdapter(
      {
        appId: APP_ID,
        appPassword: APP_SECRET,
        appTenantId: APP_TENANT,
        appType: 'SingleTenant',
        localPlayground: false,
        endpoints: {
          authorityHost: issuer.msalAuthorityHost,
          networkClient: issuer.msalNetworkClient,
          channelOpenIdMetadataUrl: `${issuer.url}/${CHANNEL}/v2.0/.well-known/openid-configuration`,
          channelTokenIssuer: issuer.issuerFor(CHANNEL),
        },
      },
      logger,
    );
    server = createHttpServer({ logger, version: 'test' });
    registerBotRoutes(server, adapter, new PingBot());
    url = (await listen(server, 0)).url;
  });
  afterAll(async () => {
    server.close();
    await connector.close();
    await issuer.close();
  });

  const activity = (text: string) => ({
    type: 'message',
    id: `m-${text}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    text,
    from: { id: '29:user', aadObjectId: 'user-oid' },
    recipient: { id: `28:${APP_ID}`, name: 'Performance Conversations' },
    conversation: { id: `a:chat-${text}`, tenantId: APP_TENANT, conversationType: 'personal' },
    channelData: { tenant: { id: APP_TENANT } },
  });

  const channelToken = (overrides: Partial<TokenClaims> = {}, opts: { forged?: boolean } = {}) =>
    issuer.signToken(
      { tid: CHANNEL, oid: 'bot-connector', aud: APP_ID, serviceurl: connector.url, ...overrides },
      opts.forged === true ? { key: 'forged' } : {},
    );

  const post = async (text: string, authorization?: string) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity(text)),
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  const expectOwn401 = async (text: string, authorization?: string) => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const consoleError = vi.spyOn(console, 'error');
    try {
      const answer = await post(text, authorization);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer');
      expect(JSON.parse(answer.text)).toEqual({
        error: { code: 'unauthenticated', message: OWN_MESSAGE, correlationId: expect.any(String) as string },
      });
      expect(answer.text).not.toMatch(LIBRARY_TEXT);
      expect(stderr).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
      return answer;
    } finally {
      stderr.mockRestore();
      consoleError.mockRestore();
    }
  };

  it('17.10: a badly signed token gets a 401 with the app’s own JSON, no library text and nothing on stderr', async () => {
    await expectOwn401('forged', `Bearer ${await channelToken({}, { forged: true })}`);
    expect(connector.activities.filter((a) => a.conversationId === 'a:chat-forged')).toEqual([]);
  });

  it('17.10: an alg none token gets the same 401', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const claims = { iss: issuer.issuerFor(CHANNEL), aud: APP_ID, serviceurl: connector.url, exp: 4_102_444_800 };
    await expectOwn401('none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`);
  });

  it('17.10: a token for another app gets the same 401 without echoing its audience', async () => {
    const answer = await expectOwn401('other-app', `Bearer ${await channelToken({ aud: OTHER_APP })}`);
    expect(answer.text).not.toContain(OTHER_APP);
    expect(logs.join('')).not.toContain(OTHER_APP);
  });

  it('an expired Bot Framework token, or none at all, gets the same 401', async () => {
    const hourAgo = Math.floor(Date.now() / 1000) - 3600;
    await expectOwn401('expired', `Bearer ${await channelToken({ iat: hourAgo - 600, exp: hourAgo })}`);
    await expectOwn401('no-token');
  });

  it('a token naming another connector than the activity’s gets the same 401', async () => {
    await expectOwn401('elsewhere', `Bearer ${await channelToken({ serviceurl: 'https://attacker.example' })}`);
  });

  const verifyAppToken = async (authorization: string | undefined) => {
    expect(authorization).toMatch(/^Bearer /);
    const { payload } = await jwtVerify(
      (authorization ?? '').slice('Bearer '.length),
      createRemoteJWKSet(new URL(issuer.jwksUri)),
      { issuer: issuer.issuerFor(APP_TENANT), audience: 'https://api.botframework.com' },
    );
    expect(payload).toMatchObject({ azp: APP_ID, idtyp: 'app' });
  };

  it('an unreachable Bot Framework key server is a 503 the connector retries, not a 500', async () => {
    const logger = createLogger({ level: 'silent' });
    const offline = createBotAdapter(
      {
        appId: APP_ID,
        appPassword: APP_SECRET,
        appTenantId: APP_TENANT,
        appType: 'SingleTenant',
        localPlayground: false,
        endpoints: {
          channelOpenIdMetadataUrl: 'http://127.0.0.1:9/nothing-listens-here',
          channelTokenIssuer: issuer.issuerFor(CHANNEL),
        },
      },
      logger,
    );
    const other = createHttpServer({ logger, version: 'test' });
    registerBotRoutes(other, offline, new PingBot());
    const otherUrl = (await listen(other, 0)).url;
    try {
      const response = await fetch(`${otherUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await channelToken()}` },
        body: JSON.stringify(activity('offline')),
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: { code: 'unavailable' } });
    } finally {
      other.close();
    }
  });

  it('a genuine token gets a turn, and the reply reaches the connector with the bot’s own app token', async () => {
    const answer = await post('hello', `Bearer ${await channelToken()}`);
    expect(answer.status).toBe(200);
    await connector.waitFor(() => connector.activities.some((a) => a.conversationId === 'a:chat-hello'));
    const reply = connector.activities.find((a) => a.conversationId === 'a:chat-hello');
    expect(reply?.activity.text).toBe('pong: hello');
    await verifyAppToken(reply?.authorization);
  });

  it('a proactive check-in from the product’s sender authenticates to the connector with a Bot Framework token from the bot’s tenant', async () => {
    const stored: StoredConversationReference = {
      tenantId: APP_TENANT,
      id: TENANT_REFERENCE_KEY,
      serviceUrl: connector.url,
      botId: `28:${APP_ID}`,
      channelId: 'msteams',
      updatedAt: new Date().toISOString(),
    };
    const references: ConversationReferenceStore = {
      get: (tenantId, id) =>
        Promise.resolve(tenantId === APP_TENANT && id === TENANT_REFERENCE_KEY ? stored : undefined),
      put: () => Promise.resolve(),
    };
    const sender = createCloudProactiveSender({ adapter, botAppId: APP_ID, references });
    await sender.send(APP_TENANT, 'person-1', buildNoticeCard('Check-in', ['A check-in is due']), 'key-1');
    expect(connector.conversations).toEqual([
      { id: `a:1on1-${APP_TENANT}-person-1`, tenantId: APP_TENANT, memberId: 'person-1' },
    ]);
    const sent = connector.activities.find((a) => a.conversationId === `a:1on1-${APP_TENANT}-person-1`);
    expect(JSON.stringify(sent?.activity.attachments)).toContain('A check-in is due');
    await verifyAppToken(sent?.authorization);
  });
});
