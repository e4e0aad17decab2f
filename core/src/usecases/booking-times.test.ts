import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { Availability, CalendarGateway, MeetingSlot, PersonSchedule } from '../ports/calendar.ts';
import { fixedClock } from '../time/clock.ts';
import { freeForEveryone, suggestTimes } from './booking-times.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const at = (hour: number, ...availability: Availability[]): MeetingSlot => ({
  start: `2027-05-05T${String(hour).padStart(2, '0')}:00:00.000Z`,
  end: `2027-05-05T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
  confidence: 50,
  availability,
});

describe('which offered times a person is shown', () => {
  it('004: only times when both calendars show free, whatever the calendar service rated them', () => {
    const offered = [
      at(9, 'free', 'free'),
      at(10, 'free', 'busy'),
      at(11, 'tentative', 'free'),
      at(12, 'free', 'oof'),
      at(13, 'free', 'unknown'),
      at(14, 'free', 'workingElsewhere'),
      at(15, 'free', 'free'),
      at(16),
    ];
    expect(freeForEveryone(offered).map((s) => s.start.slice(11, 16))).toEqual(['09:00', '15:00']);
  });
});

describe('#19 suggested times keep to working time', () => {
  const TENANT = 'tenant-times';
  const asked: { from: string; to: string }[] = [];
  /** Offers every hour from 07:00 to 19:00 UTC of each day asked about, everyone free. */
  const everyHour: CalendarGateway['suggestTimes'] = (request) => {
    asked.push({ from: request.from, to: request.to });
    const slots: MeetingSlot[] = [];
    for (let t = Date.parse(request.from); t < Date.parse(request.to); t += 3_600_000) {
      const hour = new Date(t).getUTCHours();
      if (hour < 7 || hour > 19) continue;
      slots.push({
        start: new Date(t).toISOString(),
        end: new Date(t + 3_600_000).toISOString(),
        confidence: 100,
        availability: ['free', 'free'],
      });
    }
    return Promise.resolve(slots);
  };

  it('offers no weekend, no bank holiday and nothing outside 09:00–17:00 in the organisation’s zone, and asks only about working days', async () => {
    const deps: UseCaseDeps = {
      repos: inMemoryRepositories(),
      clock: fixedClock('2027-04-30T09:00:00.000Z'),
      newId: () => 'id',
      calendarFor: () => ({
        suggestTimes: everyHour,
        schedules: () => Promise.resolve([]),
        createEvent: () => Promise.reject(new Error('not used')),
        updateEvent: () => Promise.resolve(),
        cancelEvent: () => Promise.resolve(),
      }),
    };
    await deps.repos.tenants.put(tenant(TENANT));
    await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
    await deps.repos.employees.create(employee(TENANT, 'sam'));
    const caller: Caller = { tenantId: TENANT, userId: 'mgr-1', token: 'token' };
    // Friday 30 April to Tuesday 4 May 2027: a weekend, then the Early May bank holiday.
    const { slots } = await suggestTimes(deps, caller, {
      employeeId: 'sam',
      from: '2027-04-30',
      to: '2027-05-04',
      durationMinutes: 60,
    });
    const days = new Set(slots.map((s) => s.start.slice(0, 10)));
    expect([...days]).toEqual(['2027-04-30', '2027-05-04']);
    // British Summer Time: 09:00–17:00 in London is 08:00–16:00 UTC, so the last hour starts at 15:00 UTC.
    expect(slots.map((s) => s.start.slice(11, 16)).slice(0, 8)).toEqual([
      '08:00',
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
    ]);
    expect(asked).toEqual([
      { from: '2027-04-29T23:00:00.000Z', to: '2027-04-30T23:00:00.000Z' },
      { from: '2027-05-03T23:00:00.000Z', to: '2027-05-04T23:00:00.000Z' },
    ]);
  });
});

describe('#19 suggested times keep to each person’s own hours, and a coordinator’s come from the pair’s calendars', () => {
  const TENANT = 'tenant-zones';
  const WEEK = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
  let asked: Parameters<CalendarGateway['schedules']>[0][];
  let findMeetingTimesCalls: number;

  const depsWith = async (schedules: PersonSchedule[]): Promise<UseCaseDeps> => {
    asked = [];
    findMeetingTimesCalls = 0;
    const deps: UseCaseDeps = {
      repos: inMemoryRepositories(),
      clock: fixedClock('2027-05-10T07:00:00.000Z'),
      newId: () => 'id',
      calendarFor: () => ({
        suggestTimes: (request) => {
          findMeetingTimesCalls += 1;
          return everyHourFree(request);
        },
        schedules: (request) => {
          asked.push(request);
          return Promise.resolve(schedules);
        },
        createEvent: () => Promise.reject(new Error('not used')),
        updateEvent: () => Promise.resolve(),
        cancelEvent: () => Promise.resolve(),
      }),
    };
    await deps.repos.tenants.put(tenant(TENANT));
    await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
    await deps.repos.employees.create(employee(TENANT, 'sam', { hasOwnPc: false }));
    await deps.repos.employees.create(employee(TENANT, 'cody', { jobs: [], orgRoles: ['coordinator'] }));
    return deps;
  };
  const everyHourFree: CalendarGateway['suggestTimes'] = (request) => {
    const slots: MeetingSlot[] = [];
    for (let t = Date.parse(request.from); t < Date.parse(request.to); t += 3_600_000) {
      slots.push({
        start: new Date(t).toISOString(),
        end: new Date(t + 3_600_000).toISOString(),
        confidence: 100,
        availability: ['free', 'free'],
      });
    }
    return Promise.resolve(slots);
  };
  const hours = (timeZone: string, start: string, end: string) => ({ timeZone, start, end, daysOfWeek: WEEK });
  const oneDay = { employeeId: 'sam', from: '2027-05-11', to: '2027-05-11', durationMinutes: 60 };

  it('offers only the hours both mailboxes work, each in its own zone (London 09:00–17:00, New York 08:00–17:00)', async () => {
    const deps = await depsWith([
      { email: 'sam@example.test', busy: [], workingHours: hours('Europe/London', '09:00', '17:00') },
      { email: 'mgr-1@example.test', busy: [], workingHours: hours('America/New_York', '08:00', '17:00') },
    ]);
    const manager: Caller = { tenantId: TENANT, userId: 'mgr-1', token: 'token' };
    const { slots } = await suggestTimes(deps, manager, oneDay);
    // 12:00–16:00 UTC is 13:00–17:00 in London and 08:00–12:00 in New York.
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual(['12:00', '13:00', '14:00', '15:00']);
    expect(asked[0]).toMatchObject({ mailboxId: 'mgr-1', userToken: 'token' });
  });

  it('a coordinator is offered times from the manager’s and the member of staff’s calendars, never their own', async () => {
    const deps = await depsWith([
      {
        email: 'sam@example.test',
        busy: [{ start: '2027-05-11T08:00:00.000Z', end: '2027-05-11T10:00:00.000Z', availability: 'busy' }],
        workingHours: hours('Europe/London', '09:00', '17:00'),
      },
      {
        email: 'mgr-1@example.test',
        busy: [{ start: '2027-05-11T11:00:00.000Z', end: '2027-05-11T12:00:00.000Z', availability: 'oof' }],
        workingHours: hours('Europe/London', '09:00', '17:00'),
      },
    ]);
    const coordinator: Caller = { tenantId: TENANT, userId: 'cody', token: 'coordinator-token' };
    const { slots } = await suggestTimes(deps, coordinator, oneDay);
    expect(findMeetingTimesCalls).toBe(0);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.mailboxId).toBe('mgr-1');
    expect(asked[0]?.userToken).toBeUndefined();
    expect(asked[0]?.people).toEqual(['sam@example.test', 'mgr-1@example.test']);
    expect(slots.map((s) => s.start.slice(11, 16))).toEqual(['10:00', '12:00', '12:30', '13:00']);
  });
});
