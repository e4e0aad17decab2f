import { describe, expect, it } from 'vitest';
import type { Nation } from '../domain/people.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import { getAppealWindow } from './appeals.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';

const manager = employee({ id: 'manager-1', jobs: [job({ managerIds: ['grandparent-1'] })] });
const grandparent = employee({ id: 'grandparent-1', jobs: [job({ managerIds: [] })] });
const colleague = employee({ id: 'employee-1' });
// An annual review on Wednesday 10 March 2027: ten working days run across St Patrick's Day (17 March).
const review = record('annual-review', '2027-03-10', 'agreed', { id: 'review-1' });

const windowIn = async (nation: Nation) => {
  const repos = inMemoryRepositories();
  await repos.tenants.put({ ...tenantFor('bexley-pms'), nation });
  for (const person of [manager, grandparent, colleague]) await repos.employees.create(person);
  await repos.conversations.create(review);
  const deps = { repos, clock: fixedClock('2027-03-12T09:00:00.000Z'), newId: () => 'unused' };
  return getAppealWindow(deps, { tenantId: TENANT_ID, userId: colleague.id, token: 't' }, colleague.id, review.id);
};

describe('002 Appendix 6 appeal window, by the employer’s nation', () => {
  it('002: in Northern Ireland St Patrick’s Day is not a working day, so the window closes a day later', async () => {
    const ni = await windowIn('northern-ireland');
    expect(ni).toMatchObject({ allowed: true, lodgeBy: '2027-03-25', to: 'grandparent-1' });
    expect(ni.explanation).toContain('within 10 working days');
    expect(ni.explanation).toContain('by 2027-03-25 (002 Appendix 6)');
  });

  it('002: in England and Wales the same review’s window closes on 24 March', async () => {
    expect(await windowIn('england-and-wales')).toMatchObject({ allowed: true, lodgeBy: '2027-03-24' });
  });
});
