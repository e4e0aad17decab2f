import { describe, expect, it } from 'vitest';
import type { ApiClient } from '@pc/core/api';
import { agendaLines, checkBulkForm, reportInDraft, summariseRound, type TeamMember } from './booking.ts';
import { bookableChoices, searchRange, type DueReport } from './due.ts';
import { driftFrom, findBooking } from './existing.ts';
import { formatSlot } from './labels.ts';

const member = (id: string, name: string): TeamMember => ({
  person: { id, displayName: name, email: `${id}@assembly.test`, jobTitles: [] },
  overall: 'due',
  overdueCount: 0,
  pendingHandover: false,
});
const item = (
  type: DueReport['items'][number]['type'],
  status: DueReport['items'][number]['status'],
  dueDate: string,
) => ({
  type,
  status,
  dueDate,
  windowStart: '2027-05-01',
  jobIds: ['j1'],
  withIds: ['m1'],
  reason: 'r',
  policyRef: '004',
});

/** How the Assembly Secretariat pack (004) names its conversations, as the scheme route sends it. */
const assembly = { conversations: [{ type: 'big-picture', label: 'Big Picture performance conversation' }] };

describe('what can be booked', () => {
  it('004: a Regular conversation suppressed by a Big Picture month is not offered, overdue items come first', () => {
    const choices = bookableChoices(
      {
        employeeId: 'r1',
        schemeId: 'assembly-secretariat',
        on: '2027-05-03',
        items: [
          item('regular', 'suppressed', '2027-05-31'),
          item('big-picture', 'due', '2027-05-20'),
          item('in-the-moment', 'due', '2027-05-03'),
          item('annual-review', 'overdue', '2027-04-01'),
          item('probation-review', 'completed', '2027-03-01'),
        ],
      },
      assembly,
    );
    expect(choices.map((c) => c.type)).toEqual(['annual-review', 'big-picture']);
    expect(choices[1]!.label).toBe('Big Picture performance conversation: due by 20 May 2027');
    expect(choices[0]!.label).toBe('Annual review: overdue since 1 April 2027');
  });

  it('searches from today (or the window) for at least two weeks, up to the due date, at most six weeks', () => {
    const [choice] = bookableChoices(
      {
        employeeId: 'r',
        schemeId: 'assembly-secretariat',
        on: '2027-05-03',
        items: [item('big-picture', 'due', '2027-09-30')],
      },
      null,
    );
    expect(searchRange(choice!, '2027-05-03')).toEqual({ from: '2027-05-03', to: '2027-06-14' });
    expect(searchRange({ ...choice!, dueDate: '2027-05-05' }, '2027-05-03')).toEqual({
      from: '2027-05-03',
      to: '2027-05-17',
    });
  });

  it('formats times in British English', () => {
    expect(formatSlot('2027-05-04T08:00:00Z', '2027-05-04T09:00:00Z', 'Europe/London')).toBe(
      'Tue 4 May, 09:00 to 10:00',
    );
  });
});

describe('the draft and the form', () => {
  it('picks the report a draft is addressed to, only when exactly one is', () => {
    const team = [member('a', 'Ann'), member('b', 'Ben')];
    expect(reportInDraft(team, [{ email: 'A@assembly.test', displayName: 'Ann' }])?.person.id).toBe('a');
    expect(
      reportInDraft(team, [
        { email: 'a@assembly.test', displayName: '' },
        { email: 'b@assembly.test', displayName: '' },
      ]),
    ).toBeUndefined();
  });

  it('keeps one agenda item a line', () => {
    expect(agendaLines(' First \n\n Second\r\n')).toEqual(['First', 'Second']);
  });

  it('004: a round needs people, days and a working day that ends after it starts, all reported at once', () => {
    const bad = checkBulkForm({
      employeeIds: [],
      days: [''],
      dayStart: '17:00',
      dayEnd: '09:00',
      durationMinutes: 60,
      gapMinutes: 15,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toEqual(
        expect.arrayContaining([
          'Choose at least one person (at most 60).',
          'Choose at least one day (at most 20).',
          'The day must end after it starts.',
        ]),
      );
    }
    const good = checkBulkForm({
      employeeIds: ['a'],
      days: ['2027-05-11', '2027-05-10', '2027-05-10'],
      dayStart: '09:00',
      dayEnd: '17:00',
      durationMinutes: 60,
      gapMinutes: 15,
    });
    expect(good.ok && good.input.days).toEqual(['2027-05-10', '2027-05-11']);
  });

  it('004: a round summary names who was booked when, and why others were not', () => {
    const summary = summariseRound(
      {
        booked: [
          {
            employeeId: 'a',
            conversationId: 'c',
            etag: 'e',
            start: '2027-05-10T09:00:00Z',
            end: '2027-05-10T10:00:00Z',
            subject: 's',
            bodyHtml: '',
          },
        ],
        notBooked: [{ employeeId: 'b', reason: 'No free time on the chosen days.' }],
      },
      [member('a', 'Ann'), member('b', 'Ben')],
      'UTC',
    );
    expect(summary).toEqual({
      booked: [{ name: 'Ann', text: 'Mon 10 May, 09:00 to 10:00' }],
      notBooked: [{ name: 'Ben', text: 'No free time on the chosen days.' }],
    });
  });
});

describe('read mode', () => {
  const record = (start: string, end: string, eventIds: Record<string, string>) => ({
    kind: 'full' as const,
    etag: '"e1"',
    record: {
      id: 'c1',
      employeeId: 'b',
      managerIds: ['m'],
      jobIds: [],
      type: 'big-picture' as const,
      status: 'booked' as const,
      date: '2027-05-10',
      booking: { bookedBy: 'm', start, end, eventIds },
      topics: [],
      sections: {},
      notes: '',
      issuesRaised: [],
      actionsAgreed: [],
      agenda: [],
      agreement: {},
      createdAt: '2027-05-01T00:00:00Z',
      updatedAt: '2027-05-01T00:00:00Z',
    },
  });
  const api = (items: unknown[]): ApiClient => ({ call: () => Promise.resolve({ items } as never) });
  const appointment = (start: string, end: string) => ({
    itemId: 'AAMk/1',
    subject: 'x',
    start: new Date(start),
    end: new Date(end),
    organizer: { email: 'm@assembly.test', displayName: 'M' },
    attendees: [{ email: 'b@assembly.test', displayName: 'Ben' }],
  });

  it('finds the record by the event id it keeps, and notices when the event was moved in Outlook', async () => {
    const found = await findBooking(
      api([record('2027-05-10T09:00:00Z', '2027-05-10T10:00:00Z', { m: 'AAMk-1' })]),
      [member('b', 'Ben')],
      appointment('2027-05-11T13:00:00Z', '2027-05-11T14:00:00Z'),
      'AAMk-1',
    );
    expect(found?.conversation.record.id).toBe('c1');
    expect(driftFrom(found!, appointment('2027-05-11T13:00:00Z', '2027-05-11T14:00:00Z'))).toEqual({
      start: '2027-05-11T13:00:00.000Z',
      end: '2027-05-11T14:00:00.000Z',
    });
    expect(driftFrom(found!, appointment('2027-05-10T09:00:00Z', '2027-05-10T10:00:00Z'))).toBeUndefined();
  });

  it('ignores appointments that are not a booking with one of my people', async () => {
    const found = await findBooking(
      api([record('2027-05-10T09:00:00Z', '2027-05-10T10:00:00Z', { m: 'other' })]),
      [member('b', 'Ben')],
      appointment('2027-05-12T09:00:00Z', '2027-05-12T10:00:00Z'),
      'AAMk-1',
    );
    expect(found).toBeUndefined();
  });
});
