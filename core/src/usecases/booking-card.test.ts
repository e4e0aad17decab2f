// Booking from the bot's card over the in-memory repositories and a calendar that answers
// getSchedule from fixed busy times and working hours, and records each event it is asked for.
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingChoice } from '../cards/booking-card.ts';
import { isAppError } from '../errors.ts';
import type { CalendarGateway, NewCalendarEvent, PersonSchedule } from '../ports/calendar.ts';
import { bookFromCard, offerCardSlots } from './booking-card.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-card-booking';
// The bot's turn: the person, authenticated by Teams, with no token of theirs for Graph.
const sam: Caller = { tenantId: TENANT, userId: 'sam' };
const link = (personId: string, id: string) => `https://tab.example/tab/#/conversations/${personId}/${id}`;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

// Monday 10 May 2027. Sam works 09:00–17:00 in London (08:00–16:00 UTC), busy 11 May 13:00–14:00
// London; the manager works 08:00–17:00 in New York (12:00–21:00 UTC). Both free: 13:00–17:00 London.
const SCHEDULES: PersonSchedule[] = [
  {
    email: 'sam@example.test',
    busy: [{ start: '2027-05-11T12:00:00.000Z', end: '2027-05-11T13:00:00.000Z', availability: 'busy' }],
    workingHours: { timeZone: 'Europe/London', start: '09:00', end: '17:00', daysOfWeek: WEEKDAYS },
  },
  {
    email: 'mgr-1@example.test',
    busy: [],
    workingHours: { timeZone: 'America/New_York', start: '08:00', end: '17:00', daysOfWeek: WEEKDAYS },
  },
];

let deps: UseCaseDeps;
let events: NewCalendarEvent[];
let asked: Parameters<CalendarGateway['schedules']>[0][];
let now: string;

beforeEach(async () => {
  let ids = 0;
  events = [];
  asked = [];
  now = '2027-05-10T09:00:00.000Z';
  const calendar: CalendarGateway = {
    suggestTimes: () => Promise.reject(new Error('the bot has no token for findMeetingTimes')),
    schedules: (request) => {
      asked.push(request);
      return Promise.resolve(SCHEDULES);
    },
    createEvent: (event) => {
      const first = events.find((e) => e.idempotencyKey === event.idempotencyKey);
      if (first === undefined) events.push(event);
      return Promise.resolve({ eventId: `event-${event.idempotencyKey}` });
    },
    updateEvent: () => Promise.resolve(),
    cancelEvent: () => Promise.resolve(),
  };
  deps = {
    repos: inMemoryRepositories(),
    clock: { now: () => now, today: () => now.slice(0, 10) },
    newId: () => `id-${String((ids += 1))}`,
    calendarFor: () => calendar,
  };
  await deps.repos.tenants.put(tenant(TENANT));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [], displayName: 'Morgan Lee' }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
});

const choose = async (pick: (starts: string[]) => string | undefined): Promise<BookingChoice> => {
  const offer = await offerCardSlots(deps, sam);
  const offered = offer.slots.map((s) => s.start);
  const start = pick(offered);
  return {
    key: offer.key,
    employeeId: offer.employeeId,
    type: offer.type,
    minutes: offer.durationMinutes,
    until: offer.until,
    offered,
    label: offer.label,
    withName: offer.withName,
    timeZone: offer.timeZone,
    ...(start === undefined ? {} : { start }),
  };
};

const refusal = async (attempt: Promise<unknown>) => {
  const error: unknown = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isAppError(error) ? { code: error.code, message: error.message } : error;
};

describe('the bot card offers the next times both people are free', () => {
  it('reads both calendars through the person’s mailbox and offers only shared working time outside busy times', async () => {
    const offer = await offerCardSlots(deps, sam);
    expect(asked).toEqual([
      {
        mailboxId: 'sam',
        people: ['sam@example.test', 'mgr-1@example.test'],
        from: '2027-05-10T23:00:00.000Z',
        to: '2027-05-24T23:00:00.000Z',
      },
    ]);
    // Two a day at most, so the choice spans days; 11 May 12:00 UTC is Sam's busy hour.
    expect(offer.slots.map((s) => s.start)).toEqual([
      '2027-05-11T13:00:00.000Z',
      '2027-05-11T13:30:00.000Z',
      '2027-05-12T12:00:00.000Z',
      '2027-05-12T12:30:00.000Z',
      '2027-05-13T12:00:00.000Z',
    ]);
    expect(offer).toMatchObject({ withName: 'Morgan Lee', timeZone: 'Europe/London', durationMinutes: 60 });
    expect(offer.type).not.toBe('in-the-moment');
  });

  it('books the chosen time in the person’s calendar with the app’s permission, and a second press books nothing new', async () => {
    const choice = await choose((starts) => starts[2]);
    const first = await bookFromCard(deps, sam, choice, link);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      organizerId: 'sam',
      attendees: ['mgr-1@example.test'],
      start: '2027-05-12T12:00:00.000Z',
      end: '2027-05-12T13:00:00.000Z',
    });
    expect(events[0]?.userToken).toBeUndefined();
    expect(first.stored.item).toMatchObject({ status: 'booked', employeeId: 'sam', managerIds: ['mgr-1'] });

    const again = await bookFromCard(deps, sam, choice, link);
    expect(again.stored.item.id).toBe(first.stored.item.id);
    expect(events).toHaveLength(1);
    const { items } = await deps.repos.conversations.listForEmployee(TENANT, 'sam');
    expect(items.filter((c) => c.status === 'booked')).toHaveLength(1);
  });

  it('refuses a press with no time chosen, a time not offered, a stale card or someone else’s card, booking nothing', async () => {
    const none = await choose(() => undefined);
    expect(await refusal(bookFromCard(deps, sam, none, link))).toMatchObject({ code: 'validation' });
    const other = await choose(() => '2027-05-11T08:00:00.000Z');
    const notOffered = await refusal(bookFromCard(deps, sam, other, link));
    expect(notOffered).toMatchObject({ code: 'validation' });
    expect(JSON.stringify(notOffered)).toContain('not one of those offered');
    const stale = await choose((starts) => starts[0]);
    now = '2027-05-11T09:30:00.000Z';
    const late = await refusal(bookFromCard(deps, sam, stale, link));
    expect(late).toMatchObject({ code: 'validation' });
    expect(JSON.stringify(late)).toContain('fresh times');
    const kim: Caller = { tenantId: TENANT, userId: 'mgr-1' };
    expect(await refusal(bookFromCard(deps, kim, stale, link))).toMatchObject({ code: 'forbidden' });
    expect(events).toHaveLength(0);
  });
});
