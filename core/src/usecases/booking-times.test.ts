import { describe, expect, it } from 'vitest';
import type { Availability, MeetingSlot } from '../ports/calendar.ts';
import { freeForEveryone } from './booking-times.ts';

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
