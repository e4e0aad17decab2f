import { describe, expect, it } from 'vitest';
import { meetingDateProblem, minimumRecordProblems } from './record-checks.ts';

const MINIMUM = ['issues-raised', 'actions-agreed'] as const;
const action = { id: 'a1', text: 'Book the course', owner: 'employee' as const, done: false };

describe('record checks', () => {
  it('a conversation that took place cannot be dated after today; a booking can', () => {
    expect(meetingDateProblem('held', '2027-05-04', '2027-05-03')).toMatch(/cannot be in the future/);
    expect(meetingDateProblem('agreed', '2027-05-04', '2027-05-03')).toMatch(/book it instead/);
    expect(meetingDateProblem('held', '2027-05-03', '2027-05-03')).toBeUndefined();
    expect(meetingDateProblem('booked', '2027-06-01', '2027-05-03')).toBeUndefined();
  });

  it('policies/004 Recording the Performance Conversation: issues raised and actions agreed before it is agreed', () => {
    const empty = { issuesRaised: [], actionsAgreed: [] };
    expect(minimumRecordProblems('assembly-secretariat', MINIMUM, empty).map((p) => p.path)).toEqual([
      'issuesRaised',
      'actionsAgreed',
    ]);
    expect(
      minimumRecordProblems('assembly-secretariat', MINIMUM, { issuesRaised: ['Rota'], actionsAgreed: [] }),
    ).toEqual([{ path: 'actionsAgreed', message: 'Write down at least one action agreed.' }]);
    expect(
      minimumRecordProblems('assembly-secretariat', MINIMUM, { issuesRaised: ['Rota'], actionsAgreed: [action] }),
    ).toEqual([]);
  });

  it('the other schemes show the minimum as guidance and do not refuse agreement for it', () => {
    for (const scheme of [
      'cumbria-vip',
      'leicestershire-apr',
      'bexley-pms',
      'somerset-career-conversations',
    ] as const) {
      expect(minimumRecordProblems(scheme, MINIMUM, { issuesRaised: [], actionsAgreed: [] })).toEqual([]);
    }
  });
});
