/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
import { isoWeekKey } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendQueueStore } from '../../bot/src/cosmos/bot-state.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

const people = (id: string) => `/api/v1/people/${id}`;
const NOTE = 'Talked about the restructure and a hard winter.';
const GROUNDS = 'The documentation leaves out the housing project I led from October.';
const tenantOf = (n: number): string => stack.demo.tenants[n - 1]?.tenantId ?? '';

/** Who was sent a card about an appeal this week: the proactive queue's items, by person and deep link. */
const cardsQueued = async (tenant: number, appealId: string): Promise<string[]> => {
  const queue = createSendQueueStore((kind, partition) => stack.store.keyValues(kind, partition));
  const page = await queue.scan(tenantOf(tenant), isoWeekKey(REFERENCE_DATE));
  return page.items
    .filter((s) => JSON.stringify(s.item.card).includes(`/tab/#/appeals/${appealId}`))
    .map((s) => s.item.personId)
    .sort();
};

const review = async (manager: string, colleague: string, date: string) => {
  const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
    body: { type: 'annual-review', date, notes: NOTE },
  });
  expect(created.status).toBe(201);
  return created.json.record.id as string;
};

describe('002 Appendix 6 (Bexley): appeals against the annual assessment', () => {
  // Tenant 3: staff 24 → manager 7 → head 3 (the grandparent) → director 1 (the grandparent's manager); 11 is HR.
  const colleague = who(3, 24);
  const manager = who(3, 7);
  const grandparent = who(3, 3);
  const hearer = who(3, 1);
  const hr = who(3, 11);

  it('002 Appendix 6: lodged in writing to the grandparent within 10 working days, by a union representative on the employee’s behalf; the hearer and HR read the grounds, the manager does not', async () => {
    const conversationId = await review(manager, colleague, REFERENCE_DATE);
    const window = await api(stack, colleague, 'GET', `${people(colleague)}/conversations/${conversationId}/appeal`);
    // 3 May 2027 is the Early May bank holiday; the tenth working day after it is 17 May.
    expect(window.json).toMatchObject({ allowed: true, lodgeBy: '2027-05-17', to: grandparent });
    const body = { personId: colleague, conversationId, grounds: GROUNDS, representative: 'Pat Rep, UNISON' };
    expect((await api(stack, manager, 'POST', '/api/v1/appeals', { body })).status).toBe(403);
    const lodged = await api(stack, colleague, 'POST', '/api/v1/appeals', { body });
    expect(lodged.status).toBe(201);
    expect(lodged.json).toMatchObject({
      roles: ['appellant'],
      lodgeWithId: grandparent,
      hearerId: hearer,
      representative: 'Pat Rep, UNISON',
      grounds: GROUNDS,
      deadlines: [{ step: 'lodge', by: '2027-05-17', doneOn: REFERENCE_DATE, overdue: false }],
    });
    const id = lodged.json.id as string;
    // Lodged → the grandparent, the hearer and HR are each carded, with a deep link to the appeal.
    expect(await cardsQueued(3, id)).toEqual([grandparent, hearer, hr].sort());

    const asManager = await api(stack, manager, 'GET', `/api/v1/appeals/${id}`);
    expect(asManager.status).toBe(200);
    expect(asManager.json.roles).toEqual(['manager']);
    expect(asManager.text).not.toContain('housing project');
    // Nor through the review itself, which the manager reads in full: the grounds live on the appeal.
    const record = await api(stack, manager, 'GET', `${people(colleague)}/conversations/${conversationId}`);
    expect(record.json.record.appeal).toMatchObject({ lodgedOn: REFERENCE_DATE, lodgedByRepresentative: true });
    expect(record.text).not.toContain('housing project');
    const asHearer = await api(stack, hearer, 'GET', `/api/v1/appeals/${id}`);
    expect(asHearer.json).toMatchObject({ roles: ['hearer'], grounds: GROUNDS });
    expect((await api(stack, who(3, 28), 'GET', `/api/v1/appeals/${id}`)).status).toBe(404);
    const queue = await api(stack, hr, 'GET', '/api/v1/appeals?open=true');
    expect(queue.json.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(queue.text).not.toContain('housing project');
    expect(queue.text).not.toContain(NOTE);

    // A second appeal against the same review is refused.
    expect((await api(stack, colleague, 'POST', '/api/v1/appeals', { body })).status).toBe(400);
  });

  it('002 Appendix 6 §2: heard by the grandparent’s manager with HR present, decided in writing within 5 working days, extended only by mutual consent, final; each step audited', async () => {
    const other = who(3, 25);
    const conversationId = await review(manager, other, REFERENCE_DATE);
    const lodged = await api(stack, other, 'POST', '/api/v1/appeals', {
      body: { personId: other, conversationId, grounds: GROUNDS },
    });
    const path = `/api/v1/appeals/${lodged.json.id as string}`;
    const before = await api(stack, hr, 'GET', path);
    // The hearing is recorded by HR, with an HR adviser present; the manager who held the review cannot stand in.
    const notHr = await api(stack, hr, 'PUT', `${path}/hearing`, {
      body: { on: REFERENCE_DATE, at: '10:00', hrPresentId: manager },
      ifMatch: before.json.etag,
    });
    expect(notHr.status).toBe(400);
    const heard = await api(stack, hr, 'PUT', `${path}/hearing`, {
      body: { on: REFERENCE_DATE, at: '10:00', hrPresentId: hr, others: ['Pat Rep, UNISON'] },
      ifMatch: before.json.etag,
    });
    expect(heard.status).toBe(200);
    // Five working days after Monday 3 May: Monday 10 May.
    expect(heard.json.deadlines).toContainEqual({ step: 'decide', by: '2027-05-10', overdue: false });

    const proposed = await api(stack, hearer, 'POST', `${path}/extensions`, {
      body: { workingDays: 3, reason: 'Checking the project records with the service' },
      ifMatch: heard.json.etag,
    });
    expect(proposed.status).toBe(200);
    expect(proposed.json.deadlines).toContainEqual({ step: 'decide', by: '2027-05-10', overdue: false });
    const selfAgreed = await api(stack, hearer, 'POST', `${path}/extensions/ext-1/agree`, {
      body: {},
      ifMatch: proposed.json.etag,
    });
    expect(selfAgreed.status).toBe(403);
    const agreed = await api(stack, other, 'POST', `${path}/extensions/ext-1/agree`, {
      body: {},
      ifMatch: proposed.json.etag,
    });
    expect(agreed.json.deadlines).toContainEqual({ step: 'decide', by: '2027-05-13', overdue: false });

    expect(
      (
        await api(stack, hr, 'POST', `${path}/decision`, {
          body: { outcome: 'upheld', text: 'x' },
          ifMatch: agreed.json.etag,
        })
      ).status,
    ).toBe(403);
    const decided = await api(stack, hearer, 'POST', `${path}/decision`, {
      body: { outcome: 'upheld', text: 'The project is added; the rating becomes 2.' },
      ifMatch: agreed.json.etag,
    });
    expect(decided.json).toMatchObject({ stage: 'decided', final: true, decision: { outcome: 'upheld' } });
    const again = await api(stack, hearer, 'POST', `${path}/decision`, {
      body: { outcome: 'not-upheld', text: 'Changed my mind' },
      ifMatch: decided.json.etag,
    });
    expect(again.status).toBe(409);
    const managerView = await api(stack, manager, 'GET', path);
    expect(managerView.json.decision).toEqual({ on: REFERENCE_DATE, by: hearer, outcome: 'upheld' });
    expect((await api(stack, other, 'GET', path)).json.decision.text).toBe(
      'The project is added; the rating becomes 2.',
    );
    // Decided → the appellant is carded (as at the hearing and the agreed extension).
    expect(await cardsQueued(3, lodged.json.id as string)).toEqual(
      [grandparent, hearer, hr, other, other, other].sort(),
    );

    const audit = await api(stack, other, 'GET', `${people(other)}/audit`);
    const actions = audit.json.items.map((e: { action: string }) => e.action);
    for (const step of [
      'appeal.lodged',
      'appeal.grounds-read',
      'appeal.hearing-recorded',
      'appeal.extension-proposed',
      'appeal.extension-agreed',
      'appeal.decided',
    ]) {
      expect(actions).toContain(step);
    }
  });

  it('002 §6 and Appendix 6 §4: a Management Board member is pointed to the separate arrangements', async () => {
    const board = who(3, 26);
    const stored = await stack.store.employees.get(tenantOf(3), board);
    if (stored === undefined) throw new Error('demo person missing');
    await stack.store.employees.update({ ...stored.item, staffGroups: ['management-board'] }, stored.etag);
    const conversationId = await review(who(3, 8), board, REFERENCE_DATE);
    const window = await api(stack, board, 'GET', `${people(board)}/conversations/${conversationId}/appeal`);
    expect(window.json.allowed).toBe(false);
    expect(window.json.explanation).toContain('Member Employee Appeals Panel');
    const lodged = await api(stack, board, 'POST', '/api/v1/appeals', {
      body: { personId: board, conversationId, grounds: GROUNDS },
    });
    expect(lodged.status).toBe(400);
  });
});

describe('003 §5.10 (Somerset): appeals against the career conversation', () => {
  // Tenant 4: staff 30 → manager 9 → head 4 (the next-in-line manager); 11 is People Services.
  const colleague = who(4, 30);
  const manager = who(4, 9);
  const nextInLine = who(4, 4);
  const hr = who(4, 11);

  it('003 §5.10: within 14 calendar days of the conversation, to the next-in-line manager, a copy to People Services, acknowledged within 7 days, People Services present, outcome recorded, final', async () => {
    const late = await review(manager, who(4, 31), '2027-04-18');
    const refused = await api(stack, who(4, 31), 'POST', '/api/v1/appeals', {
      body: { personId: who(4, 31), conversationId: late, grounds: GROUNDS },
    });
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain('within 14 calendar days');

    const conversationId = await review(manager, colleague, '2027-04-25');
    const byRep = await api(stack, colleague, 'POST', '/api/v1/appeals', {
      body: { personId: colleague, conversationId, grounds: GROUNDS, representative: 'Pat Rep' },
    });
    expect(byRep.status).toBe(400);
    const lodged = await api(stack, colleague, 'POST', '/api/v1/appeals', {
      body: { personId: colleague, conversationId, grounds: GROUNDS },
    });
    expect(lodged.json).toMatchObject({
      hearerId: nextInLine,
      deadlines: [
        { step: 'lodge', by: '2027-05-09', doneOn: REFERENCE_DATE, overdue: false },
        { step: 'acknowledge', by: '2027-05-10', overdue: false },
      ],
    });
    const id = lodged.json.id as string;
    const path = `/api/v1/appeals/${id}`;
    expect(await cardsQueued(4, id)).toEqual([hr, nextInLine].sort());
    // People Services has its copy: HR reads the grounds; the manager who held the conversation does not.
    expect((await api(stack, hr, 'GET', path)).json.grounds).toBe(GROUNDS);
    expect((await api(stack, manager, 'GET', path)).json.grounds).toBeUndefined();

    const current = await api(stack, nextInLine, 'GET', path);
    expect((await api(stack, hr, 'POST', `${path}/acknowledge`, { body: {}, ifMatch: current.json.etag })).status).toBe(
      403,
    );
    const acknowledged = await api(stack, nextInLine, 'POST', `${path}/acknowledge`, {
      body: {},
      ifMatch: current.json.etag,
    });
    expect(acknowledged.json.deadlines[1]).toEqual({
      step: 'acknowledge',
      by: '2027-05-10',
      doneOn: REFERENCE_DATE,
      overdue: false,
    });
    expect(acknowledged.json.may.proposeExtension).toBe(false);
    const noExtension = await api(stack, colleague, 'POST', `${path}/extensions`, {
      body: { workingDays: 2, reason: 'More time please' },
      ifMatch: acknowledged.json.etag,
    });
    expect(noExtension.status).toBe(400);
    const met = await api(stack, nextInLine, 'PUT', `${path}/hearing`, {
      body: { on: REFERENCE_DATE, at: '14:30', hrPresentId: hr },
      ifMatch: acknowledged.json.etag,
    });
    expect(met.json.hearing).toMatchObject({ hrPresentId: hr, on: REFERENCE_DATE });
    const decided = await api(stack, nextInLine, 'POST', `${path}/decision`, {
      body: { outcome: 'not-upheld', text: 'The rating stands; a development plan is agreed.' },
      ifMatch: met.json.etag,
    });
    expect(decided.json).toMatchObject({ final: true, decision: { outcome: 'not-upheld' } });
    expect(await cardsQueued(4, id)).toEqual([colleague, colleague, colleague, hr, nextInLine].sort());
  });
});

describe('004 (Assembly): a disagreement reaches HR and stops the record counting', () => {
  // Tenant 5: staff 30 → manager 9; 11 is the HR Office.
  const colleague = who(5, 30);
  const manager = who(5, 9);
  const hr = who(5, 11);

  it('004: HR sees the disagreement without its text; the record does not count as held until both agree it again; form sent and closed, audited', async () => {
    const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
      body: {
        type: 'regular',
        date: '2027-04-28',
        notes: NOTE,
        issuesRaised: ['Workload'],
        actionsAgreed: [{ id: 'a1', text: 'Move two cases', owner: 'manager' }],
      },
    });
    const path = `${people(colleague)}/conversations/${created.json.record.id as string}`;
    const managerAgreed = await api(stack, manager, 'POST', `${path}/agree`, { body: {}, ifMatch: created.json.etag });
    const disagreed = await api(stack, colleague, 'POST', `${path}/disagree`, {
      body: { text: 'The workload figures are wrong.' },
      ifMatch: managerAgreed.json.etag,
    });
    expect(disagreed.status).toBe(200);

    expect((await api(stack, manager, 'GET', '/api/v1/disagreements')).status).toBe(403);
    const list = await api(stack, hr, 'GET', '/api/v1/disagreements');
    const item = list.json.items.find((d: { employeeId: string }) => d.employeeId === colleague);
    expect(item).toMatchObject({ stage: 'open', recordStatus: 'held', countsAsHeld: false, managerIds: [manager] });
    expect(list.text).not.toContain('workload figures');
    expect(list.text).not.toContain(NOTE);

    const sent = await api(stack, hr, 'POST', `/api/v1/disagreements/${item.id as string}`, {
      body: { step: 'form-sent' },
      ifMatch: item.etag,
    });
    expect(sent.json).toMatchObject({ stage: 'form-sent', formSentOn: REFERENCE_DATE });

    // Talked through: the colleague agrees the record again, and it counts.
    const view = await api(stack, colleague, 'GET', path);
    expect((await api(stack, colleague, 'POST', `${path}/agree`, { body: {}, ifMatch: view.json.etag })).status).toBe(
      200,
    );
    const after = await api(stack, hr, 'GET', '/api/v1/disagreements');
    const settled = after.json.items.find((d: { id: string }) => d.id === item.id);
    expect(settled).toMatchObject({ recordStatus: 'agreed', countsAsHeld: true });
    const closed = await api(stack, hr, 'POST', `/api/v1/disagreements/${item.id as string}`, {
      body: { step: 'closed' },
      ifMatch: settled.etag,
    });
    expect(closed.json.stage).toBe('closed');
    const audit = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    const actions = audit.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['disagreement.form-sent', 'disagreement.closed']));
  });
});
