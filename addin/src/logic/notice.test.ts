import { describe, expect, it } from 'vitest';
import { staffNotice } from './notice.ts';

describe('004 the printable notice for staff without a PC', () => {
  it('says what, when (in the zone it is printed in), with whom and whom to ask', () => {
    const notice = staffNotice({
      name: 'Rhys Morgan',
      label: 'Regular conversation',
      start: '2027-05-13T09:00:00.000Z',
      end: '2027-05-13T10:00:00.000Z',
      coordinatorName: 'Carys Price',
      online: true,
      timeZone: 'Europe/London',
    });
    expect(notice.title).toBe('Rhys Morgan: your Regular conversation is booked');
    expect(notice.lines).toEqual([
      'When: Thu 13 May, 10:00 to 11:00.',
      'With: your line manager, as a Teams meeting in their calendar. If you have no device to join from, ask Carys Price where to meet.',
      'Before it: think about what has gone well, what could be better, and anything you would like to raise.',
      'To move or cancel it: ask Carys Price, who booked it.',
    ]);
  });
});
