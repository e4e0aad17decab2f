// The booking sweep over the in-memory repositories and a calendar that records what it was asked:
// which pending bookings it takes, and what it leaves a record saying when no invitation can go.
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import { AppError } from '../errors.ts';
import type { CalendarGateway, NewCalendarEvent } from '../ports/calendar.ts';
import { fixedClock } from '../time/clock.ts';
import { sweepPendingBookings } from './booking-sweep.ts';
import type { UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-sweep';
const options = { pendingForMs: 5 * 60_000, agendaLink: (p: string, c: string) => `https://tab.example/${p}/${c}` };

const pending = (id: string, employeeId: string, updatedAt: string): ConversationRecord =>
  conversation(TENANT, id, {
    employeeId,
    managerIds: ['mgr-1'],
    status: 'booked',
    agenda: [],
    updatedAt,
    booking: {
      bookedBy: 'mgr-1',
      start: '2027-05-20T09:00:00.000Z',
      end: '2027-05-20T10:00:00.000Z',
      eventIds: {},
      pending: 'invitations',
    },
  });

let deps: UseCaseDeps;
let sent: NewCalendarEvent[];
let refusal: AppError | undefined;

beforeEach(async () => {
  sent = [];
  refusal = undefined;
  const calendar: CalendarGateway = {
    suggestTimes: () => Promise.resolve([]),
    schedules: () => Promise.resolve([]),
    createEvent: (event) => {
      if (refusal !== undefined) return Promise.reject(refusal);
      sent.push(event);
      return Promise.resolve({ eventId: `event-${event.idempotencyKey}` });
    },
    updateEvent: () => Promise.resolve(),
    cancelEvent: () => Promise.resolve(),
  };
  deps = {
    repos: inMemoryRepositories(),
    clock: fixedClock('2027-05-10T09:10:00.000Z'),
    newId: () => 'unused',
    calendarFor: () => calendar,
  };
  await deps.repos.tenants.put(tenant(TENANT));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
});

const stored = async (employeeId: string, id: string) =>
  (await deps.repos.conversations.get(TENANT, employeeId, id))?.item;

describe('#17.7 the booking sweep', () => {
  it('completes a booking pending for longer than the setting, in the manager’s calendar by the app, keyed by the record', async () => {
    await deps.repos.conversations.create(pending('old', 'sam', '2027-05-10T09:00:00.000Z'));
    await deps.repos.conversations.create(pending('recent', 'sam', '2027-05-10T09:08:00.000Z'));
    expect(await sweepPendingBookings(deps, TENANT, options)).toEqual({ completed: 1, failed: 0, left: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ organizerId: 'mgr-1', attendees: ['sam@example.test'], idempotencyKey: 'old' });
    expect(sent[0]?.userToken).toBeUndefined();
    expect((await stored('sam', 'old'))?.booking).toEqual({
      bookedBy: 'mgr-1',
      start: '2027-05-20T09:00:00.000Z',
      end: '2027-05-20T10:00:00.000Z',
      eventIds: { 'mgr-1': 'event-old' },
    });
    // A client may still be retrying the recent one itself.
    expect((await stored('sam', 'recent'))?.booking?.pending).toBe('invitations');
  });

  it('marks a booking cancelled when the calendar refuses it, so the organiser does not read "invitations pending" for ever', async () => {
    await deps.repos.conversations.create(pending('refused', 'sam', '2027-05-10T09:00:00.000Z'));
    refusal = new AppError('forbidden', 'No permission to this calendar.');
    expect(await sweepPendingBookings(deps, TENANT, options)).toEqual({ completed: 0, failed: 1, left: 0 });
    expect((await stored('sam', 'refused'))?.status).toBe('cancelled');
    expect(await sweepPendingBookings(deps, TENANT, options)).toEqual({ completed: 0, failed: 0, left: 0 });
  });

  it('marks a booking cancelled when its colleague is no longer on record, and sends nothing', async () => {
    await deps.repos.conversations.create(pending('gone', 'left-already', '2027-05-10T09:00:00.000Z'));
    expect(await sweepPendingBookings(deps, TENANT, options)).toEqual({ completed: 0, failed: 1, left: 0 });
    expect(await stored('left-already', 'gone')).toMatchObject({ status: 'cancelled', booking: { eventIds: {} } });
    expect((await stored('left-already', 'gone'))?.booking?.pending).toBeUndefined();
    expect(sent).toHaveLength(0);
  });

  it('leaves a booking pending when Graph is unavailable for now, for the next sweep', async () => {
    await deps.repos.conversations.create(pending('later', 'sam', '2027-05-10T09:00:00.000Z'));
    refusal = new AppError('unavailable', 'Graph is busy.');
    expect(await sweepPendingBookings(deps, TENANT, options)).toEqual({ completed: 0, failed: 0, left: 1 });
    expect(await stored('sam', 'later')).toMatchObject({ status: 'booked', booking: { pending: 'invitations' } });
  });

  it('leaves a record someone else changed after it was found: only the claim that wins works on it', async () => {
    await deps.repos.conversations.create(pending('raced', 'sam', '2027-05-10T09:00:00.000Z'));
    const repo = deps.repos.conversations;
    const update = repo.update.bind(repo);
    let raced = false;
    repo.update = async (record, etag) => {
      if (!raced) {
        raced = true;
        // Another sweeper's claim lands between this one's read and its write.
        const current = await repo.get(TENANT, 'sam', 'raced');
        if (current !== undefined)
          await update({ ...current.item, updatedAt: '2027-05-10T09:10:00.000Z' }, current.etag);
      }
      return update(record, etag);
    };
    expect(await sweepPendingBookings(deps, TENANT, options)).toEqual({ completed: 0, failed: 0, left: 1 });
    expect(sent).toHaveLength(0);
  });
});
