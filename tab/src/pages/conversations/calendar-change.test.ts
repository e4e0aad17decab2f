import { describe, expect, it } from 'vitest';
import { calendarChangeWords } from './calendar-change.ts';

const booking = {
  bookedBy: 'm1',
  start: '2027-05-14T13:00:00.000Z',
  end: '2027-05-14T14:00:00.000Z',
  eventIds: { m1: 'e1' },
};
const names = { e1: 'Joe Bloggs', m1: 'Priya Shah' };

describe('what was done in Outlook, beside the booking', () => {
  it('says nothing when nothing was changed in Outlook', () => {
    expect(calendarChangeWords(booking, 'm1', names)).toBeUndefined();
  });

  it('says when the meeting was moved or cancelled in Outlook, with a British date', () => {
    const at = '2027-05-04T09:30:00.000Z';
    expect(calendarChangeWords({ ...booking, changedInCalendar: { kind: 'moved', at } }, 'm1', names)).toBe(
      'Moved in Outlook on 4 May 2027.',
    );
    expect(calendarChangeWords({ ...booking, changedInCalendar: { kind: 'cancelled', at } }, 'e1', names)).toBe(
      'Cancelled in Outlook on 4 May 2027.',
    );
  });

  it('names who declined, as the reader would say it', () => {
    const declined = {
      ...booking,
      declinedBy: ['e1'],
      changedInCalendar: { kind: 'declined' as const, at: '2027-05-04T09:30:00.000Z' },
    };
    expect(calendarChangeWords(declined, 'm1', names)).toBe('Declined in Outlook by Joe.');
    expect(calendarChangeWords(declined, 'e1', names)).toBe('Declined in Outlook by you.');
  });
});
