import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate } from './dates.ts';

describe('calendar dates', () => {
  it('rejects impossible dates', () => {
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-1-01')).toBe(false);
  });
  it('clamps month arithmetic to the end of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-03-15', 12)).toBe('2028-03-15');
  });
  it('counts days across a daylight-saving change without drift', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
  });
});
