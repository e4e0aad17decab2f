import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, isQuietTime, isoWeekKey } from './quiet-hours.ts';

describe('isoWeekKey and isQuietTime', () => {
  it('names the ISO week, whose year is the year of its Thursday', () => {
    expect(isoWeekKey('2027-05-10')).toBe('2027-W19');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2026-12-28')).toBe('2026-W53');
    expect(isoWeekKey('2025-12-29')).toBe('2026-W01');
  });

  it('reads quiet hours in the employer’s time zone, across midnight and at weekends', () => {
    const london = 'Europe/London';
    // 17:30 UTC in May is 18:30 in London: quiet by default; in January it is 17:30: not quiet.
    expect(isQuietTime(new Date('2027-05-10T17:30:00Z'), london, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuietTime(new Date('2027-01-11T17:30:00Z'), london, DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isQuietTime(new Date('2027-05-11T06:59:00Z'), london, DEFAULT_QUIET_HOURS)).toBe(true);
    expect(isQuietTime(new Date('2027-05-11T07:00:00Z'), london, DEFAULT_QUIET_HOURS)).toBe(false);
    expect(isQuietTime(new Date('2027-05-15T11:00:00Z'), london, DEFAULT_QUIET_HOURS)).toBe(true); // Saturday
    expect(isQuietTime(new Date('2027-05-10T11:00:00Z'), london, { start: '12:00', end: '14:00' })).toBe(true);
  });
});
