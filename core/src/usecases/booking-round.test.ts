// Rounds on dedicated days (004) over the in-memory repositories and a calendar whose free/busy
// the test sets: only the people due for the conversation are booked, each when both calendars are
// free, and the others are named with the reason.
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarGateway, NewCalendarEvent, PersonSchedule } from '../ports/calendar.ts';
import { fixedClock } from '../time/clock.ts';
import { bulkBook } from './booking-round.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-round';
const manager: Caller = { tenantId: TENANT, userId: 'mgr-1', token: 'manager-api-token' };
const link = (personId: string, id: string) => `https://tab.example/people/${personId}/conversations/${id}`;
const round = {
  type: 'big-picture' as const,
  employeeIds: ['sam', 'kim', 'lee'],
  days: ['2027-05-20'],
  dayStart: '10:00',
  dayEnd: '13:00',
  durationMinutes: 60,
  gapMinutes: 0,
};

let deps: UseCaseDeps;
let sent: NewCalendarEvent[];
let busy: PersonSchedule[];
let asked: Parameters<CalendarGateway['schedules']>[0][];

beforeEach(async () => {
  let ids = 0;
  sent = [];
  busy = [];
  asked = [];
  const calendar: CalendarGateway = {
    suggestTimes: () => Promise.resolve([]),
    schedules: (request) => {
      asked.push(request);
      return Promise.resolve(busy);
    },
    createEvent: (event) => {
      sent.push(event);
      return Promise.resolve({ eventId: `event-${event.idempotencyKey}` });
    },
    updateEvent: () => Promise.resolve(),
    cancelEvent: () => Promise.resolve(),
  };
  deps = {
    repos: inMemoryRepositories(),
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    newId: () => `id-${String((ids += 1))}`,
    calendarFor: () => calendar,
  };
  await deps.repos.tenants.put(tenant(TENANT, { schemeId: 'assembly-secretariat' }));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  for (const id of ['sam', 'kim', 'lee']) await deps.repos.employees.create(employee(TENANT, id));
  // Kim held this cycle's Big Picture last month: not due again by the round's day.
  await deps.repos.conversations.create(
    conversation(TENANT, 'bp-kim', {
      employeeId: 'kim',
      type: 'big-picture',
      status: 'agreed',
      date: '2027-04-20',
      agreement: { employeeAgreedAt: '2027-04-20T12:00:00.000Z', managerAgreedAt: '2027-04-20T12:00:00.000Z' },
    }),
  );
});

const at = (hhmm: string) => `2027-05-20T${hhmm}:00.000Z`;

describe('004 rounds on dedicated days', () => {
  it('books only those due, each when both calendars are free, and names who was left out and why', async () => {
    // 10:00–12:00 in London is 09:00–11:00 UTC in May. Sam is taken at 10:00 local, the manager at 11:00.
    busy = [
      { email: 'sam@example.test', busy: [{ start: at('09:00'), end: at('10:00'), availability: 'busy' }] },
      { email: 'mgr-1@example.test', busy: [{ start: at('10:00'), end: at('11:00'), availability: 'busy' }] },
    ];
    const result = await bulkBook(deps, manager, round, link, 'round-1');

    // Free/busy of the manager and the two due, asked once through the manager's own mailbox.
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ mailboxId: 'mgr-1', userToken: 'manager-api-token' });
    expect([...(asked[0]?.people ?? [])].sort()).toEqual([
      'lee@example.test',
      'mgr-1@example.test',
      'sam@example.test',
    ]);

    const times = Object.fromEntries(result.booked.map((b) => [b.employeeId, b.stored.item.booking?.start]));
    // 10:00 is Sam's busy hour and 11:00 the manager's: Sam gets 12:00 local; Lee the first free, 10:00.
    expect(times).toEqual({ lee: at('09:00'), sam: at('11:00') });
    expect(result.notBooked.map((n) => n.employeeId)).toEqual(['kim']);
    expect(result.notBooked[0]?.reason).toMatch(/^(Already held this cycle|Not due yet)/);
    expect(sent).toHaveLength(2);
  });

  it('says so when there is no time both are free on the chosen days', async () => {
    busy = [{ email: 'mgr-1@example.test', busy: [{ start: at('09:00'), end: at('12:00'), availability: 'busy' }] }];
    const result = await bulkBook(deps, manager, { ...round, employeeIds: ['sam'] }, link, 'round-2');
    expect(result.booked).toEqual([]);
    expect(result.notBooked).toEqual([
      { employeeId: 'sam', reason: 'No time on the chosen days when you are both free.' },
    ]);
  });
});
