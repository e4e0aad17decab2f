/**
 * 003_6937000bba1c4f49.txt §8 (compliance by directorate): the organisation's figures are grouped by
 * the directory's department where a person carries one, and by the branch under the top of the
 * organisation where they do not.
 */
import { describe, expect, it } from 'vitest';
import type { Employee } from '../domain/people.ts';
import { employee, job, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import { organisationScope } from './organisation-scope.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';

const person = (id: string, managerId: string | undefined, extra: Partial<Employee> & { department?: string } = {}) =>
  employee({
    id,
    displayName: `Person ${id}`,
    jobs: [job({ title: `Title ${id}`, managerIds: managerId === undefined ? [] : [managerId] })],
    ...extra,
  });

describe('003 §8 organisation figures by department', () => {
  it('003: people with a directory department are grouped by it; the rest by the branch under the top', async () => {
    const repos = inMemoryRepositories();
    await repos.tenants.put(tenantFor('somerset-career-conversations'));
    const people = [
      person('ceo', undefined),
      person('head-a', 'ceo'),
      person('head-b', 'ceo'),
      person('hr', 'head-a', { orgRoles: ['hr'], department: 'People Services' }),
      person('a1', 'head-a', { department: 'Surgery' }),
      person('b1', 'head-b', { department: ' Surgery ' }),
      person('b2', 'head-b'),
    ];
    for (const p of people) await repos.employees.create(p);
    const deps = { repos, clock: fixedClock('2027-05-03T09:00:00.000Z'), newId: () => 'unused' };
    const scope = await organisationScope(deps, { tenantId: TENANT_ID, userId: 'hr', token: 't' }, '2027-05-03');
    expect(scope.units.map((u) => u.name)).toEqual([
      'People Services',
      'Surgery',
      'Title ceo',
      'Title head-a',
      'Title head-b',
    ]);
    const surgery = scope.units.find((u) => u.name === 'Surgery');
    // Two branches meet in one department: a1 under head-a and b1 under head-b.
    expect(['a1', 'b1'].map((id) => scope.unitOf.get(id))).toEqual([surgery?.id, surgery?.id]);
    expect(scope.unitOf.get('b2')).toBe('head-b');
    expect(scope.unitOf.get('head-a')).toBe('head-a');
  });
});
