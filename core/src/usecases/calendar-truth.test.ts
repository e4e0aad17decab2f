// Keeping organisers' calendars watched, over the in-memory repositories and a scripted Graph:
// renewal before expiry, a new subscription when Graph has dropped one (with a catch-up), a failure
// kept for the next round, and a change applied twice written once.
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { InMemoryCalendarWatchStore } from '@pc/testing/fakes/memory/calendar-watch.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import type { CalendarWatchGateway, ObservedEvent } from '../ports/calendar-watch.ts';
import { ensureCalendarWatch, maintainCalendarWatches, syncCalendarEvent, watchBooking } from './calendar-truth.ts';
import type { UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-watch';
let now = '2027-05-03T10:00:00.000Z';
let deps: UseCaseDeps;
let store: InMemoryCalendarWatchStore;
let calls: string[];
let renewAnswers: boolean;
let subscribeFails: AppError | undefined;
let delta: { eventId: string; observed: ObservedEvent | undefined }[];

const gateway: CalendarWatchGateway = {
  subscribe: (_t, mailbox, req) => {
    calls.push(`subscribe ${mailbox}`);
    if (subscribeFails !== undefined) return Promise.reject(subscribeFails);
    return Promise.resolve({ subscriptionId: `sub-${String(calls.length)}`, expiresAt: req.expiresAt });
  },
  renew: (_t, id) => {
    calls.push(`renew ${id}`);
    return Promise.resolve(renewAnswers);
  },
  readEvent: () => Promise.resolve(undefined),
  eventChanges: (_t, mailbox) => {
    calls.push(`delta ${mailbox}`);
    return Promise.resolve({ changes: delta, deltaLink: 'https://graph.example/delta?token=next' });
  },
};

const booked = conversation(TENANT, 'c1', {
  employeeId: 'emp-1',
  managerIds: ['mgr-1'],
  status: 'booked',
  date: '2027-05-12',
  agenda: [],
  booking: {
    bookedBy: 'mgr-1',
    start: '2027-05-12T09:00:00.000Z',
    end: '2027-05-12T10:00:00.000Z',
    eventIds: { 'mgr-1': 'ev-1' },
  },
});

beforeEach(async () => {
  now = '2027-05-03T10:00:00.000Z';
  calls = [];
  renewAnswers = true;
  subscribeFails = undefined;
  delta = [];
  store = new InMemoryCalendarWatchStore();
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant(TENANT));
  await repos.employees.create(employee(TENANT, 'emp-1'));
  await repos.employees.create(employee(TENANT, 'mgr-1'));
  await repos.conversations.create(booked);
  deps = {
    repos,
    clock: { now: () => now, today: () => now.slice(0, 10) },
    newId: () => 'id',
    calendarWatching: {
      gateway,
      store,
      notificationUrl: 'https://pc.example/api/calendar/notifications',
      lifecycleNotificationUrl: 'https://pc.example/api/calendar/lifecycle',
      clientStateFor: (_t, m) => `${m}.key`,
      mailboxOfClientState: (_t, c) => (c.endsWith('.key') ? c.slice(0, -4) : undefined),
    },
  };
});

const later = (days: number) => new Date(Date.parse('2027-05-03T10:00:00.000Z') + days * 86_400_000).toISOString();

describe('watching organisers’ calendars', () => {
  it('subscribes once for a booking, and leaves a watch with days left alone', async () => {
    await watchBooking(deps, booked);
    await watchBooking(deps, booked);
    expect(calls).toEqual(['subscribe mgr-1']);
    expect(await ensureCalendarWatch(deps, TENANT, 'mgr-1')).toBe('watching');
  });

  it('renews a subscription with less than a day left, for about a week', async () => {
    await watchBooking(deps, booked);
    now = later(6.5);
    expect(await ensureCalendarWatch(deps, TENANT, 'mgr-1')).toBe('renewed');
    const watch = (await store.getWatch(TENANT, 'mgr-1'))?.item;
    expect(Date.parse(watch?.expiresAt ?? '') - Date.parse(now)).toBe(10_000 * 60_000);
  });

  it('subscribes again when Graph no longer has the subscription, then catches up by delta query', async () => {
    await watchBooking(deps, booked);
    now = later(6.5);
    renewAnswers = false;
    delta = [{ eventId: 'ev-1', observed: undefined }];
    expect(await ensureCalendarWatch(deps, TENANT, 'mgr-1')).toBe('subscribed');
    expect(calls).toEqual(['subscribe mgr-1', 'renew sub-1', 'subscribe mgr-1', 'delta mgr-1']);
    // The event is gone from the calendar: the record says cancelled in Outlook.
    const record = await deps.repos.conversations.get(TENANT, 'emp-1', 'c1');
    expect(record?.item.status).toBe('cancelled');
    expect(record?.item.booking?.changedInCalendar?.kind).toBe('cancelled');
  });

  it('keeps why subscribing failed, and the maintenance round tries again', async () => {
    subscribeFails = new AppError('forbidden', 'Microsoft 365 refused access to this information');
    await watchBooking(deps, booked);
    expect((await store.getWatch(TENANT, 'mgr-1'))?.item.lastError).toContain('forbidden');
    subscribeFails = undefined;
    const round = await maintainCalendarWatches(deps, TENANT);
    expect(round).toMatchObject({ subscribed: 1, failed: 0 });
    const watch = (await store.getWatch(TENANT, 'mgr-1'))?.item;
    expect(watch?.subscriptionId).toBeDefined();
    expect(watch?.lastError).toBeUndefined();
  });

  it('applying the same move twice writes the record once; a change to an event not ours is ignored', async () => {
    await watchBooking(deps, booked);
    const moved: ObservedEvent = {
      start: '2027-05-13T09:00:00.000Z',
      end: '2027-05-13T10:00:00.000Z',
      cancelled: false,
      declinedBy: [],
    };
    expect(await syncCalendarEvent(deps, TENANT, 'mgr-1', 'ev-1', moved)).toBe('moved');
    const first = await deps.repos.conversations.get(TENANT, 'emp-1', 'c1');
    expect(await syncCalendarEvent(deps, TENANT, 'mgr-1', 'ev-1', moved)).toBe('unchanged');
    const second = await deps.repos.conversations.get(TENANT, 'emp-1', 'c1');
    expect(second?.etag).toBe(first?.etag);
    expect(second?.item.date).toBe('2027-05-13');
    expect(await syncCalendarEvent(deps, TENANT, 'mgr-1', 'someone-elses-event', moved)).toBe('unknown');
  });
});
