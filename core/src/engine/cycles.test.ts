import { describe, expect, it } from 'vitest';
import { resolveCycle } from './cycles.ts';

// Bexley's three progress windows (002), given out of order as a rule may list them.
const cycles = [
  { windowStart: '2027-09-01', dueDate: '2027-10-31' },
  { windowStart: '2027-06-01', dueDate: '2027-07-31' },
  { windowStart: '2027-12-01', dueDate: '2028-01-31' },
];

describe('the cycle that matters today', () => {
  it('is the first one, upcoming, before any window opens', () => {
    expect(resolveCycle(cycles, [], '2027-05-20')).toEqual({
      cycle: { windowStart: '2027-06-01', dueDate: '2027-07-31', end: '2027-09-01' },
      status: 'upcoming',
    });
  });
  it('is completed late by a conversation held before the next window opens', () => {
    expect(resolveCycle(cycles, ['2027-08-20'], '2027-08-25')).toMatchObject({
      cycle: { windowStart: '2027-06-01', end: '2027-09-01' },
      status: 'completed',
      completedOn: '2027-08-20',
    });
  });
  it('moves on when the next window opens, leaving a late conversation to the cycle it fell in', () => {
    expect(resolveCycle(cycles, ['2027-09-02'], '2027-11-05')).toMatchObject({
      cycle: { windowStart: '2027-09-01', dueDate: '2027-10-31', end: '2027-12-01' },
      status: 'completed',
    });
    expect(resolveCycle(cycles, ['2027-08-20'], '2027-11-05')).toMatchObject({
      cycle: { windowStart: '2027-09-01' },
      status: 'overdue',
    });
    expect(resolveCycle(cycles, [], '2028-01-10')).toEqual({
      cycle: { windowStart: '2027-12-01', dueDate: '2028-01-31' },
      status: 'due',
    });
  });
});
