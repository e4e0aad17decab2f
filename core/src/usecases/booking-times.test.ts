import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { Availability, CalendarGateway, MeetingSlot } from '../ports/calendar.ts';
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
