/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
/**
 * 003 §8 compliance over HTTP for a small Somerset team written into the stack's store, so the
 * figures a manager reads can be worked out by hand: on-time percentage, completed of expected,
 * the overdue list, and no percentage at all for a quarter with nothing due.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE } from './api-helpers.ts';

let stack: Stack;
let tenantId = '';
const token = (oid: string) =>
  stack.issuer.signToken({ tid: tenantId, oid, aud: stack.apiAudience, scp: 'access_as_user', idtyp: 'user' });
const job = (managerIds: string[]) => [
  {
    id: 'job-1',
    title: 'Officer',
    managerIds,
    isMain: true,
    contract: 'substantive' as const,
    startDate: '2020-01-06',
  },
];

beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE }); // 3 May 2027: the quarter is 2027-Q2
  tenantId = stack.demo.tenants.find((t) => t.schemeId === 'somerset-career-conversations')?.tenantId ?? '';
  const person = (id: string, managerIds: string[], incrementalDate?: string) =>
    stack.store.employees.create(
      employee({
        tenantId,
        id,
        displayName: `Person ${id}`,
        startDate: '2020-01-06',
        jobs: job(managerIds),
        ...(incrementalDate === undefined ? {} : { incrementalDate }),
      }),
    );
  await person('cq-manager', []);
  await person('cq-ontime', ['cq-manager'], '2021-04-15'); // due 15 April, held 10 April
  await person('cq-missed', ['cq-manager'], '2021-04-20'); // due 20 April, not held
  await person('cq-later', ['cq-manager'], '2021-06-01'); // due 1 June: not yet counted
  await person('cq-quiet-manager', []);
  await person('cq-november', ['cq-quiet-manager'], '2021-11-01'); // due in Q4
  await person('cq-old-manager', []);
  await person('cq-old', ['cq-old-manager'], '2021-02-01'); // due 1 February, in Q1: overdue from before the quarter
  await stack.store.conversations.create(
    conversation({
      tenantId,
      employeeId: 'cq-ontime',
      managerIds: ['cq-manager'],
      type: 'annual-review',
      status: 'agreed',
      date: '2027-04-10',
    }),
  );
}, 120_000);
afterAll(async () => {
  await stack.close();
});

describe('003 §8 compliance over HTTP', () => {
  it('003: one review on time and one missed of two that fell due is 50%, with the missed one listed', async () => {
    const res = await api(stack, undefined, 'GET', '/api/v1/people/cq-manager/compliance', {
      token: await token('cq-manager'),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ quarter: '2027-Q2', onTimePercent: 50, completed: 1, expected: 2 });
    expect(res.json.overdue).toEqual([
      {
        employeeId: 'cq-missed',
        displayName: 'Person cq-missed',
        type: 'annual-review',
        dueDate: '2027-04-20',
        fromEarlierQuarter: false,
      },
    ]);
    // The summary and the list agree: the one missed this quarter is the one listed (issue #20).
    expect(res.json).toMatchObject({ overdueCount: 1, overdueFromEarlierQuarters: 0 });
  });

  it('003 (issue #20): a review overdue from an earlier quarter is counted above the list, not "nothing due" over it', async () => {
    const res = await api(stack, undefined, 'GET', '/api/v1/people/cq-old-manager/compliance', {
      token: await token('cq-old-manager'),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      onTimePercent: null,
      completed: 0,
      expected: 0,
      overdueCount: 1,
      overdueFromEarlierQuarters: 1,
    });
    expect(res.json.overdue).toEqual([
      {
        employeeId: 'cq-old',
        displayName: 'Person cq-old',
        type: 'annual-review',
        dueDate: '2027-02-01',
        fromEarlierQuarter: true,
      },
    ]);
  });

  it('003: a quarter with nothing due shows no percentage, not 100%', async () => {
    const res = await api(stack, undefined, 'GET', '/api/v1/people/cq-quiet-manager/compliance', {
      token: await token('cq-quiet-manager'),
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ quarter: '2027-Q2', onTimePercent: null, completed: 0, expected: 0 });
  });
});
