/**
 * Issue #22, one deck in a Teams meeting: when whoever runs it draws the next card or ends it from
 * the side panel or the stage (the REST API), the deck's shared card in the meeting chat follows at
 * once, as a press on the card does: the Bot Connector gets an update of that same message with the
 * new starter, then with the summary of themes, without names. A deck started from the side panel
 * with no card in the chat yet posts one there. Real HTTP: the bot and the API in one server, a fake
 * Bot Connector, the fake Graph for who is in the meeting, and a Cosmos server.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamDeckIdFor } from '@pc/core/usecases';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createTeamDeckStore } from '../../bot/src/cosmos/team-deck-store.ts';
import { createMsGraphGateway } from '../../bot/src/graph/index.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import {
  cardExecute,
  installationAdd,
  postActivity,
  textMessage,
  type TeamsUser,
} from '../fakes/connector/teams-activities.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { startOidcIssuer, type OidcIssuer } from '../fakes/oidc-issuer.ts';
import { API_AUDIENCE, startAppInstance, type AppInstance } from '../reliability/support/app.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';

const TENANT = '77777777-7777-4777-8777-777777777777';
const CHAT = '19:meeting_deck-card-follows@thread.v2';
const PANEL_CHAT = '19:meeting_deck-started-in-panel@thread.v2';
const morgan: TeamsUser = { tenantId: TENANT, aadObjectId: 'mgr', name: 'Morgan Lee' };
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };
const ANSWER = 'We pick up each other’s cases without being asked';

/** A Graph token as the fake reads it (it trusts its callers): the app's own. */
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const appToken = (tid: string): Promise<string> =>
  Promise.resolve(`${part({ alg: 'none' })}.${part({ tid, oid: 'app', aud: 'https://graph.microsoft.com' })}.x`);

interface MeetingDeckBody {
  readonly kind: string;
  readonly status?: string;
  readonly number?: number;
  readonly total?: number;
  readonly card?: { readonly title: string };
}

describe('the meeting chat’s deck card follows draws made from the side panel and the stage', () => {
  let cosmos: CosmosServer;
  let issuer: OidcIssuer;
  let graph: FakeGraph;
  let connector: FakeBotConnector;
  let app: AppInstance;

  const inChat = <T extends { conversation: object }>(chatId: string, activity: T): T => ({
    ...activity,
    conversation: { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId: TENANT },
  });
  const deckApi = async (as: string, chatId: string, action = '', body?: unknown) => {
    const token = await issuer.signToken({ tid: TENANT, oid: as, aud: API_AUDIENCE, scp: 'access_as_user' });
    const response = await fetch(`${app.url}/api/v1/meetings/${encodeURIComponent(chatId)}/deck${action}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    expect({ status: response.status, text }).toMatchObject({ status: 200 });
    return JSON.parse(text) as MeetingDeckBody;
  };
  /** The card of each update the connector recorded of that message, as JSON text. */
  const updatesOf = (chatId: string, activityId: string): string[] =>
    connector.updates
      .filter((u) => u.conversationId === chatId && u.activityId === activityId)
      .map((u) => JSON.stringify((u.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content));
  const postedIn = (chatId: string) => connector.activities.filter((a) => a.conversationId === chatId);
  /** The latest update of that message once one says `words` (the answer may come before a slow Teams). */
  const updatedTo = async (chatId: string, activityId: string, words: string): Promise<string> => {
    await connector.waitFor(() => updatesOf(chatId, activityId).at(-1)?.includes(words) === true);
    return updatesOf(chatId, activityId).at(-1) ?? '';
  };
  /** A title as it appears inside the card's JSON. */
  const inJson = (words: string): string => JSON.stringify(words).slice(1, -1);

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    issuer = await startOidcIssuer();
    connector = await startFakeBotConnector();
    graph = await startFakeGraph({
      orgs: [
        {
          tenantId: TENANT,
          users: [morgan, sam].map((p) => ({
            id: p.aadObjectId,
            displayName: p.name,
            mail: `${p.aadObjectId}@cumbria.test`,
          })),
        },
      ],
    });
    graph.setChatMembers(CHAT, ['mgr', 'sam']);
    graph.setChatMembers(PANEL_CHAT, ['mgr', 'sam']);
    app = await startAppInstance({
      cosmosEndpoint: cosmos.endpoint,
      cosmosKey: cosmos.key,
      databaseId: `deck-card-${randomUUID()}`,
      tenants: [TENANT],
      issuerUrl: issuer.url,
      graph: createMsGraphGateway({
        tokens: { appToken, delegatedToken: () => Promise.reject(new Error('no user token here')) },
        baseUrl: graph.baseUrl,
        retry: { maxRetries: 2, maxDelaySeconds: 1 },
      }),
    });
    await app.store.tenants.put({
      tenantId: TENANT,
      name: 'Cumbria',
      schemeId: 'cumbria-vip',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    for (const person of [morgan, sam]) {
      await app.store.employees.create(
        employee({
          tenantId: TENANT,
          id: person.aadObjectId,
          displayName: person.name,
          email: `${person.aadObjectId}@cumbria.test`,
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await connector.close();
    await graph.close();
    await issuer.close();
    await cosmos.close();
  });

  it('a deck started on the chat card, drawn and ended from the side panel: the same message shows the new starter, then the themes without names', async () => {
    await postActivity(
      app.url,
      inChat(CHAT, textMessage({ serviceUrl: connector.url, user: morgan }, 'team starters')),
    );
    const posted = postedIn(CHAT);
    expect(posted).toHaveLength(1);
    const messageId = posted[0]?.id ?? '';
    const deckId = String(
      (connector.cards().at(-1) as { actions?: { data?: { deckId?: unknown } }[] }).actions?.[0]?.data?.deckId,
    );

    // The organiser's side panel shows the deck started in the chat, and draws the next card.
    const drawn = await deckApi('mgr', CHAT, '/next', { number: 1 });
    expect(drawn).toMatchObject({ kind: 'deck', status: 'open', number: 2 });
    const afterDraw = await updatedTo(CHAT, messageId, `Card 2 of ${String(drawn.total)}`);
    expect(updatesOf(CHAT, messageId)).toHaveLength(1);
    expect(afterDraw).toContain(inJson(drawn.card?.title ?? 'no title'));
    expect(afterDraw).toContain('No answers yet');

    // Sam answers the new card on the chat card, with their name to it.
    const answered = await postActivity(
      app.url,
      inChat(
        CHAT,
        cardExecute({ serviceUrl: connector.url, user: sam }, 'teamDeck.answer', {
          deckId,
          position: 1,
          deckAnswer: ANSWER,
          deckNamed: 'true',
        }),
      ),
    );
    expect(answered.status).toBe(200);

    const ended = await deckApi('mgr', CHAT, '/end');
    expect(ended).toMatchObject({ kind: 'deck', status: 'ended' });
    const summary = await updatedTo(CHAT, messageId, `This deck has ended after 2 of ${String(drawn.total)} cards`);
    expect(summary).toContain('Themes from the team');
    expect(summary).toContain(inJson(ANSWER));
    expect(summary).not.toContain('Sam Patel');
    // One message in the chat throughout: the card changed in place.
    expect(postedIn(CHAT)).toHaveLength(1);

    // Sam's own view of the ended card, as their client refreshes it, gives the same themes.
    const refreshed = await postActivity(
      app.url,
      inChat(CHAT, cardExecute({ serviceUrl: connector.url, user: sam }, 'teamDeck.refresh', { deckId, position: 1 })),
    );
    const own = JSON.stringify((refreshed.body as { value: unknown }).value);
    expect(own).toContain('Themes from the team');
    expect(own).toContain(inJson(ANSWER));
  });

  it('a deck started from the side panel with no card in the chat yet posts one there, which later draws update', async () => {
    // The app is added to the meeting: the bot is in its chat and knows where to reach the organisation.
    await postActivity(app.url, inChat(PANEL_CHAT, installationAdd({ serviceUrl: connector.url, user: morgan })));
    const before = postedIn(PANEL_CHAT).length;

    const started = await deckApi('mgr', PANEL_CHAT);
    expect(started).toMatchObject({ kind: 'deck', status: 'open', number: 1 });
    await connector.waitFor(() => postedIn(PANEL_CHAT).length > before);
    const posted = postedIn(PANEL_CHAT).slice(before);
    expect(posted).toHaveLength(1);
    const card = JSON.stringify((posted[0]?.activity.attachments as { content: unknown }[] | undefined)?.[0]?.content);
    expect(card).toContain(`Card 1 of ${String(started.total)}`);
    expect(card).toContain(inJson(started.card?.title ?? 'no title'));

    // Starting again shows the same deck: no second card.
    await deckApi('mgr', PANEL_CHAT);
    const drawn = await deckApi('mgr', PANEL_CHAT, '/next', { number: 1 });
    expect(postedIn(PANEL_CHAT).slice(before)).toHaveLength(1);
    const latest = await updatedTo(PANEL_CHAT, posted[0]?.id ?? '', `Card 2 of ${String(drawn.total)}`);
    expect(latest).toContain(inJson(drawn.card?.title ?? 'no title'));
  });

  it('when Teams cannot be reached the draw still lands for the side panel and the stage; the card catches up at the next change', async () => {
    const deckId = teamDeckIdFor(TENANT, PANEL_CHAT);
    const decks = createTeamDeckStore((kind, partition) => app.store.keyValues(kind, partition));
    const stored = await decks.get(TENANT, deckId);
    if (stored === undefined) throw new Error('no deck in the side panel’s meeting');
    const messageId = stored.item.messageId ?? '';
    // Where the card's message was posted no longer answers.
    await decks.replace({ ...stored.item, serviceUrl: 'http://127.0.0.1:9' }, stored.etag);
    const updates = updatesOf(PANEL_CHAT, messageId).length;

    const drawn = await deckApi('mgr', PANEL_CHAT, '/next', { number: 2 });
    expect(drawn).toMatchObject({ kind: 'deck', status: 'open', number: 3 });
    expect(updatesOf(PANEL_CHAT, messageId)).toHaveLength(updates);

    // Teams answers again: the next change shows the deck as it now is, on the same message.
    const again = await decks.get(TENANT, deckId);
    if (again === undefined) throw new Error('the deck is gone');
    await decks.replace({ ...again.item, serviceUrl: connector.url }, again.etag);
    const ended = await deckApi('mgr', PANEL_CHAT, '/end');
    expect(ended).toMatchObject({ status: 'ended' });
    await updatedTo(PANEL_CHAT, messageId, `This deck has ended after 3 of ${String(ended.total)} cards`);
  }, 60_000);

  it('someone in the meeting who does not run the deck is refused, and the chat card is left as it was', async () => {
    const updates = connector.updates.length;
    const token = await issuer.signToken({ tid: TENANT, oid: 'sam', aud: API_AUDIENCE, scp: 'access_as_user' });
    const response = await fetch(`${app.url}/api/v1/meetings/${encodeURIComponent(PANEL_CHAT)}/deck/next`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ number: 3 }),
    });
    expect(response.status).toBe(403);
    expect(connector.updates).toHaveLength(updates);
  });
});
