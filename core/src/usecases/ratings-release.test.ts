/**
 * 002_28beca5d49af7c65.txt Step 3: releasing a rating straight from the record is the grandparent
 * agreeing it, recorded as such; one they returned to the manager cannot be released that way.
 */
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import { reviewRating } from './rating-review.ts';
import { releaseRating } from './ratings.ts';

const as = (userId: string) => ({ tenantId: TENANT_ID, userId, token: 't' });

const setUp = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor('bexley-pms'));
  await repos.employees.create(
    employee({ id: 'gp', displayName: 'Grace Grandparent', jobs: [job({ managerIds: [] })] }),
  );
  await repos.employees.create(employee({ id: 'm1', displayName: 'Mo Manager', jobs: [job({ managerIds: ['gp'] })] }));
  await repos.employees.create(employee({ id: 'a1', displayName: 'Ade Report', jobs: [job({ managerIds: ['m1'] })] }));
  const stored = await repos.conversations.create(
    record('annual-review', '2027-04-20', 'agreed', {
      id: 'review-a1',
      employeeId: 'a1',
      managerIds: ['m1'],
      rating: { value: '1', bonusRecommended: true },
    }),
  );
  let n = 0;
  const deps = { repos, clock: fixedClock('2027-05-03T09:00:00.000Z'), newId: () => `id-${String((n += 1))}` };
  return { repos, deps, etag: stored.etag };
};

describe('002 release and Step 3 are one', () => {
  it('releasing from the record records the grandparent’s agreement with it, once', async () => {
    const { repos, deps, etag } = await setUp();
    const released = await releaseRating(deps, as('gp'), 'a1', 'review-a1', etag);
    expect(released.item.rating).toMatchObject({
      review: { outcome: 'agreed', by: 'gp' },
      releasedToEmployeeAt: '2027-05-03T09:00:00.000Z',
    });
    const actions = (await repos.audit.listForSubject(TENANT_ID, 'a1')).items.map((e) => e.action).sort();
    expect(actions).toEqual(['rating.agreed', 'rating.released']);
  });

  it('a recommendation returned to the manager cannot be released from the record', async () => {
    const { deps, etag } = await setUp();
    const returned = await reviewRating(deps, as('gp'), 'a1', 'review-a1', etag, {
      outcome: 'returned',
      note: 'Please look again at the evidence for Excellent.',
    });
    await expect(releaseRating(deps, as('gp'), 'a1', 'review-a1', returned.etag)).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('went back to the manager') as unknown,
    });
  });
});

describe('002 a returned recommendation reaches its manager', () => {
  it('queues one card to the manager with the reason and a link to the record, never to the colleague', async () => {
    const { deps, etag } = await setUp();
    const queued: { personId: string; id: string; text: string }[] = [];
    const withNotices = {
      ...deps,
      notices: {
        queue: (n: { personId: string; id: string; card: unknown }) => {
          queued.push({ personId: n.personId, id: n.id, text: JSON.stringify(n.card) });
          return Promise.resolve(true);
        },
        tabLink: (route: string) => `https://tab.example/#${route}`,
      },
    };
    const note = 'Please look again at the evidence for Excellent.';
    await reviewRating(withNotices, as('gp'), 'a1', 'review-a1', etag, { outcome: 'returned', note });
    expect(queued.map((q) => q.personId)).toEqual(['m1']);
    expect(queued[0]?.text).toContain(note);
    expect(queued[0]?.text).toContain('https://tab.example/#/conversations/a1/review-a1');
    expect(queued[0]?.text).toContain('Ade Report');
  });
});
