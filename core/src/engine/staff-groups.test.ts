import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import { fromUtcDate } from '../time/dates.ts';
import { due, employee, itemsOf, only, record } from './fixtures.test-support.ts';

const arbDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map(fromUtcDate);

const doctor = employee({
  startDate: '2020-09-14',
  incrementalDate: '2021-04-01',
  staffGroups: ['medical-and-dental'],
});

describe('003 Somerset: medical and dental colleagues are outside the policy', () => {
  it('003 §2.3: nothing is scheduled for a medical or dental colleague, and the report says why', () => {
    const report = due('somerset-career-conversations', '2027-03-10', doctor);
    expect(report.items).toEqual([]);
    expect(report.excluded).toEqual({
      reason: expect.stringContaining('Medical and dental colleagues are outside') as unknown,
      policyRef: '003 §2.3',
    });
  });
  it('003 §2.3: everyone else is scheduled as before', () => {
    const nurse = employee({ startDate: '2020-09-14', incrementalDate: '2021-04-01' });
    const report = due('somerset-career-conversations', '2027-03-10', nurse);
    expect(report.excluded).toBeUndefined();
    expect(only(report, 'annual-review').status).toBe('due');
  });
  it('003 §2.3: the exclusion is Somerset’s; another employer’s scheme still applies to a doctor', () => {
    expect(itemsOf(due('cumbria-vip', '2027-03-10', doctor), 'annual-review')).toHaveLength(1);
  });
  it('003 §2.3: for any day and any history, a medical or dental colleague is never chased', () => {
    fc.assert(
      fc.property(
        arbDate('2019-01-01', '2030-12-31'),
        fc.array(
          fc
            .record({
              type: fc.constantFrom('induction', 'regular', 'annual-review' as const),
              date: arbDate('2019-01-01', '2030-12-31'),
            })
            .map((r): ConversationRecord => record(r.type, r.date)),
          { maxLength: 8 },
        ),
        (on, history) => {
          expect(due('somerset-career-conversations', on, doctor, history).items).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('002 Bexley: the Management Board has its own arrangements', () => {
  const director = employee({ startDate: '2020-01-06', staffGroups: ['management-board'] });
  it('002 §6: a Management Board member still has the April/May conversation, noting who appraises and how appeals differ', () => {
    const item = only(due('bexley-pms', '2027-04-15', director), 'annual-review');
    expect(item.status).toBe('due');
    expect(item.reason).toContain('appraised by the Chief Executive');
    expect(item.reason).toContain('separate appeal arrangements');
    expect(item.reason).toMatch(/\.$/);
  });
  it('002 §6: other conversations and other staff carry no such note', () => {
    expect(only(due('bexley-pms', '2027-04-15', director), 'regular').reason).not.toContain('Chief Executive');
    expect(only(due('bexley-pms', '2027-04-15'), 'annual-review').reason).not.toContain('Chief Executive');
  });
});
