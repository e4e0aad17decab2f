import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { getCompliance } from './compliance.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { fixedClock } from '../time/clock.ts';

const SOMERSET = 'somerset-career-conversations';
const manager = employee({ id: 'manager-1', displayName: 'Morgan Manager', jobs: [job({ managerIds: [] })] });
const colleague = (id: string, incrementalDate: string) =>
  employee({ id, startDate: '2020-01-06', incrementalDate, jobs: [job({ startDate: '2020-01-06' })] });
/** Held and confirmed by the manager, so it counts (004). */
const held = (id: string, date: string): ConversationRecord =>
  record('annual-review', date, 'held', {
    employeeId: id,
    id: `cc-${id}`,
    agreement: { managerAgreedAt: `${date}T16:00:00.000Z` },
  });

const complianceOn = async (on: string, history: readonly ConversationRecord[] = []) => {
  const team = [manager, colleague('a', '2021-04-15'), colleague('b', '2021-05-01'), colleague('c', '2021-06-01')];
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor(SOMERSET));
  for (const person of team) await repos.employees.create(person);
  for (const r of history) await repos.conversations.create(r);
  const deps = { repos, clock: fixedClock(`${on}T09:00:00.000Z`), newId: () => 'unused' };
  return getCompliance(deps, { tenantId: TENANT_ID, userId: manager.id, token: 't' }, manager.id, on);
};

describe('003 §8 compliance as the manager reads it', () => {
  it('003: a quarter with nothing due shows no percentage, not 100%', async () => {
    const c = await complianceOn('2027-02-15');
    expect(c).toMatchObject({ quarter: '2027-Q1', expected: 0, completed: 0, onTimePercent: null });
  });

  it('003: counts reviews completed on time against those that fell due in the quarter', async () => {
    const c = await complianceOn('2027-06-30', [held('a', '2027-04-10'), held('b', '2027-05-20')]);
    expect(c).toMatchObject({ quarter: '2027-Q2', expected: 3, completed: 2, onTimePercent: 33.3 });
    expect(c.overdue.map((o) => o.employeeId)).toEqual(['c']);
  });

  it('004: a review held on one side’s word only (nobody confirmed it) does not count as completed', async () => {
    const unconfirmed = record('annual-review', '2027-05-20', 'held', { employeeId: 'b', id: 'cc-b' });
    const selfAgreed = record('annual-review', '2027-04-10', 'held', {
      employeeId: 'a',
      id: 'cc-a',
      agreement: { employeeAgreedAt: '2027-04-10T16:00:00.000Z' },
    });
    const c = await complianceOn('2027-06-30', [selfAgreed, unconfirmed]);
    expect(c).toMatchObject({ expected: 3, completed: 0, onTimePercent: 0 });
    expect(c.overdue.map((o) => o.employeeId).sort()).toEqual(['a', 'b', 'c']);
  });
});
