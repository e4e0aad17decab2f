// Conversation records over the in-memory repositories: who may say a conversation was held, who
// may cancel one, and what the completions export counts (004; #17 point 6).
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { conversation, employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationInput } from '../api/conversations.ts';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import { agreeConversation } from './conversation-agreement.ts';
import { updateConversation } from './conversation-updates.ts';
import { createConversation, getConversation } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { completionsCsv } from './completions-csv.ts';

const TENANT = 'tenant-records';
const as = (userId: string): Caller => ({ tenantId: TENANT, userId });

const review: ConversationInput = {
  type: 'annual-review',
  date: '2027-05-03',
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: [],
  actionsAgreed: [],
  agenda: [],
};
const regular: ConversationInput = { ...review, type: 'regular', issuesRaised: ['Rota gaps'] };

const failureOf = async (promise: Promise<unknown>): Promise<{ code: string; message: string } | 'resolved'> =>
  promise.then(
    () => 'resolved' as const,
    (error: unknown) => (isAppError(error) ? { code: error.code, message: error.message } : { code: '?', message: '' }),
  );

let deps: UseCaseDeps;

beforeEach(async () => {
  let ids = 0;
  deps = {
    repos: inMemoryRepositories(),
    clock: fixedClock('2027-05-10T09:00:00.000Z'),
    newId: () => `record-${String((ids += 1))}`,
  };
  await deps.repos.tenants.put(tenant(TENANT));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
});

const csvRows = async () =>
  (await completionsCsv(deps, as('mgr-1'), { from: '2027-01-01', to: '2027-05-10' })).trim().split('\r\n').slice(1);

describe('conversation records follow the lifecycle (004)', () => {
  it('000 Recording Appraisal Information: the colleague alone cannot record their annual review; the manager can', async () => {
    const refused = await failureOf(createConversation(deps, as('sam'), 'sam', review));
    expect(refused).toMatchObject({ code: 'forbidden' });
    expect(refused !== 'resolved' && refused.message).toMatch(/line manager records/);
    expect(await deps.repos.conversations.listForEmployee(TENANT, 'sam', {})).toMatchObject({ items: [] });
    const recorded = await createConversation(deps, as('mgr-1'), 'sam', review);
    expect(recorded.item).toMatchObject({ status: 'held', managerIds: ['mgr-1'], agreement: {} });
  });

  it('004 Regular conversations: the colleague writes one up, but only the manager cancels it once held', async () => {
    const created = await createConversation(deps, as('sam'), 'sam', regular);
    const patch = { status: 'cancelled' } as const;
    expect(
      await failureOf(updateConversation(deps, as('sam'), 'sam', created.item.id, patch, created.etag)),
    ).toMatchObject({ code: 'forbidden' });
    expect((await getConversation(deps, as('sam'), 'sam', created.item.id)).etag).toBe(created.etag);
    const cancelled = await updateConversation(deps, as('mgr-1'), 'sam', created.item.id, patch, created.etag);
    expect(cancelled.item.status).toBe('cancelled');
  });

  it('004: an agreed record is not cancelled by a change of status; nobody may', async () => {
    const created = await createConversation(deps, as('mgr-1'), 'sam', regular);
    const one = await agreeConversation(deps, as('sam'), 'sam', created.item.id, created.etag);
    const both = await agreeConversation(deps, as('mgr-1'), 'sam', created.item.id, one.etag);
    const attempt = updateConversation(deps, as('mgr-1'), 'sam', created.item.id, { status: 'cancelled' }, both.etag);
    const refused = await failureOf(attempt);
    expect(refused).toMatchObject({ code: 'validation' });
    expect(refused !== 'resolved' && refused.message).toMatch(/agreed by you both/);
  });

  it('000 iTrent export: a review is a completion only once the manager confirmed it or both agreed it', async () => {
    const created = await createConversation(deps, as('mgr-1'), 'sam', review);
    expect(await csvRows()).toEqual([]);
    const byColleague = await agreeConversation(deps, as('sam'), 'sam', created.item.id, created.etag);
    expect(await csvRows()).toEqual([]);
    await agreeConversation(deps, as('mgr-1'), 'sam', created.item.id, byColleague.etag);
    const rows = await csvRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.split(',').slice(6, 9)).toEqual(['2027-05-03', 'agreed', 'yes']);
  });

  it('a conversation booked in both calendars is cancelled through its booking, never by relabelling the record', async () => {
    const booking = {
      bookedBy: 'mgr-1',
      start: '2027-05-20T09:00:00.000Z',
      end: '2027-05-20T10:00:00.000Z',
      eventIds: { 'mgr-1': 'event-1' },
    };
    const booked = await deps.repos.conversations.create(
      conversation(TENANT, 'booked-1', { employeeId: 'sam', status: 'booked', date: '2027-05-20', booking }),
    );
    const attempt = updateConversation(deps, as('mgr-1'), 'sam', 'booked-1', { status: 'cancelled' }, booked.etag);
    const refused = await failureOf(attempt);
    expect(refused).toMatchObject({ code: 'validation' });
    expect(refused !== 'resolved' && refused.message).toMatch(/cancel the booking/);
    expect((await getConversation(deps, as('sam'), 'sam', 'booked-1')).etag).toBe(booked.etag);
  });
});
