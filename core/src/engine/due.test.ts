import { describe, expect, it } from 'vitest';
import { SCHEME_IDS } from '../domain/people.ts';
import { due, employee, job, record, TENANT_ID } from './fixtures.test-support.ts';

describe('dueConversations: general behaviour', () => {
  it('returns nothing for someone who has left', () => {
    expect(due('cumbria-vip', '2026-06-01', employee({ leftOn: '2026-05-31' })).items).toEqual([]);
  });
  it('returns nothing before someone starts', () => {
    expect(due('assembly-secretariat', '2024-12-01', employee()).items).toEqual([]);
  });
  it('reports the employee, scheme and day it was computed for', () => {
    const report = due('bexley-pms', '2027-04-15');
    expect(report).toMatchObject({ employeeId: 'employee-1', schemeId: 'bexley-pms', on: '2027-04-15' });
  });
  it('orders items by due date', () => {
    for (const scheme of SCHEME_IDS) {
      const dates = due(scheme, '2027-04-15').items.map((i) => i.dueDate);
      expect(dates).toEqual([...dates].sort());
    }
  });
  it('ignores conversations of other employees and other tenants', () => {
    const others = [
      record('annual-review', '2026-01-05', 'held', { employeeId: 'someone-else' }),
      record('annual-review', '2026-01-05', 'held', { tenantId: `${TENANT_ID}-other` }),
    ];
    expect(
      due('cumbria-vip', '2026-02-01', employee(), others).items.find((i) => i.type === 'annual-review')?.status,
    ).toBe('overdue');
  });
  it('ignores ended jobs', () => {
    const who = employee({
      jobs: [job(), job({ id: 'old', managerIds: ['manager-9'], isMain: false, endDate: '2025-06-30' })],
    });
    expect(due('cumbria-vip', '2026-02-01', who).items.flatMap((i) => i.withIds)).not.toContain('manager-9');
  });
  it('gives the same answer for the same input and never changes it', () => {
    const who = Object.freeze(employee());
    const history = Object.freeze([Object.freeze(record('regular', '2027-02-10'))]);
    const first = due('assembly-secretariat', '2027-03-10', who, history);
    expect(due('assembly-secretariat', '2027-03-10', who, history)).toEqual(first);
  });
  it('every item carries a readable reason and a policy reference of its scheme', () => {
    const policies = {
      'cumbria-vip': '000',
      'leicestershire-apr': '001',
      'bexley-pms': '002',
      'somerset-career-conversations': '003',
      'assembly-secretariat': '004',
    } as const;
    for (const scheme of SCHEME_IDS) {
      for (const item of due(scheme, '2027-04-15').items) {
        expect(item.reason).toMatch(/^[A-Z].*\.$/);
        expect(item.policyRef.startsWith(policies[scheme])).toBe(true);
      }
    }
  });
});
