import { describe, expect, it } from 'vitest';
import { formatDate, isoToGb, parseGbDate, quarterOf } from './format.ts';

describe('dates and quarters in the tab', () => {
  it('writes dates the British way whatever the browser locale', () => {
    expect(formatDate('2027-05-03')).toBe('3 May 2027');
    expect(formatDate('2027-12-31T23:30:00Z')).toBe('31 December 2027');
  });

  it('writes a quarter as the API does', () => {
    expect(quarterOf('2027-01-01')).toBe('2027-Q1');
    expect(quarterOf('2027-05-03')).toBe('2027-Q2');
    expect(quarterOf('2027-09-30')).toBe('2027-Q3');
    expect(quarterOf('2027-12-31')).toBe('2027-Q4');
  });
});

describe('dates typed into a form', () => {
  it('reads day/month/year the British way, and ISO too', () => {
    expect(parseGbDate('03/05/2027')).toBe('2027-05-03');
    expect(parseGbDate('3/5/27')).toBe('2027-05-03');
    expect(parseGbDate('2027-05-03')).toBe('2027-05-03');
    expect(parseGbDate('12/31/2027')).toBeUndefined();
    expect(parseGbDate('31/02/2027')).toBeUndefined();
    expect(isoToGb('2027-05-03')).toBe('03/05/2027');
  });
});
