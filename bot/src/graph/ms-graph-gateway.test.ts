import { AppError } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGraph, type FakeGraph } from '../../../test/fakes/graph-server.ts';
import { startOidcIssuer, type OidcIssuer } from '../../../test/fakes/oidc-issuer.ts';
import type { FakeOrg, FakeUser } from '../../../test/fakes/org.ts';
import type { GraphGateway } from './gateway.ts';
import { createMsGraphGateway } from './ms-graph-gateway.ts';
import { createMsalTokenSource, type GraphTokenSource } from './token-source.ts';

const TENANT = '33333333-3333-4333-8333-333333333333';
const CLIENT_ID = 'pc-app';
const hours = {
  start: '09:00',
  end: '17:00',
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  timeZone: 'Europe/London',
} as const;
const person = (id: string, displayName: string, managerId?: string): FakeUser => ({
  id,
  displayName,
  mail: `${id}@council.example`,
  workingHours: hours,
  ...(managerId === undefined ? {} : { managerId }),
});
const staff = Array.from({ length: 20 }, (_, i) => person(`officer-${i}`, `Officer ${i}`, 'manager'));
const org: FakeOrg = {
  tenantId: TENANT,
  users: [
    person('chief', 'Chief Executive'),
    person('director', 'Director of Place', 'chief'),
    person('manager', 'Team Manager', 'director'),
    person('alice', 'Alice Adams', 'manager'),
    person('bob', 'Bob Brown', 'manager'),
    ...staff,
  ],
};

let issuer: OidcIssuer;
let graph: FakeGraph;
let tokens: GraphTokenSource;
let gateway: GraphGateway;

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

beforeAll(async () => {
  issuer = await startOidcIssuer({ clients: { [CLIENT_ID]: { secret: 'local-secret' } } });
  graph = await startFakeGraph({ orgs: [org] });
  tokens = createMsalTokenSource({
    clientId: CLIENT_ID,
    clientSecret: 'local-secret',
    authority: issuer.msalAuthorityHost,
    networkClient: issuer.msalNetworkClient,
  });
  gateway = createMsGraphGateway({ tokens, baseUrl: graph.baseUrl, retry: { maxRetries: 3, maxDelaySeconds: 5 } });
});
afterAll(async () => {
  await graph.close();
  await issuer.close();
});

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const lastRequest = (method: string, path: RegExp) => {
  const found = graph.requests().filter((r) => r.method === method && path.test(r.path));
  expect(found.length, `${method} ${path.source}`).toBeGreaterThan(0);
  return found.at(-1)!;
};
const aMeeting = (start: string, end: string) => ({ subject: 'Busy', start, end, attendees: [], teamsMeeting: false });

describe('Microsoft Graph gateway against a fake Graph over HTTP', () => {
  it('waits out a 429 with a fractional Retry-After and then succeeds', async () => {
    graph.failNext(1, { status: 429, retryAfter: '0.2' });
    const started = Date.now();
    const event = await gateway.createEvent(
      { tenantId: TENANT, mailboxId: 'bob' },
      aMeeting('2030-02-04T09:00:00.000Z', '2030-02-04T10:00:00.000Z'),
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(graph.events('bob').filter((e) => e.id === event.id)).toHaveLength(1);
  });

  it('reports throttled with a retry hint once retries run out', async () => {
    const before = graph.requestCount();
    graph.failNext(4, { status: 429, retryAfter: '0.2' });
    const error = await failure(
      gateway.cancelEvent({ tenantId: TENANT, mailboxId: 'bob' }, 'some-event', 'Rearranging'),
    );
    expect(error.code).toBe('throttled');
    expect(error.retryAfterSeconds).toBe(1);
    expect(graph.requestCount() - before).toBe(4);
  });

  it('never has more than 4 requests in flight for one mailbox, even with 20 callers', async () => {
    graph.setLatency(40);
    try {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          gateway.createEvent(
            { tenantId: TENANT, mailboxId: 'bob' },
            aMeeting(`2030-02-0${String(5 + (i % 4))}T0${String(i % 8)}:00:00.000Z`, '2030-02-09T10:00:00.000Z'),
          ),
        ),
      );
    } finally {
      graph.setLatency(0);
    }
    expect(graph.maxConcurrency('bob')).toBe(4);
  });

  it('#17.12 books a Teams meeting in the signed-in organiser’s own calendar with their delegated token, got on their behalf, then moves and cancels it', async () => {
    const userToken = await issuer.signToken({
      tid: TENANT,
      oid: 'manager',
      aud: `api://${CLIENT_ID}`,
      scp: 'access_as_user',
    });
    const organizer = { tenantId: TENANT, mailboxId: 'manager', userToken };
    const meeting = {
      subject: 'Regular conversation',
      bodyHtml: '<p>Agenda</p>',
      start: '2030-03-04T09:00:00.000Z',
      end: '2030-03-04T10:00:00.000Z',
      attendees: [{ email: 'alice@council.example', name: 'Alice Adams' }],
      teamsMeeting: true,
      idempotencyKey: 'booking-0001',
    };
    const event = await gateway.createEvent(organizer, meeting);
    const sent = lastRequest('POST', /^\/users\/manager\/events$/);
    expect(sent.body).toEqual({
      subject: 'Regular conversation',
      body: { contentType: 'HTML', content: '<p>Agenda</p>' },
      start: { dateTime: '2030-03-04T09:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2030-03-04T10:00:00.000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: 'alice@council.example', name: 'Alice Adams' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'booking-0001',
    });
    // The organiser's own Graph token from on-behalf-of: the app needs no access to their mailbox.
    expect(sent.token).toMatchObject({ tid: TENANT, oid: 'manager', idtyp: 'user', aud: GRAPH_AUDIENCE });
    expect(sent.token?.scp).toEqual(expect.any(String));
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(graph.events('alice').find((e) => e.iCalUId === event.iCalUId)?.onlineMeeting?.joinUrl).toBe(event.joinUrl);
    // The same transactionId again (a retried create) returns the first event: no second invitation.
    expect((await gateway.createEvent(organizer, meeting)).id).toBe(event.id);
    expect(graph.events('alice').filter((e) => e.iCalUId === event.iCalUId)).toHaveLength(1);

    const moved = await gateway.updateEvent(organizer, event.id, {
      start: '2030-03-05T14:00:00.000Z',
      end: '2030-03-05T15:00:00.000Z',
    });
    const patch = lastRequest('PATCH', new RegExp(`^/users/manager/events/${event.id}$`));
    expect(patch.body).toEqual({
      start: { dateTime: '2030-03-05T14:00:00.000', timeZone: 'UTC' },
      end: { dateTime: '2030-03-05T15:00:00.000', timeZone: 'UTC' },
    });
    expect(patch.token).toMatchObject({ oid: 'manager', idtyp: 'user' });
    expect(moved.start).toBe('2030-03-05T14:00:00.000Z');

    await gateway.cancelEvent(organizer, event.id, 'Rearranging');
    const cancel = lastRequest('POST', new RegExp(`^/users/manager/events/${event.id}/cancel$`));
    expect(cancel.body).toEqual({ comment: 'Rearranging' });
    expect(cancel.token).toMatchObject({ oid: 'manager', idtyp: 'user' });
    expect(graph.events('alice').find((e) => e.iCalUId === event.iCalUId)?.isCancelled).toBe(true);
  });

  it('#17.12 a user’s delegated token cannot write anyone else’s calendar; a coordinator’s booking uses the app’s permission', async () => {
    const coordinatorToken = await issuer.signToken({
      tid: TENANT,
      oid: 'bob',
      aud: `api://${CLIENT_ID}`,
      scp: 'access_as_user',
    });
    const meeting = aMeeting('2030-03-06T09:00:00.000Z', '2030-03-06T10:00:00.000Z');
    const refused = await failure(
      gateway.createEvent({ tenantId: TENANT, mailboxId: 'manager', userToken: coordinatorToken }, meeting),
    );
    expect(refused.code).toBe('forbidden');
    const event = await gateway.createEvent({ tenantId: TENANT, mailboxId: 'manager' }, meeting);
    const sent = lastRequest('POST', /^\/users\/manager\/events$/);
    expect(sent.token).toMatchObject({ tid: TENANT, idtyp: 'app', aud: GRAPH_AUDIENCE });
    expect(sent.token?.scp).toBeUndefined();
    expect(graph.events('manager').map((e) => e.id)).toContain(event.id);
  });

  it('asks Graph for meeting times with the manager’s own delegated token, got on their behalf, and passes on who is busy when', async () => {
    await gateway.createEvent(
      { tenantId: TENANT, mailboxId: 'manager' },
      aMeeting('2030-03-11T09:00:00.000Z', '2030-03-11T10:00:00.000Z'),
    );
    const userToken = await issuer.signToken({
      tid: TENANT,
      oid: 'manager',
      aud: `api://${CLIENT_ID}`,
      scp: 'access_as_user',
    });
    const suggestions = await gateway.findMeetingTimes(
      { tenantId: TENANT, userId: 'manager', token: userToken },
      {
        attendees: [{ email: 'alice@council.example' }],
        within: [{ start: '2030-03-11T08:00:00.000Z', end: '2030-03-11T12:00:00.000Z' }],
        durationMinutes: 60,
        maxCandidates: 20,
      },
    );
    const sent = lastRequest('POST', /^\/me\/findMeetingTimes$/);
    expect(sent.body).toEqual({
      attendees: [{ emailAddress: { address: 'alice@council.example' }, type: 'required' }],
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [
          {
            start: { dateTime: '2030-03-11T08:00:00.000', timeZone: 'UTC' },
            end: { dateTime: '2030-03-11T12:00:00.000', timeZone: 'UTC' },
          },
        ],
      },
      meetingDuration: 'PT60M',
      maxCandidates: 20,
      isOrganizerOptional: false,
      minimumAttendeePercentage: 100,
      returnSuggestionReasons: false,
    });
    // Not the user's API token and not the app's: a Graph token for the same user, from on-behalf-of.
    expect(sent.token).toMatchObject({ tid: TENANT, oid: 'manager', idtyp: 'user', aud: GRAPH_AUDIENCE });
    expect(sent.token?.scp).toEqual(expect.any(String));

    const at = (start: string) => suggestions.find((s) => s.start === start);
    expect(at('2030-03-11T09:00:00.000Z')).toMatchObject({
      organizerAvailability: 'busy',
      attendeeAvailability: [{ email: 'alice@council.example', availability: 'free' }],
    });
    expect(at('2030-03-11T10:00:00.000Z')).toMatchObject({
      organizerAvailability: 'free',
      attendeeAvailability: [{ email: 'alice@council.example', availability: 'free' }],
    });
  });

  it('refuses findMeetingTimes with an app-only token', async () => {
    const appToken = await tokens.appToken(TENANT);
    const error = await failure(
      gateway.findMeetingTimes(
        { tenantId: TENANT, userId: 'manager', token: appToken },
        {
          attendees: [],
          within: [{ start: '2030-03-11T08:00:00.000Z', end: '2030-03-11T12:00:00.000Z' }],
          durationMinutes: 30,
        },
      ),
    );
    expect(error.code).toBe('unauthenticated');

    const misconfigured = createMsGraphGateway({
      baseUrl: graph.baseUrl,
      tokens: { ...tokens, delegatedToken: (tenantId) => tokens.appToken(tenantId) },
    });
    const refused = await failure(
      misconfigured.findMeetingTimes(
        { tenantId: TENANT, userId: 'manager', token: appToken },
        {
          attendees: [],
          within: [{ start: '2030-03-11T08:00:00.000Z', end: '2030-03-11T12:00:00.000Z' }],
          durationMinutes: 30,
        },
      ),
    );
    expect(refused.code).toBe('forbidden');
  });

  it('lists who is in a Teams meeting’s chat with the app’s own token, and no one for a chat Graph does not know', async () => {
    const chatId = '19:meeting_team-day@thread.v2';
    graph.setChatMembers(chatId, ['manager', 'alice']);
    expect(await gateway.membersOf(TENANT, chatId)).toEqual(['manager', 'alice']);
    const sent = lastRequest('GET', /^\/chats\/.+\/members$/);
    expect(sent.token).toMatchObject({ tid: TENANT, idtyp: 'app', aud: GRAPH_AUDIENCE });
    expect(sent.token?.scp).toBeUndefined();
    expect(await gateway.membersOf(TENANT, '19:meeting_unknown@thread.v2')).toEqual([]);
  });
});
