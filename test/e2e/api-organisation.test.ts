/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- responses are read as loose JSON */
/**
 * The organisation views over HTTP on the Somerset demo (policy 003_6937000bba1c4f49.txt §8
 * compliance monitoring, 003 §5.8 pay-step deferrals) and Team Themes (policy
 * 000_ba03dd1a34829aac.txt): HR sees the whole organisation, the senior manager their service,
 * both by department with a drill-down to who is overdue; no note text travels upward. The
 * auditor reads the trail of exceptional access (003 §6) across the organisation, with filters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const NOTE = 'Private: spoke about a family matter affecting the rota.';
const SUMMARY = 'Individual summary naming a colleague that must stay put.';
const S = {
  director: who(4, 1),
  head: who(4, 2),
  manager5: who(4, 5),
  manager6: who(4, 6),
  hr: who(4, 11),
  auditor: who(4, 12),
  overdue: who(4, 18),
  appellant: who(4, 19),
  colleague: who(4, 20),
};
const PATH = '/api/v1/organisation/compliance';

describe('organisation views (003 §8, 000 Team Themes)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    const tenantId = stack.demo.tenants.find((t) => t.schemeId === 'somerset-career-conversations')?.tenantId ?? '';
    await stack.store.conversations.create(
      conversation({ tenantId, employeeId: S.overdue, managerIds: [S.manager6], date: '2027-04-01', notes: NOTE }),
    );
    await stack.store.conversations.create(
      conversation({
        tenantId,
        id: 'org-appeal-review',
        employeeId: S.appellant,
        managerIds: [S.manager6],
        type: 'annual-review',
        status: 'agreed',
        date: '2027-04-12',
        notes: NOTE,
        appeal: { lodgedOn: '2027-04-20', lodgedBy: S.appellant, lodgedByRepresentative: false, grounds: NOTE },
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await stack.close();
  });
  it('003 §8: HR sees four quarters, each department, overdue people, deferrals and appeals, and no note text', async () => {
    const res = await api(stack, S.hr, 'GET', PATH);
    expect(res.status).toBe(200);
    expect(res.json.kind).toBe('organisation');
    expect(res.json.quarters.map((q: { label: string }) => q.label)).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
    ]);
    const names = res.json.units.map((u: { name: string }) => u.name);
    expect(names).toEqual(
      expect.arrayContaining([expect.stringContaining('Surgery'), expect.stringContaining('Community Services')]),
    );
    const overdueIds = res.json.overdue.map((o: { employeeId: string }) => o.employeeId);
    expect(overdueIds).toContain(S.overdue);
    expect(res.json.overdueTotal).toBe(res.json.units.reduce((n: number, u: { overdue: number }) => n + u.overdue, 0));
    // 003 §5.8: person 28's mandatory training is incomplete, so their pay step is deferred.
    expect(res.json.deferrals).toBeGreaterThanOrEqual(1);
    expect(res.json.appeals).toEqual({ lodged: 1, open: 1 });
    expect(res.text).not.toContain(NOTE);
  });

  it('003 §8: choosing a department lists only its overdue people', async () => {
    const all = await api(stack, S.hr, 'GET', PATH);
    const unitOf18 = all.json.overdue.find((o: { employeeId: string }) => o.employeeId === S.overdue).unitId;
    const unit = all.json.units.find((u: { id: string }) => u.id === unitOf18);
    const res = await api(stack, S.hr, 'GET', `${PATH}?unit=${encodeURIComponent(unitOf18)}`);
    expect(res.status).toBe(200);
    expect(res.json.overdue.length).toBe(unit.overdue);
    expect(res.json.overdue.every((o: { unitId: string }) => o.unitId === unitOf18)).toBe(true);
    expect(unit.appeals).toBe(1);
  });

  it('the senior manager sees their service below them, by the heads reporting to them; staff and auditors are refused', async () => {
    const res = await api(stack, S.director, 'GET', PATH);
    expect(res.status).toBe(200);
    expect(res.json.kind).toBe('service');
    expect(res.json.units.map((u: { id: string }) => u.id)).toContain(S.head);
    expect(res.json.overdue.map((o: { employeeId: string }) => o.employeeId)).not.toContain(S.director);
    expect(res.text).not.toContain(NOTE);
    expect((await api(stack, S.colleague, 'GET', PATH)).status).toBe(403);
    expect((await api(stack, S.auditor, 'GET', PATH)).status).toBe(403);
    expect((await api(stack, S.head, 'GET', PATH)).status).toBe(403);
  });

  it('000 Team Themes: the senior manager sees needs collated across managers, without summaries', async () => {
    for (const manager of [S.manager5, S.manager6]) {
      const put = await api(stack, manager, 'PUT', `/api/v1/people/${manager}/team-themes`, {
        body: {
          period: '2027-Q1',
          trainingNeeds: ['Safeguarding level 3 refresher'],
          systemNeeds: manager === S.manager6 ? ['Rostering system is slow'] : [],
          summary: SUMMARY,
        },
      });
      expect(put.status).toBe(200);
    }
    const res = await api(stack, S.director, 'GET', '/api/v1/organisation/team-themes');
    expect(res.status).toBe(200);
    expect(res.json.training).toEqual([
      {
        text: 'Safeguarding level 3 refresher',
        managers: expect.arrayContaining([expect.any(String), expect.any(String)]),
      },
    ]);
    expect(res.json.training[0].managers).toHaveLength(2);
    expect(res.json.systems.map((t: { text: string }) => t.text)).toEqual(['Rostering system is slow']);
    expect(res.json.managers).toHaveLength(2);
    expect(res.text).not.toContain(SUMMARY);
    expect((await api(stack, S.colleague, 'GET', '/api/v1/organisation/team-themes')).status).toBe(403);
  });

  it("003 §6: the auditor reads the organisation's trail, narrowed by actor, person, action and dates; others are refused", async () => {
    const reason = 'Serious incident review SIR-2027-07';
    const opened = await api(
      stack,
      S.hr,
      'POST',
      `/api/v1/people/${S.appellant}/conversations/org-appeal-review/exceptional-access`,
      { body: { category: 'serious-incident', text: reason } },
    );
    expect(opened.status).toBe(200);
    const trail = await api(stack, S.auditor, 'GET', `/api/v1/organisation/audit?actorId=${S.hr}`);
    expect(trail.status).toBe(200);
    expect(trail.json.items[0]).toMatchObject({
      action: 'exceptional-access',
      actorId: S.hr,
      subjectId: S.appellant,
      reason: { category: 'serious-incident', text: reason },
    });
    expect(trail.json.items[0].actorName).not.toBe(S.hr);
    const narrowed = `/api/v1/organisation/audit?personId=${S.appellant}&action=exceptional-access&from=${REFERENCE_DATE}&to=${REFERENCE_DATE}`;
    expect((await api(stack, S.auditor, 'GET', narrowed)).json.items.length).toBeGreaterThanOrEqual(1);
    const before = await api(
      stack,
      S.auditor,
      'GET',
      `/api/v1/organisation/audit?personId=${S.appellant}&to=2027-01-01`,
    );
    expect(before.json.items).toEqual([]);
    expect((await api(stack, S.director, 'GET', '/api/v1/organisation/audit')).status).toBe(403);
    expect((await api(stack, S.colleague, 'GET', '/api/v1/organisation/audit')).status).toBe(403);
  });
});
