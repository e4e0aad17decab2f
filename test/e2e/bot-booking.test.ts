/**
 * #19 booking from the bot: the real server with its Teams module over a fake Bot Connector, a
 * Cosmos wire-protocol store and the fake Graph. The due card's Book button offers the times both
 * calendars show free (getSchedule, with the app's own token: the bot holds no user token); Book on
 * that card books through the one booking use case; a second press books nothing new.
 */
import { randomUUID } from 'node:crypto';
import { fixedClock } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../bot/src/app.ts';
import { loadConfig } from '../../bot/src/config.ts';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { createMsGraphGateway } from '../../bot/src/graph/index.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { createTeamsModule } from '../../bot/src/teams/module.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { cardExecute, postActivity, type TeamsUser } from '../fakes/connector/teams-activities.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';

const TENANT = '66666666-6666-4666-8666-666666666666';
const TAB_BASE = 'https://pc.example.org';
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };
const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** A Graph token as the fake reads it (it trusts its callers): the app's own, no user's scopes. */
const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const appToken = (tid: string): Promise<string> =>
  Promise.resolve(`${part({ alg: 'none' })}.${part({ tid, oid: 'app', aud: 'https://graph.microsoft.com' })}.x`);

type Card = {
  body: { type: string; id?: string; choices?: { title: string; value: string }[]; text?: string }[];
  actions?: { type: string; title?: string; verb?: string; data?: Record<string, unknown>; url?: string }[];
};
const cardOf = (reply: { body: unknown }): Card => (reply.body as { value: Card }).value;
const textOf = (card: Card): string => JSON.stringify(card.body);

describe('booking from the bot card', () => {
  let cosmos: CosmosServer;
  let store: Store;
  let connector: FakeBotConnector;
  let graph: FakeGraph;
  let app: App;
  let botUrl: string;

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    store = await createCosmosStore({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      databaseId: `bot-booking-${randomUUID()}`,
      allowSelfSigned: true,
    });
    connector = await startFakeBotConnector();
    graph = await startFakeGraph({
      orgs: [
        {
          tenantId: TENANT,
          users: [
            {
              id: 'sam',
              displayName: 'Sam Patel',
              mail: 'sam@assembly.test',
              managerId: 'mgr',
              workingHours: { start: '09:00', end: '17:00', daysOfWeek: WEEK, timeZone: 'Europe/London' },
            },
            {
              id: 'mgr',
              displayName: 'Morgan Lee',
              mail: 'morgan@assembly.test',
              // Starts later: only the afternoon is shared.
              workingHours: { start: '13:00', end: '17:00', daysOfWeek: WEEK, timeZone: 'Europe/London' },
            },
          ],
        },
      ],
    });
    const config = loadConfig({
      APP_ENV: 'local',
      CHECKIN_SCHEDULER: 'false',
      LOCAL_DEV_FAKES: 'true',
      ALLOWED_TENANTS: TENANT,
      LOG_LEVEL: 'silent',
      TAB_BASE_URL: TAB_BASE,
    });
    const gateway = createMsGraphGateway({
      tokens: { appToken, delegatedToken: () => Promise.reject(new Error('the bot has no user token')) },
      baseUrl: graph.baseUrl,
      retry: { maxRetries: 3, maxDelaySeconds: 1 },
    });
    app = await createApp(config, {
      store,
      logger: createLogger({ level: 'silent' }),
      // Monday 10 May 2027, 10:00 in London.
      clock: fixedClock('2027-05-10T09:00:00.000Z'),
      compose: { graph: gateway },
      modules: [createTeamsModule()],
    });
    botUrl = (await app.listen(0)).url;
    await store.tenants.put({
      tenantId: TENANT,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    const job = {
      id: 'job-1',
      title: 'Officer',
      managerIds: ['mgr'],
      isMain: true,
      contract: 'substantive' as const,
      startDate: '2024-04-01',
    };
    await store.employees.create(
      employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee', email: 'morgan@assembly.test', jobs: [] }),
    );
    await store.employees.create(
      employee({ tenantId: TENANT, id: 'sam', displayName: 'Sam Patel', email: 'sam@assembly.test', jobs: [job] }),
    );
    // The manager is busy on Tuesday afternoon until 15:00 (14:00 UTC).
    graph.addBusy('mgr', { start: '2027-05-11T12:00:00.000Z', end: '2027-05-11T14:00:00.000Z' });
  }, 180_000);

  afterAll(async () => {
    await app.close(1_000);
    await graph.close();
    await connector.close();
    store.close();
    await cosmos.close();
  });

  const opts = () => ({ serviceUrl: connector.url, user: sam });
  let offer: Card;

  it('the Book button offers times inside both people’s working hours that both calendars show free', async () => {
    offer = cardOf(await postActivity(botUrl, cardExecute(opts(), 'checkin.book', {})));
    const choices = offer.body.find((e) => e.type === 'Input.ChoiceSet')?.choices ?? [];
    expect(choices.map((c) => c.title)).toEqual([
      'Tue 11 May, 15:00–16:00',
      'Tue 11 May, 15:30–16:30',
      'Wed 12 May, 13:00–14:00',
      'Wed 12 May, 13:30–14:30',
      'Thu 13 May, 13:00–14:00',
    ]);
    expect(textOf(offer)).toContain('with Morgan Lee');
    // Read with the app's own token through Sam's mailbox: getSchedule, never findMeetingTimes.
    const asked = graph.requests().filter((r) => r.path.endsWith('/calendar/getSchedule'));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.path).toBe('/users/sam/calendar/getSchedule');
    expect(asked[0]?.token?.scp).toBeUndefined();
    expect(offer.actions?.find((a) => a.type === 'Action.OpenUrl')?.url).toBe(`${TAB_BASE}/tab/#/book`);
  }, 60_000);

  it('Book books the chosen time once, in both calendars, however often it is pressed and after Graph failed', async () => {
    const book = offer.actions?.find((a) => a.verb === 'booking.book');
    const chosen = { ...book?.data, bookingSlot: '2027-05-12T12:00:00.000Z' };
    // Graph answers 503 to the first press and every retry of it: the person is told, nothing is half-booked.
    graph.failNext(4, { status: 503 });
    const failed = cardOf(await postActivity(botUrl, cardExecute(opts(), 'booking.book', chosen)));
    expect(textOf(failed)).toContain('please try again');
    expect(graph.events('sam')).toHaveLength(0);
    const done = cardOf(await postActivity(botUrl, cardExecute(opts(), 'booking.book', chosen)));
    expect(textOf(done)).toContain('Booked for 12 May, 13:00');
    const again = cardOf(await postActivity(botUrl, cardExecute(opts(), 'booking.book', chosen)));
    expect(textOf(again)).toContain('Booked for 12 May, 13:00');

    const samEvents = graph.events('sam').filter((e) => !e.isCancelled && e.isOrganizer);
    expect(samEvents).toHaveLength(1);
    expect(samEvents[0]?.attendees.map((a) => a.emailAddress.address)).toEqual(['morgan@assembly.test']);
    expect(graph.events('mgr').filter((e) => e.iCalUId === samEvents[0]?.iCalUId)).toHaveLength(1);
    const { items } = await store.conversations.listForEmployee(TENANT, 'sam');
    const booked = items.filter((c) => c.status === 'booked');
    expect(booked).toHaveLength(1);
    expect(booked[0]?.booking?.start).toBe('2027-05-12T12:00:00.000Z');
    const link = done.actions?.find((a) => a.title === 'Open the conversation')?.url;
    expect(link).toContain(`/tab/#/conversations/sam/${booked[0]?.id ?? ''}`);
  }, 60_000);

  it('a card from another version, or a time it never offered, gets a clear error and books nothing', async () => {
    const book = offer.actions?.find((a) => a.verb === 'booking.book');
    const broken = cardOf(await postActivity(botUrl, cardExecute(opts(), 'booking.book', { key: 'x' })));
    expect(textOf(broken)).toContain('This card is out of date');
    const notOffered = { ...book?.data, bookingSlot: '2027-05-11T08:00:00.000Z' };
    const refused = cardOf(await postActivity(botUrl, cardExecute(opts(), 'booking.book', notOffered)));
    expect(textOf(refused)).toContain('not one of those offered');
    expect(graph.events('sam').filter((e) => e.isOrganizer)).toHaveLength(1);
  }, 60_000);
});
