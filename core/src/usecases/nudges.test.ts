import { describe, expect, it } from 'vitest';
import type { DueCardItem } from '../cards/due-items.ts';
import { itemsToNudge } from './nudges.ts';

const annual: DueCardItem = {
  title: 'Annual review',
  dueDate: '2027-05-01',
  status: 'overdue',
  reason: 'Your last annual review was on 30 April 2026.',
  policyRef: '000 §4',
  required: true,
};
const optional: DueCardItem = {
  title: 'Regular conversation',
  dueDate: '2027-05-31',
  status: 'due',
  reason: 'Regular conversations are monthly.',
  policyRef: '004',
  required: false,
};
const upcoming: DueCardItem = { ...optional, status: 'upcoming', dueDate: '2027-06-30' };

describe('check-in nudges', () => {
  it('snooze and opt-out silence optional conversations but never required reviews', () => {
    const items = [annual, optional];
    expect(itemsToNudge(items, { optedOut: false }, '2027-05-10')).toEqual([annual, optional]);
    expect(itemsToNudge(items, { optedOut: true }, '2027-05-10')).toEqual([annual]);
    expect(itemsToNudge(items, { optedOut: false, snoozedUntil: '2027-05-17' }, '2027-05-10')).toEqual([annual]);
    expect(itemsToNudge(items, { optedOut: false, snoozedUntil: '2027-05-17' }, '2027-05-17')).toEqual([
      annual,
      optional,
    ]);
  });

  it('what is only upcoming is never nudged', () => {
    expect(itemsToNudge([upcoming, annual], { optedOut: false }, '2027-05-10')).toEqual([annual]);
  });
});
