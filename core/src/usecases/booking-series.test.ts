// Booking a series of Regular conversations (004) over the in-memory repositories and a calendar
// that records what it was asked: one series per key, the Big Picture months removed from it, and
// what a retry with the same key does after a refusal.
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import { EXISTING_BOOKING } from '../api/bookings.ts';
import { AppError, isAppError } from '../errors.ts';
import type { CalendarGateway, NewCalendarSeries } from '../ports/calendar.ts';
import { fixedClock } from '../time/clock.ts';
import { bookSeries } from './booking-series.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { zonedToUtc } from './zoned-time.ts';

const TENANT = 'tenant-series';
const manager: Caller = { tenantId: TENANT, userId: 'mgr-1', token: 'manager-api-token' };
const link = (personId: string, id: string) => `https://tab.example/people/${personId}/conversations/${id}`;
// Third Tuesdays at 10:00 London, May to December 2027: what Outlook makes of the pattern.
const PATTERN_DAYS = ['05-18', '06-15', '07-20', '08-17', '09-21', '10-19', '11-16', '12-21'].map((d) => `2027-${d}`);
const BIG_PICTURE_DAYS = ['2027-07-20', '2027-11-16'];
const input = {
  employeeId: 'sam',
  start: '2027-05-18T09:00:00.000Z',
  end: '2027-05-18T10:00:00.000Z',
  until: '2027-12-31',
  agenda: [],
};

const recordingCalendar = () => {
  const made = new Map<string, NewCalendarSeries>();
  const cancelled: string[] = [];
  const state = { refuse: undefined as AppError | undefined };
  const calendar: CalendarGateway = {
    suggestTimes: () => Promise.resolve([]),
    schedules: () => Promise.resolve([]),
    createEvent: () => Promise.reject(new Error('a series is one event with a recurrence')),
    updateEvent: () => Promise.resolve(),
    cancelEvent: (_owner, eventId) => {
      cancelled.push(eventId);
      return Promise.resolve();
    },
    series: {
      createSeries: (series) => {
        const refusal = state.refuse;
        state.refuse = undefined;
        if (refusal !== undefined) return Promise.reject(refusal);
        made.set(series.idempotencyKey, series);
        return Promise.resolve({ eventId: `series-${series.idempotencyKey}` });
      },
      seriesInstances: (_owner, seriesId) =>
        Promise.resolve(
          PATTERN_DAYS.map((day) => ({
            eventId: `${seriesId}/${day}`,
            start: zonedToUtc(day, '10:00', 'Europe/London'),
            end: zonedToUtc(day, '11:00', 'Europe/London'),
          })).filter((i) => !cancelled.includes(i.eventId)),
        ),
    },
  };
  return { calendar, made, cancelled, state };
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
  await deps.repos.tenants.put(tenant(TENANT, { schemeId: 'assembly-secretariat' }));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
  // A Big Picture conversation held in March: the next belongs to July, the one after to November.
  await deps.repos.conversations.create(
    conversation(TENANT, 'bp-march', { employeeId: 'sam', type: 'big-picture', date: '2027-03-15' }),
  );
});

const regularsOfSam = async () =>
  [...(await deps.repos.conversations.listForEmployee(TENANT, 'sam', { type: 'regular' })).items].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
const codeOf = (e: unknown) => (isAppError(e) ? e.code : e);

describe('004 Regular: a series is one calendar series, its records written first and completed after it', () => {
  it('makes one series keyed by the series, removes the Big Picture months from it, and completes each record with its own meeting', async () => {
    const outcome = await bookSeries(deps, manager, input, link, 'series-1');
    expect(cal.made.size).toBe(1);
    const [sent] = [...cal.made.values()];
    expect(sent).toMatchObject({
      organizerId: 'mgr-1',
      userToken: 'manager-api-token',
      attendees: ['sam@example.test'],
      firstDate: '2027-05-18',
      time: '10:00',
      minutes: 60,
      timeZone: 'Europe/London',
      pattern: { type: 'relativeMonthly', interval: 1, dayOfWeek: 'tuesday', index: 'third' },
      until: '2027-12-31',
    });
    const seriesId = `series-${sent?.idempotencyKey ?? ''}`;
    expect(cal.cancelled).toEqual(BIG_PICTURE_DAYS.map((d) => `${seriesId}/${d}`));
    const records = await regularsOfSam();
    const held = PATTERN_DAYS.filter((d) => !BIG_PICTURE_DAYS.includes(d));
    expect(records.map((r) => r.date)).toEqual(held);
    expect(outcome.records.map((r) => r.item.id)).toEqual(records.map((r) => r.id));
    for (const r of records) {
      expect(r.status).toBe('booked');
      expect(r.booking?.pending).toBeUndefined();
      expect(r.booking?.eventIds).toEqual({ 'mgr-1': `${seriesId}/${r.date}` });
      expect(r.booking?.series?.eventId).toBe(seriesId);
    }
  });

  it('the same key again answers with the same records and asks the calendar for nothing new', async () => {
    await bookSeries(deps, manager, input, link, 'series-2');
    const again = await bookSeries(deps, manager, input, link, 'series-2');
    expect(cal.made.size).toBe(1);
    expect(cal.cancelled).toHaveLength(2);
    expect(again.records).toHaveLength(6);
    expect(await regularsOfSam()).toHaveLength(6);
  });

  it('a calendar refusal leaves no record saying booked; the retry once it is put right books the same records', async () => {
    cal.state.refuse = new AppError('forbidden', 'Consent needed');
    expect(codeOf(await bookSeries(deps, manager, input, link, 'series-3').catch((e: unknown) => e))).toBe('forbidden');
    const refused = await regularsOfSam();
    expect(refused.map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => 'cancelled'));
    await bookSeries(deps, manager, input, link, 'series-3');
    const booked = await regularsOfSam();
    expect(booked.map((r) => r.id)).toEqual(refused.map((r) => r.id));
    expect(booked.every((r) => r.status === 'booked' && r.booking?.pending === undefined)).toBe(true);
    expect(cal.made.size).toBe(1);
  });

  it('004: a monthly series is refused when one of its months already has a Regular booked, naming that booking', async () => {
    await deps.repos.conversations.create(
      conversation(TENANT, 'booked-september', {
        employeeId: 'sam',
        type: 'regular',
        status: 'booked',
        date: '2027-09-07',
        booking: {
          bookedBy: 'mgr-1',
          start: '2027-09-07T09:00:00.000Z',
          end: '2027-09-07T10:00:00.000Z',
          eventIds: {},
        },
      }),
    );
    const refused = await bookSeries(deps, manager, input, link, 'series-4').catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('validation');
    expect(isAppError(refused) && refused.details.find((d) => d.path === EXISTING_BOOKING)?.message).toBe(
      'booked-september',
    );
    expect(await regularsOfSam()).toHaveLength(1);
    expect(cal.made.size).toBe(0);
  });

  it('a calendar without recurring meetings refuses the series before anything is stored', async () => {
    const { series: _unused, ...single } = cal.calendar;
    deps = { ...deps, calendarFor: () => single };
    expect(codeOf(await bookSeries(deps, manager, input, link, 'series-5').catch((e: unknown) => e))).toBe(
      'unavailable',
    );
    expect(await regularsOfSam()).toHaveLength(0);
  });
});
