// How often a pair meet is part of the record they agree (000, 001, 003, 004): who may set it, which
// choices the scheme offers, and when the due list starts following it.
import { inMemoryRepositories } from '@pc/testing/fakes/memory/index.ts';
import { employee, tenant } from '@pc/testing/contracts/fixtures.ts';
import { describe, expect, it } from 'vitest';
import type { ConversationInput } from '../api/conversations.ts';
import type { SchemeId } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import { fixedClock } from '../time/clock.ts';
import { agreeConversation } from './conversation-agreement.ts';
import { updateConversation } from './conversation-updates.ts';
import { createConversation } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { getDue } from './people.ts';

const TENANT = 'tenant-frequency';
const as = (userId: string): Caller => ({ tenantId: TENANT, userId });
const regular = (weeks?: number): ConversationInput => ({
  type: 'regular',
  date: '2027-05-10',
  topics: [],
  sections: {},
  notes: '',
  issuesRaised: ['Workload after the restructure'],
  actionsAgreed: [{ id: 'a1', text: 'Share the rota', owner: 'manager', done: false }],
  agenda: [],
  ...(weeks === undefined ? {} : { agreedRegularEveryWeeks: weeks }),
});

const failureOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved' as const,
    (error: unknown) => (isAppError(error) ? { code: error.code, details: error.details } : error),
  );

const setUp = async (schemeId: SchemeId): Promise<UseCaseDeps> => {
  let ids = 0;
  const deps: UseCaseDeps = {
    repos: inMemoryRepositories(),
    clock: fixedClock('2027-05-10T12:00:00.000Z'),
    newId: () => `record-${String((ids += 1))}`,
  };
  await deps.repos.tenants.put(tenant(TENANT, { schemeId }));
  await deps.repos.employees.create(employee(TENANT, 'mgr-1', { jobs: [] }));
  await deps.repos.employees.create(employee(TENANT, 'sam'));
  return deps;
};

const regularReason = async (deps: UseCaseDeps, on: string): Promise<string> => {
  const report = await getDue(deps, as('sam'), 'sam', on);
  return report.items.find((i) => i.type === 'regular')?.reason ?? '';
};

describe('004 Regular: the pair agree to meet more often in the record they both agree', () => {
  it('004 Regular: the frequency in a record applies once both have agreed it, and the reason says so', async () => {
    const deps = await setUp('assembly-secretariat');
    const saved = await createConversation(deps, as('mgr-1'), 'sam', regular(2));
    expect(saved.item.agreedRegularEveryWeeks).toBe(2);
    expect(await regularReason(deps, '2027-05-20')).not.toContain('every 2 weeks');
    const byManager = await agreeConversation(deps, as('mgr-1'), 'sam', saved.item.id, saved.etag);
    expect(await regularReason(deps, '2027-05-20')).not.toContain('every 2 weeks');
    await agreeConversation(deps, as('sam'), 'sam', saved.item.id, byManager.etag);
    expect(await regularReason(deps, '2027-05-20')).toContain(
      'you meet every 2 weeks, as you agreed on 10 May 2027, so the next is due by 24 May 2027',
    );
  });
  it('004 Regular: changing the frequency re-opens the record for both to agree again', async () => {
    const deps = await setUp('assembly-secretariat');
    const saved = await createConversation(deps, as('sam'), 'sam', regular());
    const first = await agreeConversation(deps, as('sam'), 'sam', saved.item.id, saved.etag);
    const changed = await updateConversation(
      deps,
      as('mgr-1'),
      'sam',
      saved.item.id,
      { agreedRegularEveryWeeks: 1 },
      first.etag,
    );
    expect(changed.item.agreement).toEqual({});
  });
  it('004 Regular: only more often than monthly is on offer', async () => {
    const deps = await setUp('assembly-secretariat');
    expect(await failureOf(createConversation(deps, as('mgr-1'), 'sam', regular(6)))).toMatchObject({
      code: 'validation',
      details: [{ path: 'agreedRegularEveryWeeks' }],
    });
  });
});

describe('000 and 002: who settles the frequency, and where it is not the pair’s to set', () => {
  it('000 Scheduling VIP conversations: the line manager arranges it, and it applies from the conversation', async () => {
    const deps = await setUp('cumbria-vip');
    expect(await failureOf(createConversation(deps, as('sam'), 'sam', { ...regular(2), type: 'team' }))).toMatchObject({
      code: 'forbidden',
    });
    await createConversation(deps, as('mgr-1'), 'sam', regular(2));
    expect(await regularReason(deps, '2027-05-20')).toContain(
      'every 2 weeks, as your line manager set on 10 May 2027; next by 24 May 2027',
    );
  });
  it('002 §2 Reviewing progress: Bexley fixes 1:1s at least every three months, so a record cannot set a frequency', async () => {
    const deps = await setUp('bexley-pms');
    expect(await failureOf(createConversation(deps, as('mgr-1'), 'sam', regular(2)))).toMatchObject({
      code: 'validation',
      details: [{ path: 'agreedRegularEveryWeeks' }],
    });
  });
});
