// The objectives use cases over the in-memory repositories (held to the same contract as
// Cosmos in test/contracts/), so the rules run in milliseconds without a store.
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ObjectiveInput } from '../api/objectives.ts';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { createObjective, getObjective, listObjectives, updateObjective } from './objectives.ts';

const TENANT = 'tenant-objectives';
const OTHER_TENANT = 'tenant-elsewhere';
const as = (userId: string, tenantId = TENANT): Caller => ({ tenantId, userId });
const anyKind = (): boolean => true;

const input: ObjectiveInput = {
  kind: 'task',
  title: 'Clear the planning backlog',
  description: 'Reduce open applications to under 40.',
  measures: [{ kind: 'quantity', text: 'Under 40 open' }],
  horizon: 'short',
  milestones: [],
  alignment: [],
  support: [],
};

const codeOf = async (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (isAppError(error) ? error.code : 'not an AppError'),
  );

let deps: UseCaseDeps;

beforeEach(async () => {
  let ids = 0;
  deps = {
    repos: inMemoryRepositories(),
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    newId: () => `objective-${String((ids += 1))}`,
  };
  await deps.repos.tenants.put(tenant(TENANT));
  await deps.repos.tenants.put(tenant(OTHER_TENANT));
  // Sam reports to Morgan; Alex is Sam's colleague under the same manager.
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
  await deps.repos.employees.create(employee(TENANT, 'alex'));
  // The same person id in another employer.
  await deps.repos.employees.create(employee(OTHER_TENANT, 'mgr-1', { jobs: [] }));
});

describe('objectives use cases', () => {
  it("stores a person's new objective as a draft at 0% that they and their manager can read", async () => {
    const created = await createObjective(deps, as('sam'), 'sam', input, anyKind);
    expect(created.item).toMatchObject({ id: 'objective-1', ownerId: 'sam', status: 'draft', progress: 0 });
    expect((await listObjectives(deps, as('sam'), 'sam')).items.map((o) => o.item.title)).toEqual([input.title]);
    expect((await getObjective(deps, as('mgr-1'), 'sam', 'objective-1')).etag).toBe(created.etag);
  });

  it('records a progress note with who wrote it, then refuses an edit made on the old version', async () => {
    const created = await createObjective(deps, as('sam'), 'sam', input, anyKind);
    const patch = { progress: 40, progressNote: 'Backlog down to 60.' };
    const updated = await updateObjective(deps, as('mgr-1'), 'sam', 'objective-1', patch, created.etag, anyKind);
    expect(updated.item.progress).toBe(40);
    expect(updated.item.progressNotes).toEqual([
      { at: '2027-05-10T09:00:00.000Z', by: 'mgr-1', text: 'Backlog down to 60.', percent: 40 },
    ]);
    const stale = updateObjective(deps, as('sam'), 'sam', 'objective-1', { progress: 10 }, created.etag, anyKind);
    expect(await codeOf(stale)).toBe('conflict');
    expect((await getObjective(deps, as('sam'), 'sam', 'objective-1')).item.progress).toBe(40);
  });

  it("keeps a colleague and another employer's person with the same id out", async () => {
    await createObjective(deps, as('sam'), 'sam', input, anyKind);
    expect(await codeOf(listObjectives(deps, as('alex'), 'sam'))).toBe('forbidden');
    expect(await codeOf(createObjective(deps, as('alex'), 'sam', input, anyKind))).toBe('forbidden');
    expect(await codeOf(getObjective(deps, as('mgr-1', OTHER_TENANT), 'sam', 'objective-1'))).toBe('not-found');
    expect((await listObjectives(deps, as('sam'), 'sam')).items).toHaveLength(1);
  });

  it('refuses a kind of objective the scheme does not use, storing nothing', async () => {
    const onlyDevelopment = (kind: string) => kind === 'development';
    expect(await codeOf(createObjective(deps, as('sam'), 'sam', input, onlyDevelopment))).toBe('validation');
    expect((await listObjectives(deps, as('sam'), 'sam')).items).toEqual([]);
  });

  it('004 Setting Objectives: the colleague alone cannot agree their objective or mark it achieved; the manager can', async () => {
    const created = await createObjective(deps, as('sam'), 'sam', input, anyKind);
    const selfAgreed = updateObjective(
      deps,
      as('sam'),
      'sam',
      'objective-1',
      { status: 'agreed' },
      created.etag,
      anyKind,
    );
    expect(await codeOf(selfAgreed)).toBe('forbidden');
    const agreed = await updateObjective(
      deps,
      as('mgr-1'),
      'sam',
      'objective-1',
      { status: 'agreed' },
      created.etag,
      anyKind,
    );
    const selfAchieved = updateObjective(
      deps,
      as('sam'),
      'sam',
      'objective-1',
      { status: 'achieved' },
      agreed.etag,
      anyKind,
    );
    expect(await codeOf(selfAchieved)).toBe('forbidden');
    expect((await getObjective(deps, as('sam'), 'sam', 'objective-1')).item.status).toBe('agreed');
    // The colleague still reports progress on it.
    const progress = await updateObjective(
      deps,
      as('sam'),
      'sam',
      'objective-1',
      { progress: 90 },
      agreed.etag,
      anyKind,
    );
    const achieved = await updateObjective(
      deps,
      as('mgr-1'),
      'sam',
      'objective-1',
      { status: 'achieved' },
      progress.etag,
      anyKind,
    );
    expect(achieved.item).toMatchObject({ status: 'achieved', progress: 90 });
  });

  it('refuses to mark a draft achieved, whoever asks: it is agreed first', async () => {
    const created = await createObjective(deps, as('sam'), 'sam', input, anyKind);
    const early = updateObjective(
      deps,
      as('mgr-1'),
      'sam',
      'objective-1',
      { status: 'achieved' },
      created.etag,
      anyKind,
    );
    expect(await codeOf(early)).toBe('validation');
  });

  it("a progress note names one of the colleague's own conversations, or none", async () => {
    const created = await createObjective(deps, as('sam'), 'sam', input, anyKind);
    await deps.repos.conversations.create(conversation(TENANT, 'talk-1', { employeeId: 'sam' }));
    await deps.repos.conversations.create(conversation(TENANT, 'talk-alex', { employeeId: 'alex' }));
    for (const conversationId of ['made-up', 'talk-alex']) {
      const patch = { progressNote: 'Discussed.', conversationId };
      const refused = updateObjective(deps, as('sam'), 'sam', 'objective-1', patch, created.etag, anyKind);
      expect(await codeOf(refused)).toBe('validation');
    }
    const patch = { progressNote: 'Discussed.', conversationId: 'talk-1' };
    const linked = await updateObjective(deps, as('sam'), 'sam', 'objective-1', patch, created.etag, anyKind);
    expect(linked.item.progressNotes[0]?.conversationId).toBe('talk-1');
  });
});
