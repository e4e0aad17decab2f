// What the record's checks mean for the pair: a meeting date never ahead of today, the 004
// minimum record before agreement, and who made the latest change (for a conflict message).
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationInput } from '../api/conversations.ts';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import { agreeConversation } from './conversation-agreement.ts';
import { updateConversation } from './conversation-updates.ts';
import { createConversation } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

const TENANT = 'tenant-checks';
const as = (userId: string): Caller => ({ tenantId: TENANT, userId });
const regular: ConversationInput = {
  type: 'regular',
  date: '2027-05-10',
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [],
};

const failureOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved' as const,
    (error: unknown) =>
      isAppError(error) ? { code: error.code, message: error.message, details: error.details } : error,
  );

let deps: UseCaseDeps;
const setUp = async (schemeId: 'assembly-secretariat' | 'cumbria-vip') => {
  let ids = 0;
  deps = {
    repos: inMemoryRepositories(),
    // 22:30Z is 23:30 on 10 May in London (BST): still the 10th for the employer.
    clock: fixedClock('2027-05-10T22:30:00.000Z'),
    newId: () => `record-${String((ids += 1))}`,
  };
  await deps.repos.tenants.put(tenant(TENANT, { schemeId }));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
};

describe('a record is checked as a person expects', () => {
  beforeEach(async () => {
    await setUp('assembly-secretariat');
  });

  it('a conversation cannot be recorded, or re-dated, after today in the employer’s time zone', async () => {
    const ahead = await failureOf(createConversation(deps, as('sam'), 'sam', { ...regular, date: '2027-05-11' }));
    expect(ahead).toMatchObject({ code: 'validation', details: [{ path: 'date' }] });
    const saved = await createConversation(deps, as('sam'), 'sam', regular);
    const moved = await failureOf(
      updateConversation(deps, as('sam'), 'sam', saved.item.id, { date: '2027-06-01' }, saved.etag),
    );
    expect(moved).toMatchObject({ code: 'validation' });
    expect(moved !== 'resolved' && (moved as { message: string }).message).toMatch(/cannot be in the future/);
  });

  it('policies/004: the record cannot be agreed until it holds the issues raised and the actions agreed', async () => {
    const saved = await createConversation(deps, as('sam'), 'sam', regular);
    const refused = await failureOf(agreeConversation(deps, as('sam'), 'sam', saved.item.id, saved.etag));
    expect(refused).toMatchObject({
      code: 'validation',
      details: [{ path: 'issuesRaised' }, { path: 'actionsAgreed' }],
    });
    const filled = await updateConversation(
      deps,
      as('sam'),
      'sam',
      saved.item.id,
      {
        issuesRaised: ['Rota gaps'],
        actionsAgreed: [{ id: 'a1', text: 'Swap shifts', owner: 'manager', done: false }],
      },
      saved.etag,
    );
    expect(filled.item.updatedBy).toBe('sam');
    const agreed = await agreeConversation(deps, as('mgr-1'), 'sam', saved.item.id, filled.etag);
    const record = agreed.view.kind === 'full' ? agreed.view.record : undefined;
    expect(record?.updatedBy).toBe('mgr-1');
    expect(record?.agreement.managerAgreedAt).toBe('2027-05-10T22:30:00.000Z');
  });

  it('under a scheme without that condition, a record with no actions can still be agreed', async () => {
    await setUp('cumbria-vip');
    const saved = await createConversation(deps, as('sam'), 'sam', regular);
    expect(await failureOf(agreeConversation(deps, as('sam'), 'sam', saved.item.id, saved.etag))).toBe('resolved');
  });

  it('ticking an agreed action done keeps the agreement; changing what it says asks both to agree again', async () => {
    await setUp('cumbria-vip');
    const action = { id: 'a1', text: 'Swap shifts', owner: 'manager' as const, done: false };
    const saved = await createConversation(deps, as('mgr-1'), 'sam', { ...regular, actionsAgreed: [action] });
    const one = await agreeConversation(deps, as('sam'), 'sam', saved.item.id, saved.etag);
    const both = await agreeConversation(deps, as('mgr-1'), 'sam', saved.item.id, one.etag);
    const ticked = await updateConversation(
      deps,
      as('sam'),
      'sam',
      saved.item.id,
      { actionsAgreed: [{ ...action, done: true }] },
      both.etag,
    );
    expect(ticked.item.status).toBe('agreed');
    expect(ticked.item.actionsAgreed[0]?.done).toBe(true);
    const reworded = await updateConversation(
      deps,
      as('sam'),
      'sam',
      saved.item.id,
      { actionsAgreed: [{ ...action, text: 'Swap two shifts', done: true }] },
      ticked.etag,
    );
    expect(reworded.item).toMatchObject({ status: 'held', agreement: {} });
  });
});
