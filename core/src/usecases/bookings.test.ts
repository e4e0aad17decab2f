// Booking over the in-memory repositories and a calendar that records what it was asked: the
// order of the steps, and what a retry with the same idempotency key does after each failure.
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../errors.ts';
import type { CalendarGateway, NewCalendarEvent } from '../ports/calendar.ts';
import { fixedClock } from '../time/clock.ts';
import { cancelBooking } from './booking-changes.ts';
import { bookConversation, bulkBook } from './bookings.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-bookings';
const manager: Caller = { tenantId: TENANT, userId: 'mgr-1', token: 'manager-api-token' };
const link = (personId: string, id: string) => `https://tab.example/people/${personId}/conversations/${id}`;
const input = {
  employeeId: 'sam',
  type: 'regular' as const,
  start: '2027-05-20T09:00:00.000Z',
  end: '2027-05-20T10:00:00.000Z',
  agenda: [],
};

/** A calendar keyed like Graph's transactionId; `refuse` makes the next create fail as given. */
const recordingCalendar = () => {
  const events = new Map<string, NewCalendarEvent>();
  const cancelled: string[] = [];
  const state = { refuse: undefined as AppError | undefined };
  const calendar: CalendarGateway = {
    suggestTimes: () => Promise.resolve([]),
    schedules: () => Promise.resolve([]),
    createEvent: (event) => {
      const refusal = state.refuse;
      state.refuse = undefined;
      if (refusal !== undefined) return Promise.reject(refusal);
      events.set(event.idempotencyKey, event);
      return Promise.resolve({ eventId: `event-${event.idempotencyKey}` });
    },
    updateEvent: () => Promise.resolve(),
    cancelEvent: (_owner, eventId) => {
      cancelled.push(eventId);
      return Promise.resolve();
    },
  };
  return { calendar, events, cancelled, state };
};

let deps: UseCaseDeps;
let cal: ReturnType<typeof recordingCalendar>;

beforeEach(async () => {
  let ids = 0;
  cal = recordingCalendar();
  deps = {
    repos: inMemoryRepositories(),
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    newId: () => `id-${String((ids += 1))}`,
    calendarFor: () => cal.calendar,
  };
  await deps.repos.tenants.put(tenant(TENANT));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
});

const recordsOfSam = async () => (await deps.repos.conversations.listForEmployee(TENANT, 'sam')).items;

describe('#17.7 booking is written first and completed after the calendar, so a retry converges', () => {
  it('writes to the signed-in organiser’s calendar with their own token, keyed by the record', async () => {
    const booked = await bookConversation(deps, manager, input, link, 'key-1');
    const [sent] = [...cal.events.values()];
    expect(sent).toMatchObject({
      organizerId: 'mgr-1',
      userToken: 'manager-api-token',
      attendees: ['sam@example.test'],
    });
    expect(sent?.idempotencyKey).toBe(booked.stored.item.id);
    expect(booked.stored.item.booking).toEqual({
      bookedBy: 'mgr-1',
      start: input.start,
      end: input.end,
      eventIds: { 'mgr-1': `event-${booked.stored.item.id}` },
    });
  });

  it('the same key again answers with the same booking and asks the calendar for nothing new', async () => {
    const first = await bookConversation(deps, manager, input, link, 'key-2');
    const again = await bookConversation(deps, manager, input, link, 'key-2');
    expect(again.stored.item.id).toBe(first.stored.item.id);
    expect(cal.events.size).toBe(1);
    expect(await recordsOfSam()).toHaveLength(1);
    // The same key for another time is a mistake, not a retry.
    const moved = { ...input, start: '2027-05-20T11:00:00.000Z', end: '2027-05-20T12:00:00.000Z' };
    const reused = await bookConversation(deps, manager, moved, link, 'key-2').catch((e: unknown) => e);
    expect(isAppError(reused) && reused.code).toBe('conflict');
    // A different key is a different booking (in another month: one Regular a month, see below).
    await bookConversation(
      deps,
      manager,
      { ...input, start: '2027-06-21T09:00:00.000Z', end: '2027-06-21T10:00:00.000Z' },
      link,
      'key-3',
    );
    expect(await recordsOfSam()).toHaveLength(2);
  });

  it('a calendar refusal leaves no record saying booked; the retry after it is put right books the same record', async () => {
    cal.state.refuse = new AppError('forbidden', 'Consent needed');
    const refused = await bookConversation(deps, manager, input, link, 'key-4').catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('forbidden');
    const [withdrawn] = await recordsOfSam();
    expect(withdrawn?.status).toBe('cancelled');
    expect(withdrawn?.booking?.pending).toBe('invitations');

    const retried = await bookConversation(deps, manager, input, link, 'key-4');
    expect(retried.stored.item).toMatchObject({ id: withdrawn?.id, status: 'booked' });
    expect(retried.stored.item.booking?.pending).toBeUndefined();
    expect(await recordsOfSam()).toHaveLength(1);
  });

  it('a calendar that does not answer leaves the booking pending for the retry to finish', async () => {
    cal.state.refuse = new AppError('unavailable', 'Microsoft 365 is not answering');
    await expect(bookConversation(deps, manager, input, link, 'key-5')).rejects.toThrow();
    expect((await recordsOfSam())[0]).toMatchObject({ status: 'booked', booking: { pending: 'invitations' } });
    const retried = await bookConversation(deps, manager, input, link, 'key-5');
    expect(retried.stored.item.booking?.pending).toBeUndefined();
  });

  it('cancelling a cancellation already under way needs no fresh ETag and completes it', async () => {
    const booked = await bookConversation(deps, manager, input, link, 'key-6');
    const stored = booked.stored;
    const booking = stored.item.booking!;
    // As a failure after the mark leaves it.
    await deps.repos.conversations.update(
      { ...stored.item, booking: { ...booking, pending: 'cancellation' } },
      stored.etag,
    );
    const done = await cancelBooking(deps, manager, 'sam', stored.item.id, stored.etag);
    expect(done.item.status).toBe('cancelled');
    expect(done.item.booking?.pending).toBeUndefined();
    expect(cal.cancelled).toEqual([booking.eventIds['mgr-1']]);
    // A booking not being cancelled still needs its current ETag.
    const other = await bookConversation(
      deps,
      manager,
      { ...input, start: '2027-06-22T09:00:00.000Z', end: '2027-06-22T10:00:00.000Z' },
      link,
      'key-7',
    );
    const stale = await cancelBooking(deps, manager, 'sam', other.stored.item.id, '"stale"').catch((e: unknown) => e);
    expect(isAppError(stale) && stale.code).toBe('conflict');
  });
});

describe('#19 a second booking of the same type for the pair in one month is refused', () => {
  const later = { ...input, start: '2027-05-27T13:00:00.000Z', end: '2027-05-27T14:00:00.000Z' };
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('names the booking already made and when, so the person can move it instead; nothing new is stored or sent', async () => {
    const first = await bookConversation(deps, manager, input, link, 'key-a');
    const second = await refusal(bookConversation(deps, manager, later, link, 'key-b'));
    expect(isAppError(second) && second.code).toBe('validation');
    expect(isAppError(second) && second.message).toMatch(
      /^Sam .*'s VIP conversation this month is already booked for 20 May, 10:00\. Move that one/,
    );
    expect(isAppError(second) && second.details).toEqual([
      { path: 'existingConversationId', message: first.stored.item.id },
    ]);
    expect(await recordsOfSam()).toHaveLength(1);
    expect(cal.events.size).toBe(1);
  });

  it('staff booking their own are told it is theirs; a retry of the first booking is still answered', async () => {
    const self: Caller = { tenantId: TENANT, userId: 'sam', token: 'sam-token' };
    const mine = await bookConversation(deps, self, input, link, 'self-1');
    expect(mine.stored.item.booking?.bookedBy).toBe('sam');
    const second = await refusal(bookConversation(deps, self, later, link, 'self-2'));
    expect(isAppError(second) && second.message).toMatch(/^Your VIP conversation this month is already booked/);
    const retried = await bookConversation(deps, self, input, link, 'self-1');
    expect(retried.stored.item.id).toBe(mine.stored.item.id);
  });

  it('004 one a month: another type, another month or a cancelled booking does not stand in the way', async () => {
    const first = await bookConversation(deps, manager, input, link, 'key-c');
    await bookConversation(deps, manager, { ...later, type: 'big-picture' }, link, 'key-d');
    await bookConversation(
      deps,
      manager,
      { ...input, start: '2027-06-03T09:00:00.000Z', end: '2027-06-03T10:00:00.000Z' },
      link,
      'key-e',
    );
    await cancelBooking(deps, manager, 'sam', first.stored.item.id, first.stored.etag);
    await bookConversation(deps, manager, later, link, 'key-f');
    expect((await recordsOfSam()).filter((r) => r.status === 'booked')).toHaveLength(3);
  });
});

describe('#19 a round is held on working days only', () => {
  it('a round on a Saturday or a bank holiday is refused, naming the days, and books nothing', async () => {
    const round = {
      type: 'regular' as const,
      employeeIds: ['sam'],
      days: ['2027-05-04', '2027-05-08', '2027-05-31'],
      dayStart: '09:00',
      dayEnd: '12:00',
      durationMinutes: 60,
      gapMinutes: 0,
    };
    const refused = await bulkBook(deps, manager, round, link, 'round-1').catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('validation');
    expect(isAppError(refused) && refused.message).toBe(
      'Not a working day (a weekend or a bank holiday): 8 May 2027, 31 May 2027. Choose working days.',
    );
    expect(await recordsOfSam()).toEqual([]);
    expect(cal.events.size).toBe(0);
    const held = await bulkBook(deps, manager, { ...round, days: ['2027-05-04'] }, link, 'round-2');
    expect(held.booked.map((b) => b.stored.item.date)).toEqual(['2027-05-04']);
  });
});
