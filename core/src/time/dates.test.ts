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
  it('keeps the Gregorian leap years across centuries and year ends', () => {
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2024-03-01', -366)).toBe('2023-03-01');
    expect(addMonths('2100-03-31', -1)).toBe('2100-02-28');
    expect(addMonths('2027-01-31', -13)).toBe('2025-12-31');
    expect(daysBetween('1999-12-31', '2100-03-01')).toBe(36_585);
    expect(daysBetween('2028-03-01', '2027-03-01')).toBe(-366);
  });
  it('takes an impossible day as the Date object does rather than inventing one', () => {
    expect(addDays('2027-02-29', 0)).toBe('2027-03-01');
    expect(() => addDays('2027-13-01', 1)).toThrow(RangeError);
  });
});
