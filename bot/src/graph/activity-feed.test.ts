import { AppError, type ProactiveSender } from '@pc/core';
import { buildDigestCard } from '@pc/core/cards';
import { forActivityFeed, withActivityFeed } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../../../test/fakes/graph-server.ts';
import { startOidcIssuer, type OidcIssuer } from '../../../test/fakes/oidc-issuer.ts';
import { createGraphActivityFeed } from './activity-feed.ts';
import { createMsalTokenSource } from './token-source.ts';

const TENANT = '44444444-4444-4444-8444-444444444444';
const TEAMS_APP_ID = '55555555-5555-4555-8555-555555555555';
const hours = { start: '09:00', end: '17:00', daysOfWeek: ['monday'], timeZone: 'Europe/London' } as const;

let issuer: OidcIssuer;
let graph: FakeGraph;
let sender: ProactiveSender;
const chat: string[] = [];

const digest = buildDigestCard({
  firstName: 'Morgan',
  weekOf: '2027-05-14',
  overdue: [],
  dueSoon: [],
  awaitingAgreement: [],
  disagreements: [],
  appealDeadlines: [],
  tabUrl: 'https://app.example.test/tab/#/team',
});
const notice = { tenantId: TENANT, personId: 'morgan', id: 'digest-1', card: digest };

beforeAll(async () => {
  issuer = await startOidcIssuer({ clients: { 'pc-app': { secret: 'local-secret' } } });
  graph = await startFakeGraph({
    orgs: [
      {
        tenantId: TENANT,
        users: [{ id: 'morgan', displayName: 'Morgan Lee', mail: 'm@x.example', workingHours: hours }],
      },
    ],
  });
  const tokens = createMsalTokenSource({
    clientId: 'pc-app',
    clientSecret: 'local-secret',
    authority: issuer.msalAuthorityHost,
    networkClient: issuer.msalNetworkClient,
  });
  const feed = createGraphActivityFeed({
    appToken: (t) => tokens.appToken(t),
    baseUrl: graph.baseUrl,
    teamsAppId: TEAMS_APP_ID,
    retry: { maxRetries: 0, maxDelaySeconds: 1 },
  });
  const toChat: ProactiveSender = {
    send: (_tenantId, _personId, _card, key) => {
      chat.push(key);
      return Promise.resolve({ activityId: `chat-${key}` });
    },
  };
  sender = withActivityFeed(toChat, feed);
});
afterAll(async () => {
  await graph.close();
  await issuer.close();
});

const feedRequests = () =>
  graph.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/teamwork/sendActivityNotification'));

describe('nudges in the Teams activity feed', () => {
  it('a nudge marked for the feed goes to Graph with the app token, its heading and a link that opens the tab', async () => {
    const feedNotice = forActivityFeed(notice);
    await sender.send(TENANT, 'morgan', feedNotice.card, feedNotice.id);
    const [sent] = feedRequests();
    expect(sent?.path).toBe('/users/morgan/teamwork/sendActivityNotification');
    expect(sent?.status).toBe(204);
    expect(sent?.token?.roles).toBeDefined();
    const body = sent?.body as { activityType: string; previewText: { content: string }; topic: { webUrl: string } };
    expect(body.activityType).toBe('nudge');
    expect(body.previewText.content).toBe('Your team this week');
    expect(body.topic.webUrl).toContain(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/`);
    expect(decodeURIComponent(body.topic.webUrl)).toContain('"subEntityId":"/team"');
    expect(chat).toEqual([]);
  });

  it('every other send still goes to the chat', async () => {
    await sender.send(TENANT, 'morgan', notice.card, notice.id);
    expect(chat).toEqual(['digest-1']);
    expect(feedRequests()).toHaveLength(1);
  });

  it('Graph refusing (someone unknown to it) fails the send for the queue to handle, and nothing goes to the chat', async () => {
    const feedNotice = forActivityFeed({ ...notice, personId: 'nobody' });
    const error: unknown = await sender.send(TENANT, 'nobody', feedNotice.card, feedNotice.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(chat).toEqual(['digest-1']);
  });
});
