/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
/**
 * Issue #17 point 6, "Records that lie": over HTTP against the real stack, a colleague alone
 * cannot make a record claim what only the pair (or the manager) may claim, and the figures that
 * feed compliance and iTrent count only records both agreed or the manager confirmed (004).
 * A small Somerset team is written into the store so the figures can be worked out by hand:
 * on 3 May 2027 (2027-Q2) both colleagues' Career Conversations fell due in April.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, type CallOptions, type Reply } from './api-helpers.ts';

let stack: Stack;
let tenantId = '';
const MANAGER = 'ri-manager';
const SELF = 'ri-self'; // due 15 April 2027
const PAIR = 'ri-pair'; // due 20 April 2027
const people = (id: string) => `/api/v1/people/${id}`;

const as = async (oid: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply> =>
  api(stack, undefined, method, path, {
    ...opts,
    token: await stack.issuer.signToken({
      tid: tenantId,
      oid,
      aud: stack.apiAudience,
      scp: 'access_as_user',
      idtyp: 'user',
    }),
  });

const compliance = async (): Promise<unknown> => (await as(MANAGER, 'GET', `${people(MANAGER)}/compliance`)).json;
const completions = async () =>
  (await as(MANAGER, 'GET', '/api/v1/exports/completions.csv?from=2027-04-01&to=2027-05-03')).text;

/** A refusal a person can read: a sentence, never a permission id. */
const expectSentence = (reply: Reply, status: number) => {
  expect(reply.status).toBe(status);
  expect(reply.json.error.message).toMatch(/^[A-Z].*\.$/);
  expect(reply.json.error.message).not.toMatch(/\b(conversation|objective)\.[a-z]/);
};

beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
  tenantId = stack.demo.tenants.find((t) => t.schemeId === 'somerset-career-conversations')?.tenantId ?? '';
  const person = (id: string, managerIds: string[], incrementalDate?: string) =>
    stack.store.employees.create(
      employee({
        tenantId,
        id,
        displayName: `Person ${id}`,
        startDate: '2020-01-06',
        jobs: [
          {
            id: 'job-1',
            title: 'Officer',
            managerIds,
            isMain: true,
            contract: 'substantive',
            startDate: '2020-01-06',
          },
        ],
        ...(incrementalDate === undefined ? {} : { incrementalDate }),
      }),
    );
  await person(MANAGER, []);
  await person(SELF, [MANAGER], '2021-04-15');
  await person(PAIR, [MANAGER], '2021-04-20');
}, 120_000);
afterAll(async () => {
  await stack.close();
});

describe('#17 point 6: records that lie', () => {
  let selfReviewId = '';
  let selfReviewEtag = '';

  it('#17 point 6: an employee alone cannot record a held annual review for themselves; the manager can', async () => {
    const before = await compliance();
    expect(before).toMatchObject({ quarter: '2027-Q2', expected: 2, completed: 0 });
    const body = { type: 'annual-review', date: '2027-04-14', sections: { wellbeing: 'All fine, honestly.' } };
    const bySelf = await as(SELF, 'POST', `${people(SELF)}/conversations`, { body });
    expectSentence(bySelf, 403);
    expect((await as(SELF, 'GET', `${people(SELF)}/conversations?type=annual-review`)).json.items).toEqual([]);
    expect(await compliance()).toMatchObject({ expected: 2, completed: 0 });
    expect(await completions()).not.toContain(SELF);

    const byManager = await as(MANAGER, 'POST', `${people(SELF)}/conversations`, { body });
    expect(byManager.status).toBe(201);
    expect(byManager.json.record.status).toBe('held');
    selfReviewId = byManager.json.record.id;
    selfReviewEtag = byManager.json.etag;
  });

  it('#17 point 6: an employee cannot cancel the record of a conversation that took place; the manager can', async () => {
    const created = await as(SELF, 'POST', `${people(SELF)}/conversations`, {
      body: { type: 'regular', date: '2027-04-28', issuesRaised: ['Rota gaps'] },
    });
    expect(created.status).toBe(201);
    const path = `${people(SELF)}/conversations/${created.json.record.id as string}`;
    const cancelled = await as(SELF, 'PATCH', path, { body: { status: 'cancelled' }, ifMatch: created.json.etag });
    expectSentence(cancelled, 403);
    expect((await as(SELF, 'GET', path)).json.record.status).toBe('held');
    const annual = `${people(SELF)}/conversations/${selfReviewId}`;
    expectSentence(await as(SELF, 'PATCH', annual, { body: { status: 'cancelled' }, ifMatch: selfReviewEtag }), 403);

    const byManager = await as(MANAGER, 'PATCH', path, { body: { status: 'cancelled' }, ifMatch: created.json.etag });
    expect(byManager.status).toBe(200);
    expect(byManager.json.record.status).toBe('cancelled');
    // Nothing brings a cancelled record back to life; a new one is recorded instead.
    const revived = await as(MANAGER, 'PATCH', path, { body: { status: 'held' }, ifMatch: byManager.json.etag });
    expect(revived.status).toBe(400);
    expect(revived.json.error.details).toEqual([{ path: 'status', message: expect.stringMatching(/cancelled/) }]);
  });

  it('#17 point 6: an employee cannot mark their own objective agreed or achieved; the manager has the final say', async () => {
    const created = await as(SELF, 'POST', `${people(SELF)}/objectives`, {
      body: { kind: 'trust-role', title: 'Cut ward handover time', horizon: 'short', targetDate: '2027-09-30' },
    });
    expect(created.status).toBe(201);
    const path = `${people(SELF)}/objectives/${created.json.id as string}`;
    // Nobody marks a draft achieved: it is agreed first.
    expectSentence(await as(SELF, 'PATCH', path, { body: { status: 'achieved' }, ifMatch: created.json.etag }), 400);
    expectSentence(await as(SELF, 'PATCH', path, { body: { status: 'agreed' }, ifMatch: created.json.etag }), 403);
    const agreed = await as(MANAGER, 'PATCH', path, { body: { status: 'agreed' }, ifMatch: created.json.etag });
    expect(agreed.status).toBe(200);
    const selfAchieved = await as(SELF, 'PATCH', path, { body: { status: 'achieved' }, ifMatch: agreed.json.etag });
    expectSentence(selfAchieved, 403);
    expect((await as(SELF, 'GET', path)).json.status).toBe('agreed');
    const achieved = await as(MANAGER, 'PATCH', path, { body: { status: 'achieved' }, ifMatch: agreed.json.etag });
    expect(achieved.status).toBe(200);
    expect(achieved.json.status).toBe('achieved');
  });

  it('#17 point 6: a progress note names one of the colleague’s conversations or none', async () => {
    const created = await as(SELF, 'POST', `${people(SELF)}/objectives`, {
      body: { kind: 'trust-role', title: 'Mentor a new starter', horizon: 'medium' },
    });
    const path = `${people(SELF)}/objectives/${created.json.id as string}`;
    const made = await as(SELF, 'PATCH', path, {
      body: { progressNote: 'Talked it through.', conversationId: 'no-such-conversation' },
      ifMatch: created.json.etag,
    });
    expect(made.status).toBe(400);
    expect(made.json.error.details.map((d: { path: string }) => d.path)).toContain('conversationId');
    const linked = await as(SELF, 'PATCH', path, {
      body: { progressNote: 'Talked it through.', conversationId: selfReviewId },
      ifMatch: created.json.etag,
    });
    expect(linked.status).toBe(200);
  });

  it('#17 point 6: compliance and the completions CSV count a review only once both agreed it or the manager confirmed it', async () => {
    const review = await as(MANAGER, 'POST', `${people(PAIR)}/conversations`, {
      body: { type: 'annual-review', date: '2027-04-18' },
    });
    expect(review.status).toBe(201);
    const id = review.json.record.id as string;
    const path = `${people(PAIR)}/conversations/${id}`;
    // Written up, but nobody has agreed it yet: neither figure moves.
    expect(await compliance()).toMatchObject({ expected: 2, completed: 0 });
    expect(await completions()).not.toContain(id);
    // The colleague's agreement alone does not make it count either.
    const byColleague = await as(PAIR, 'POST', `${path}/agree`, { body: {}, ifMatch: review.json.etag });
    expect(byColleague.status).toBe(200);
    expect(await compliance()).toMatchObject({ expected: 2, completed: 0 });
    expect(await completions()).not.toContain(id);
    // Both have agreed: it counts, and iTrent gets a row saying so.
    const both = await as(MANAGER, 'POST', `${path}/agree`, { body: {}, ifMatch: byColleague.json.etag });
    expect(both.json.record.status).toBe('agreed');
    expect(await compliance()).toMatchObject({ expected: 2, completed: 1, onTimePercent: 50 });
    const row = (await completions()).split('\r\n').find((l) => l.includes(id));
    expect(row?.split(',').slice(4, 9)).toEqual([
      'annual-review',
      'Career Conversation',
      '2027-04-18',
      'agreed',
      'yes',
    ]);

    // The manager confirming the review they wrote is enough for it to count (004: final say).
    const selfPath = `${people(SELF)}/conversations/${selfReviewId}`;
    const current = await as(MANAGER, 'GET', selfPath);
    const confirmed = await as(MANAGER, 'POST', `${selfPath}/agree`, { body: {}, ifMatch: current.json.etag });
    expect(confirmed.status).toBe(200);
    expect(await compliance()).toMatchObject({ expected: 2, completed: 2, onTimePercent: 100 });
    expect(await completions()).toContain(selfReviewId);
  });
});
