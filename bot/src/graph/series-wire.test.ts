// What the gateway sends Graph for a series of conversations: one event with a recurrence, set in
// the employer's zone so each meeting keeps its wall-clock time across clock changes.
import { describe, expect, it } from 'vitest';
import { toGraphSeries } from './wire.ts';

const series = {
  subject: 'Regular performance conversation',
  bodyHtml: '<p>Agenda</p>',
  attendees: [{ email: 'sam@example.test' }],
  teamsMeeting: true,
  idempotencyKey: 'series-key',
  firstDate: '2027-03-09',
  time: '10:30',
  minutes: 90,
  timeZone: 'Europe/London',
  until: '2027-12-31',
};

describe('a series of conversations as Graph receives it', () => {
  it('a monthly series: the n-th weekday of each month, ending on a date, in the employer’s zone, keyed by transactionId', () => {
    expect(
      toGraphSeries({
        ...series,
        pattern: { type: 'relativeMonthly', interval: 1, dayOfWeek: 'tuesday', index: 'second' },
      }),
    ).toEqual({
      subject: 'Regular performance conversation',
      body: { contentType: 'HTML', content: '<p>Agenda</p>' },
      attendees: [{ emailAddress: { address: 'sam@example.test' }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'series-key',
      start: { dateTime: '2027-03-09T10:30:00', timeZone: 'Europe/London' },
      end: { dateTime: '2027-03-09T12:00:00', timeZone: 'Europe/London' },
      recurrence: {
        pattern: {
          type: 'relativeMonthly',
          interval: 1,
          daysOfWeek: ['tuesday'],
          firstDayOfWeek: 'monday',
          index: 'second',
        },
        range: { type: 'endDate', startDate: '2027-03-09', endDate: '2027-12-31', recurrenceTimeZone: 'Europe/London' },
      },
    });
  });

  it('an agreed fortnightly series: weekly every two weeks, with no month index', () => {
    const sent = toGraphSeries({ ...series, pattern: { type: 'weekly', interval: 2, dayOfWeek: 'tuesday' } });
    expect(sent.recurrence).toMatchObject({
      pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
    });
    expect(JSON.stringify(sent.recurrence)).not.toContain('index');
  });
});
