/**
 * 002_28beca5d49af7c65.txt ("Bonus Payments", Step 3): the grandparent checks their managers'
 * recommendations for consistency, agrees or returns each, and only an agreed one reaches the
 * employee; every step is audited.
 */
import { describe, expect, it } from 'vitest';
import type { Rating } from '../domain/conversations.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import { fixedClock } from '../time/clock.ts';
import { updateConversation } from './conversation-updates.ts';
import { getConversation } from './conversations.ts';
import { getRatingReview, reviewRating } from './rating-review.ts';
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';

const as = (userId: string) => ({ tenantId: TENANT_ID, userId, token: 't' });
const reportOf = (id: string, managerId: string) =>
  employee({ id, displayName: `Person ${id}`, jobs: [job({ managerIds: [managerId] })] });
const ratedReview = (employeeId: string, managerId: string, rating: Rating) =>
  record('annual-review', '2027-04-20', 'agreed', {
    id: `review-${employeeId}`,
    employeeId,
    managerIds: [managerId],
    rating,
  });

/** The rating as the employee sees it on their own record. */
const ratingSeenBy = async (deps: Parameters<typeof getConversation>[0], id: string) => {
  const { view } = await getConversation(deps, as(id), id, `review-${id}`);
  if (view.kind !== 'full') throw new Error('the employee reads their own record in full');
  return view.record.rating;
};

const setUp = async (schemeId: 'bexley-pms' | 'somerset-career-conversations' = 'bexley-pms') => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor(schemeId));
  const people = [
    employee({ id: 'gp', displayName: 'Grace Grandparent', jobs: [job({ managerIds: [] })] }),
    employee({ id: 'm1', displayName: 'Mo Manager', jobs: [job({ managerIds: ['gp'] })] }),
    employee({ id: 'm2', displayName: 'Nia Manager', jobs: [job({ managerIds: ['gp'] })] }),
    reportOf('a1', 'm1'),
    reportOf('a2', 'm1'),
    reportOf('a3', 'm1'),
    reportOf('b1', 'm2'),
    reportOf('b2', 'm2'),
    reportOf('b3', 'm2'),
  ];
  for (const p of people) await repos.employees.create(p);
  // Mo rates every report Excellent with a bonus; Nia rates Fully proficient, one below standard.
  for (const id of ['a1', 'a2', 'a3']) {
    await repos.conversations.create(ratedReview(id, 'm1', { value: '1', bonusRecommended: true }));
  }
  await repos.conversations.create(ratedReview('b1', 'm2', { value: '2' }));
  await repos.conversations.create(ratedReview('b2', 'm2', { value: '2' }));
  await repos.conversations.create(ratedReview('b3', 'm2', { value: '3', shortfall: 'Missed two deadlines.' }));
  let n = 0;
  const deps = {
    repos,
    clock: fixedClock('2027-05-03T09:00:00.000Z'),
    newId: () => `id-${String((n += 1))}`,
  };
  return { repos, deps };
};

describe('002 grandparent consistency check and Step 3', () => {
  it('002: shows each manager’s spread of ratings and bonuses, and names the team that stands out', async () => {
    const { deps } = await setUp();
    const view = await getRatingReview(deps, as('gp'));
    expect(view.applies).toBe(true);
    expect(view.overall).toEqual({ total: 6, counts: { '1': 3, '2': 2, '3': 1 }, bonus: 3 });
    const mo = view.teams.find((t) => t.manager.id === 'm1');
    expect(mo?.spread).toEqual({ total: 3, counts: { '1': 3, '2': 0, '3': 0 }, bonus: 3 });
    expect(mo?.outliers).toEqual([
      "100% rated 1 (increment), more than the 0% across your other managers' teams",
      "100% recommended a bonus, more than the 0% across your other managers' teams",
    ]);
    expect(mo?.items.map((i) => i.state)).toEqual(['awaiting', 'awaiting', 'awaiting']);
  });

  it('002: a manager sees no check of their own team, and other schemes have none', async () => {
    const { deps } = await setUp();
    expect((await getRatingReview(deps, as('m1'))).teams).toEqual([]);
    const other = await setUp('somerset-career-conversations');
    expect(await getRatingReview(other.deps, as('gp'))).toMatchObject({ applies: false, teams: [] });
  });

  it('002: agreeing completes Step 3 and releases the rating to the employee, audited', async () => {
    const { deps, repos } = await setUp();
    expect(await ratingSeenBy(deps, 'a1')).toBeUndefined();
    const item = (await getRatingReview(deps, as('gp'))).teams[0]?.items[0];
    if (item === undefined) throw new Error('no recommendation listed');
    await reviewRating(deps, as('gp'), item.employeeId, item.conversationId, item.etag, { outcome: 'agreed' });
    expect((await ratingSeenBy(deps, 'a1'))?.value).toBe('1');
    const events = (await repos.audit.listForSubject(TENANT_ID, 'a1')).items.map((e) => e.action);
    expect(events).toEqual(expect.arrayContaining(['rating.agreed', 'rating.released']));
    expect((await getRatingReview(deps, as('gp'))).teams[0]?.items[0]?.state).toBe('released');
  });

  it('002: returning keeps the rating from the employee and tells the manager why; a new rating waits again', async () => {
    const { deps, repos } = await setUp();
    const item = (await getRatingReview(deps, as('gp'))).teams[0]?.items[1];
    if (item === undefined) throw new Error('no recommendation listed');
    const ask = { outcome: 'returned' as const, note: 'short' };
    await expect(reviewRating(deps, as('gp'), 'a2', 'review-a2', item.etag, ask)).rejects.toMatchObject({
      code: 'validation',
    });
    const note = 'Three Excellents with bonuses: show the evidence for each.';
    const returned = await reviewRating(deps, as('gp'), 'a2', 'review-a2', item.etag, { outcome: 'returned', note });
    expect(returned.item.rating?.releasedToEmployeeAt).toBeUndefined();
    expect(await ratingSeenBy(deps, 'a2')).toBeUndefined();
    const listed = (await getRatingReview(deps, as('gp'))).teams[0]?.items[1];
    expect(listed).toMatchObject({ state: 'returned', review: { by: 'gp', note } });
    const aboutManager = (await repos.audit.listForSubject(TENANT_ID, 'm1')).items.map((e) => e.action);
    expect(aboutManager).toContain('rating.returned');
    // The manager is not the one who may agree their own recommendation.
    await expect(
      reviewRating(deps, as('m1'), 'a2', 'review-a2', returned.etag, { outcome: 'agreed' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await updateConversation(deps, as('m1'), 'a2', 'review-a2', { rating: { value: '2' } }, returned.etag);
    expect((await getRatingReview(deps, as('gp'))).teams[0]?.items[1]).toMatchObject({
      state: 'awaiting',
      rating: { value: '2' },
    });
  });
});
