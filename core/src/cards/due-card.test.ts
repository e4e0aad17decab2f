import { describe, expect, it } from 'vitest';
import { buildDueCard } from './due-card.ts';
import { dueCardItemsFrom } from './due-items.ts';

const report = (bookedFor?: string) => ({
  employeeId: 'sam',
  schemeId: 'assembly-secretariat' as const,
  on: '2027-05-03',
  items: [
    {
      type: 'regular' as const,
      jobIds: ['job-1'],
      withIds: ['mgr'],
      dueDate: '2027-05-31',
      windowStart: '2027-05-01',
      status: 'due' as const,
      reason: 'One a month (004).',
      policyRef: '004',
      ...(bookedFor === undefined ? {} : { bookedFor }),
    },
  ],
});

describe('#19 the due card knows what is booked', () => {
  it('says when a due conversation is booked for instead of only when it is due by', () => {
    const booked = JSON.stringify(buildDueCard({ forName: 'You', items: dueCardItemsFrom(report('2027-05-12')) }));
    expect(booked).toContain('Booked for 12 May 2027.');
    expect(booked).not.toContain('By 31 May 2027');
    const open = JSON.stringify(buildDueCard({ forName: 'You', items: dueCardItemsFrom(report()) }));
    expect(open).toContain('By 31 May 2027.');
  });
});
