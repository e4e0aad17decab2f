import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { describe, expect, it } from 'vitest';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, Tenant } from '../domain/people.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import { fixedClock } from '../time/clock.ts';
import type { UseCaseDeps } from './deps.ts';
import { addMyAgendaItem, myPreparation } from './self-service.ts';
import { answerStarter, openStarter, starterById, topicsForDay } from './starters.ts';
import { optOutOfCheckins, snoozeCheckins } from './checkins.ts';

const T = 'tenant-s';
const tenant: Tenant = {
  tenantId: T,
  name: 'Assembly',
  schemeId: 'assembly-secretariat',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const person = (id: string, managerIds: string[]): Employee => ({
  tenantId: T,
  id,
  displayName: `${id} Smith`,
  email: `${id}@example.test`,
  startDate: '2024-04-01',
  jobs: [{ id: 'job-1', title: 'Officer', managerIds, isMain: true, contract: 'substantive', startDate: '2024-04-01' }],
  leave: [],
  probation: { status: 'passed' },
  managerChanges: [],
  hasOwnPc: true,
  orgRoles: [],
});

const setup = async (today = '2027-05-10') => {
  const repos = inMemoryRepositories();
  await repos.tenants.put(tenant);
  for (const p of [person('mgr', []), person('sam', ['mgr']), person('kim', ['mgr'])]) await repos.employees.create(p);
  const deps: UseCaseDeps = { repos, clock: fixedClock(`${today}T09:00:00.000Z`), newId: () => 'unused' };
  return { deps, repos };
};
const as = (userId: string) => ({ tenantId: T, userId, userName: `${userId} Smith` });

describe('conversation starters (004 topics)', () => {
  it('shows up to two of the scheme’s topics, rotating by day', () => {
    const pack = getSchemePack('assembly-secretariat');
    const monday = topicsForDay(pack, '2027-05-10');
    expect(monday.length).toBe(Math.min(2, pack.topicsPerConversation.max, pack.topics.length));
    expect(topicsForDay(pack, '2027-05-10')).toEqual(monday);
    expect(topicsForDay(pack, '2027-05-11')).not.toEqual(monday);
  });

  it('one starter per activity; the pair answer it, once per activity; anyone else is refused', async () => {
    const { deps } = await setup();
    const opened = await openStarter(deps, as('sam'), 'activity-1');
    expect((await openStarter(deps, as('sam'), 'activity-1')).state.id).toBe(opened.state.id);
    expect(opened.state.participantIds).toEqual(['sam', 'mgr']);
    const topicId = opened.state.topicIds[0] ?? '';
    const answer = (id: string) => (topic: string) => (topic === topicId ? `Answer from ${id}` : undefined);
    await answerStarter(deps, as('mgr'), opened.state.id, answer('mgr'), 'activity-2');
    await answerStarter(deps, as('mgr'), opened.state.id, answer('mgr'), 'activity-2');
    await expect(answerStarter(deps, as('kim'), opened.state.id, answer('kim'), 'activity-3')).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(answerStarter(deps, as('sam'), opened.state.id, () => '  ', 'activity-4')).rejects.toMatchObject({
      code: 'validation',
    });
    const seen = await starterById(deps, as('sam'), opened.state.id);
    expect(seen.state.answers.map((a) => a.text)).toEqual(['Answer from mgr']);
  });
});

describe('preparing for the next conversation, and check-in choices', () => {
  const booked: ConversationRecord = {
    tenantId: T,
    id: 'next',
    employeeId: 'sam',
    managerIds: ['mgr'],
    jobIds: ['job-1'],
    type: 'regular',
    status: 'booked',
    date: '2027-05-20',
    topics: [],
    sections: {},
    notes: '',
    issuesRaised: [],
    actionsAgreed: [],
    agenda: [],
    agreement: {},
    createdAt: '2027-05-01T09:00:00.000Z',
    updatedAt: '2027-05-01T09:00:00.000Z',
  };

  it('an agenda item joins the next booked conversation once per activity; nothing booked says so', async () => {
    const { deps, repos } = await setup();
    expect(await addMyAgendaItem(deps, as('sam'), 'Training budget', 'activity-1')).toBe(false);
    await repos.conversations.create(booked);
    expect(await addMyAgendaItem(deps, as('sam'), 'Training budget', 'activity-2')).toBe(true);
    expect(await addMyAgendaItem(deps, as('sam'), 'Training budget', 'activity-2')).toBe(true);
    await expect(addMyAgendaItem(deps, as('sam'), '   ', 'activity-3')).rejects.toMatchObject({ code: 'validation' });
    const preparation = await myPreparation(deps, as('sam'));
    expect(preparation).toMatchObject({ date: '2027-05-20', agenda: ['Training budget'] });
    expect(preparation.prompts.length).toBeGreaterThan(0);
  });

  it('#26 point 5: items added at the same moment all join the agenda, none turned away', async () => {
    const { deps, repos } = await setup();
    await repos.conversations.create(booked);
    const added = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        addMyAgendaItem(deps, as('sam'), `Item ${String(i)}`, `activity-${String(i)}`),
      ),
    );
    expect(added.every(Boolean)).toBe(true);
    expect((await myPreparation(deps, as('sam'))).agenda).toHaveLength(20);
  });

  it('snoozing silences optional check-ins for a week; opting out for good', async () => {
    const { deps, repos } = await setup();
    expect(await snoozeCheckins(deps, as('sam'))).toBe('2027-05-17');
    expect(await repos.nudges.get(T, 'sam')).toMatchObject({ snoozedUntil: '2027-05-17', optedOut: false });
    await optOutOfCheckins(deps, as('sam'));
    expect(await repos.nudges.get(T, 'sam')).toMatchObject({ optedOut: true });
  });
});
