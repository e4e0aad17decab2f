import { inMemoryRepositories, RecordingNoticeQueue } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, Tenant } from '../domain/people.ts';
import type { Notice } from '../ports/notices.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import { logFeedback } from './feedback.ts';
import { queueTimelyNudges } from './nudges.ts';

const T = 'tenant-n';
const tenant: Tenant = {
  tenantId: T,
  name: 'Assembly',
  schemeId: 'assembly-secretariat',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const person = (id: string, name: string, managerIds: string[]): Employee => ({
  tenantId: T,
  id,
  displayName: name,
  email: `${id}@example.test`,
  startDate: '2024-04-01',
  jobs: [{ id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' }],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
});
const record = (overrides: Partial<ConversationRecord>): ConversationRecord => ({
  tenantId: T,
  id: 'conv-booked',
  employeeId: 'sam',
  managerIds: ['mgr'],
  jobIds: ['job-1'],
  type: 'regular',
  status: 'booked',
  date: '2027-05-14',
  booking: { bookedBy: 'mgr', start: '2027-05-14T09:00:00.000Z', end: '2027-05-14T10:00:00.000Z', eventIds: {} },
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [{ id: 'a1', text: 'The new rota', source: 'employee' }],
  agreement: {},
  createdAt: '2027-05-01T09:00:00.000Z',
  updatedAt: '2027-05-01T09:00:00.000Z',
  ...overrides,
});

// Thursday 13 and Friday 14 May 2027; London is on BST (UTC+1).
const THURSDAY_MORNING = '2027-05-13T09:00:00.000Z';
const THURSDAY_EVENING = '2027-05-13T19:30:00.000Z';

const setup = async () => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  for (const p of [
    person('mgr', 'Morgan Lee', []),
    person('sam', 'Sam Patel', ['mgr']),
    person('kim', 'Kim Shaw', ['mgr']),
  ]) {
    await repos.employees.create(p);
  }
  await repos.conversations.create(record({}));
  await repos.conversations.create(
    record({ id: 'held-1', employeeId: 'kim', status: 'held', date: '2027-05-03', booking: undefined }),
  );
  await repos.conversations.create(
    record({
      id: 'held-2',
      status: 'held',
      date: '2027-04-20',
      booking: undefined,
      disagreement: { recordedAt: '2027-04-22T10:00:00.000Z', text: 'I do not agree with the actions' },
    }),
  );
  const notices = new RecordingNoticeQueue();
  const queued = notices.queued;
  const at = (now: string): UseCaseDeps => ({ repos, clock: fixedClock(now), newId: () => 'note-1', notices });
  return { repos, queued, at };
};

const cardsTo = (queued: readonly Notice[], personId: string): string[] =>
  queued.filter((n) => n.personId === personId).map((n) => JSON.stringify(n.card));

describe('timely nudges through the notice queue', () => {
  it('the day before a booked conversation each side gets its own preparation prompts with the agenda, once', async () => {
    const { queued, at } = await setup();
    expect((await queueTimelyNudges(at('2027-05-12T09:00:00.000Z'), T)).queued).toBe(0);
    expect(await queueTimelyNudges(at(THURSDAY_MORNING), T)).toEqual({ queued: 2, quiet: 0 });
    expect(await queueTimelyNudges(at('2027-05-13T14:00:00.000Z'), T)).toEqual({ queued: 0, quiet: 0 });
    const [toSam] = cardsTo(queued, 'sam');
    const [toMorgan] = cardsTo(queued, 'mgr');
    expect(toSam).toContain('with Morgan Lee');
    expect(toSam).toContain('Friday 14 May at 10:00');
    expect(toSam).toContain('The new rota');
    expect(toSam).toContain('To prepare');
    expect(toMorgan).toContain('To prepare, as the manager');
    expect(toMorgan).toContain('with Sam Patel');
  });

  it('nobody is nudged in their quiet hours: the evening run holds back, a later run in working hours sends', async () => {
    const { queued, at } = await setup();
    const evening = await queueTimelyNudges(at(THURSDAY_EVENING), T);
    expect(evening.queued).toBe(0);
    expect(evening.quiet).toBeGreaterThan(0);
    expect(queued).toEqual([]);
    expect((await queueTimelyNudges(at('2027-05-13T15:00:00.000Z'), T)).queued).toBe(2);
  });

  it('a person’s own quiet hours are kept even in the working day', async () => {
    const { repos, queued, at } = await setup();
    await repos.nudges.put({
      tenantId: T,
      id: 'sam',
      optedOut: false,
      quietHours: { start: '00:00', end: '23:59' },
      updatedAt: THURSDAY_MORNING,
    });
    await queueTimelyNudges(at(THURSDAY_MORNING), T);
    expect(queued.map((n) => n.personId)).toEqual(['mgr']);
  });

  it('the subject of a note is told by the next run it exists, who can see it and its words; not in quiet hours; once', async () => {
    const { queued, at } = await setup();
    const input = {
      subjectId: 'sam',
      kind: 'work-acknowledged' as const,
      text: 'Great handover notes',
      visibility: 'pair' as const,
      addToAgenda: false,
    };
    await logFeedback(at(THURSDAY_EVENING), { tenantId: T, userId: 'kim' }, input, 'activity-1');
    await queueTimelyNudges(at(THURSDAY_EVENING), T);
    await queueTimelyNudges(at('2027-05-14T06:30:00.000Z'), T);
    expect(queued).toEqual([]);
    await queueTimelyNudges(at('2027-05-14T09:00:00.000Z'), T);
    await queueTimelyNudges(at('2027-05-14T11:00:00.000Z'), T);
    const told = cardsTo(queued, 'sam').filter((c) => c.includes('A note about you'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Kim Shaw logged in-the-moment feedback about you');
    expect(told[0]).toContain('Private to the pair');
    expect(told[0]).toContain('Great handover notes');
    expect(cardsTo(queued, 'kim').join()).not.toContain('A note about you');
  });

  it('a note about oneself, or one over a week old, is not announced', async () => {
    const { queued, at } = await setup();
    const note = {
      kind: 'advice' as const,
      text: 'Try the new template',
      visibility: 'subject-only' as const,
      addToAgenda: false,
    };
    await logFeedback(
      at('2027-05-03T09:00:00.000Z'),
      { tenantId: T, userId: 'mgr' },
      { ...note, subjectId: 'kim' },
      'old',
    );
    await logFeedback(at(THURSDAY_MORNING), { tenantId: T, userId: 'sam' }, { ...note, subjectId: 'sam' }, 'self');
    await queueTimelyNudges(at(THURSDAY_MORNING), T);
    expect(queued.filter((n) => JSON.stringify(n.card).includes('A note about you'))).toEqual([]);
  });

  it('on Friday each manager gets one digest: records waiting for agreement, disagreements, what is due; never on other days', async () => {
    const { queued, at } = await setup();
    await queueTimelyNudges(at(THURSDAY_MORNING), T);
    expect(queued.some((n) => JSON.stringify(n.card).includes('Your team this week'))).toBe(false);
    await queueTimelyNudges(at('2027-05-14T09:00:00.000Z'), T);
    await queueTimelyNudges(at('2027-05-14T13:00:00.000Z'), T);
    const digests = queued.filter((n) => JSON.stringify(n.card).includes('Your team this week'));
    expect(digests.map((n) => n.personId)).toEqual(['mgr']);
    const digest = JSON.stringify(digests[0]?.card);
    expect(digest).toContain('Records waiting for agreement (1)');
    expect(digest).toContain('Kim Shaw: ');
    expect(digest).toContain('Disagreements to settle (1)');
    expect(digest).toContain('Sam Patel: ');
    expect(digest).not.toContain('I do not agree with the actions');
    expect(digest).toContain('https://app.example.test/tab/#/team');
  });
});
