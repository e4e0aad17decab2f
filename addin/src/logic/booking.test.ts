import { describe, expect, it } from 'vitest';
import { bookingAttempts } from './booking.ts';

const counter = () => {
  let n = 0;
  return () => `key-${String(++n)}`;
};
const slot = { employeeId: 'p1', type: 'big-picture', start: '2027-05-03T12:00:00Z', end: '2027-05-03T12:30:00Z' };

describe('one Idempotency-Key per booking the person means', () => {
  it('pressing Book again for the same person, type and time sends the same key', () => {
    const attempts = bookingAttempts(counter());
    expect(attempts.keyFor(slot)).toBe('key-1');
    expect(attempts.keyFor({ ...slot })).toBe('key-1');
  });

  it('another time, or a finished booking, starts a new key', () => {
    const attempts = bookingAttempts(counter());
    expect(attempts.keyFor(slot)).toBe('key-1');
    expect(attempts.keyFor({ ...slot, start: '2027-05-03T13:00:00Z' })).toBe('key-2');
    attempts.done();
    expect(attempts.keyFor({ ...slot, start: '2027-05-03T13:00:00Z' })).toBe('key-3');
  });
});
