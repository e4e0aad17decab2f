import { inMemoryRepositories, RecordingNoticeQueue } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, SchemeId } from '../domain/people.ts';
import { employee, job, record, tenantFor, TENANT_ID } from '../engine/fixtures.test-support.ts';
import type { Notice } from '../ports/notices.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import { queueTimelyNudges } from './nudges.ts';

const T = TENANT_ID;
const person = (id: string, name: string, managerIds: string[], overrides: Partial<Employee> = {}): Employee =>
  employee({ id, displayName: name, email: `${id}@example.test`, jobs: [job({ managerIds })], ...overrides });
const review = (overrides: Partial<ConversationRecord>): ConversationRecord =>
  record('annual-review', overrides.date ?? '2027-01-20', 'held', {
    id: 'review-1',
    employeeId: 'sam',
    managerIds: ['mgr'],
    jobIds: ['job-1'],
    ...overrides,
  });

const setup = async (schemeId: SchemeId, people: readonly Employee[], records: readonly ConversationRecord[] = []) => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenantFor(schemeId));
  for (const p of [person('gp', 'Gill Price', []), person('mgr', 'Morgan Lee', ['gp']), ...people]) {
    await repos.employees.create(p);
  }
  for (const r of records) await repos.conversations.create(r);
  const notices = new RecordingNoticeQueue();
  const at = (now: string): UseCaseDeps => ({ repos, clock: fixedClock(now), newId: () => 'id', notices });
  return { repos, queued: notices.queued, at };
};

const titled = (queued: readonly Notice[], words: string) =>
  queued.filter((n) => JSON.stringify(n.card).includes(words)).map((n) => n.personId);
const cardTo = (queued: readonly Notice[], personId: string, words: string): string =>
  JSON.stringify(queued.find((n) => n.personId === personId && JSON.stringify(n.card).includes(words))?.card);

// 002 §5: probation meetings 4 weeks, 3 and 5 months after a start on Monday 4 January 2027.
const starter = person('ria', 'Ria Khan', ['mgr'], { startDate: '2027-01-04', probation: { status: 'in-probation' } });

describe('deadline reminders in the nudge run', () => {
  it('002 §5: a probation meeting a week away is announced once to the starter and their manager', async () => {
    const { queued, at } = await setup('bexley-pms', [starter]);
    await queueTimelyNudges(at('2027-01-20T10:00:00.000Z'), T);
    expect(titled(queued, 'due by 1 February 2027')).toEqual([]);
    await queueTimelyNudges(at('2027-01-26T10:00:00.000Z'), T);
    await queueTimelyNudges(at('2027-01-27T10:00:00.000Z'), T);
    expect(titled(queued, 'due by 1 February 2027').sort()).toEqual(['mgr', 'ria']);
    expect(cardTo(queued, 'ria', 'due by 1 February 2027')).toContain('4 weeks');
    expect(cardTo(queued, 'mgr', 'due by 1 February 2027')).toContain('Ria Khan');
    expect(cardTo(queued, 'mgr', 'due by 1 February 2027')).toContain('002 §5');
    expect(cardTo(queued, 'ria', 'due by 1 February 2027')).toContain('#/book/ria/probation-review');
  });

  it('a reminder waits out quiet hours, and never goes to someone who turned deadline reminders off', async () => {
    const { repos, queued, at } = await setup('bexley-pms', [starter]);
    const evening = await queueTimelyNudges(at('2027-01-26T19:00:00.000Z'), T);
    expect(evening.queued).toBe(0);
    expect(queued).toEqual([]);
    await repos.nudges.put({ tenantId: T, id: 'ria', optedOut: false, mutedNudges: ['deadline'], updatedAt: '' });
    await queueTimelyNudges(at('2027-01-27T09:30:00.000Z'), T);
    expect(titled(queued, 'due by 1 February 2027')).toEqual(['mgr']);
  });

  it('000 Internal Transfers: a handover due within the week goes to the old and the new manager, not the colleague', async () => {
    const moved = person('sam', 'Sam Patel', ['mgr'], {
      managerChanges: [{ jobId: 'job-1', previousManagerId: 'gp', newManagerId: 'mgr', on: '2027-01-04' }],
    });
    const { queued, at } = await setup('cumbria-vip', [moved]);
    await queueTimelyNudges(at('2027-01-27T10:00:00.000Z'), T);
    expect(titled(queued, 'Sam Patel: ').sort()).toEqual(['gp', 'mgr']);
    expect(titled(queued, 'due by 1 February 2027')).not.toContain('sam');
  });

  it('002 Appendix 6: the colleague is reminded once as the 10 working days to appeal run out', async () => {
    const sam = person('sam', 'Sam Patel', ['mgr']);
    const { queued, at } = await setup('bexley-pms', [sam], [review({})]);
    await queueTimelyNudges(at('2027-01-27T10:00:00.000Z'), T);
    expect(titled(queued, 'Your time to appeal ends soon')).toEqual([]);
    await queueTimelyNudges(at('2027-02-01T10:00:00.000Z'), T);
    await queueTimelyNudges(at('2027-02-02T10:00:00.000Z'), T);
    expect(titled(queued, 'Your time to appeal ends soon')).toEqual(['sam']);
    expect(cardTo(queued, 'sam', 'Your time to appeal')).toContain('until 3 February 2027');
    await queueTimelyNudges(at('2027-02-04T10:00:00.000Z'), T);
    expect(titled(queued, 'Your time to appeal ends soon')).toEqual(['sam']);
  });

  it('an appeal already lodged is not reminded of', async () => {
    const sam = person('sam', 'Sam Patel', ['mgr']);
    const lodged = review({ appeal: { lodgedOn: '2027-01-25', lodgedBy: 'sam', lodgedByRepresentative: false } });
    const { queued, at } = await setup('bexley-pms', [sam], [lodged]);
    await queueTimelyNudges(at('2027-02-01T10:00:00.000Z'), T);
    expect(titled(queued, 'Your time to appeal ends soon')).toEqual([]);
  });

  it('the Friday digest lists open appeal windows with their last day: 003 counts 14 calendar days', async () => {
    const sam = person('sam', 'Sam Patel', ['mgr']);
    const { queued, at } = await setup('somerset-career-conversations', [sam], [review({ date: '2027-01-22' })]);
    await queueTimelyNudges(at('2027-01-29T10:00:00.000Z'), T);
    const digest = cardTo(queued, 'mgr', 'Your team this week');
    expect(digest).toContain('Appeal windows closing (1)');
    expect(digest).toContain('Sam Patel: Career Conversation, last day 5 February 2027');
    await queueTimelyNudges(at('2027-02-12T10:00:00.000Z'), T);
    expect(cardTo(queued.slice(-1), 'mgr', 'Your team this week')).not.toContain('Appeal windows closing');
  });
});
