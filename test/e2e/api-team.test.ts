/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

// Cumbria (tenant 1): manager 6 has 18–21, manager 5 has 14–17 (17 moved from manager 7, handover pending),
// head 2 is their grandparent, director 1 the senior manager, 11 HR.
const C = { manager: who(1, 6), otherManager: who(1, 5), head: who(1, 2), hr: who(1, 11), colleague: who(1, 19) };
const people = (id: string) => `/api/v1/people/${id}`;

describe('people, scheme and what is due', () => {
  it('a manager sees where each report stands; a colleague sees their own due list; another team’s manager cannot', async () => {
    const team = await api(stack, C.manager, 'GET', '/api/v1/me/team');
    expect(team.status).toBe(200);
    expect(team.json.members.map((m: { person: { id: string } }) => m.person.id).sort()).toEqual(
      // 23 has two line managers, 6 and 7 (000: one role, more than one manager).
      [18, 19, 20, 21, 23].map((n) => who(1, n)).sort(),
    );
    const due = await api(stack, C.colleague, 'GET', `${people(C.colleague)}/due`);
    expect(due.json).toMatchObject({ employeeId: C.colleague, schemeId: 'cumbria-vip', on: REFERENCE_DATE });
    expect(due.json.items.every((i: { policyRef: string }) => /^000/.test(i.policyRef))).toBe(true);
    expect((await api(stack, C.otherManager, 'GET', `${people(C.colleague)}/due`)).status).toBe(403);
    expect((await api(stack, C.otherManager, 'GET', people(C.colleague))).status).toBe(200);
  });

  it('000/004: the scheme route gives the tab the caller’s own pack', async () => {
    const cumbria = await api(stack, C.colleague, 'GET', '/api/v1/scheme');
    expect(cumbria.json.id).toBe('cumbria-vip');
    expect(cumbria.json.annualReview.sections).toHaveLength(5);
    const assembly = await api(stack, who(5, 19), 'GET', '/api/v1/scheme');
    expect(assembly.json.bigPicture.questions.length).toBeGreaterThan(0);
    expect(assembly.json.annualReview).toBeUndefined();
  });
});

describe('feedback, Team Themes, compliance and handover', () => {
  it('004: in-the-moment feedback is seen by the pair, never by HR', async () => {
    const created = await api(stack, C.colleague, 'POST', '/api/v1/feedback', {
      body: { subjectId: C.colleague, kind: 'work-acknowledged', text: 'Closed the Smith case early' },
    });
    expect(created.status).toBe(201);
    const path = `${people(C.colleague)}/feedback`;
    const texts = async (viewer: string) =>
      ((await api(stack, viewer, 'GET', path)).json.items as { text: string }[]).map((f) => f.text);
    expect(await texts(C.manager)).toContain('Closed the Smith case early');
    expect(await texts(C.hr)).not.toContain('Closed the Smith case early');
    const bad = await api(stack, C.colleague, 'POST', '/api/v1/feedback', {
      body: {
        subjectId: C.colleague,
        kind: 'work-acknowledged',
        text: 'x',
        visibility: 'subject-only',
        addToAgenda: true,
      },
    });
    expect(bad.json.error.details[0].path).toBe('addToAgenda');
  });

  it('000 Team Themes: the manager records them for the senior chain; a peer manager cannot read them; a stale ETag is 409', async () => {
    const path = `${people(C.manager)}/team-themes`;
    const put = await api(stack, C.manager, 'PUT', path, {
      body: { period: '2027-Q2', trainingNeeds: ['New casework system'] },
    });
    expect(put.status).toBe(200);
    expect(put.json).toMatchObject({
      managerId: C.manager,
      submittedToId: C.head,
      trainingNeeds: ['New casework system'],
    });
    expect((await api(stack, C.head, 'GET', path)).json.trainingNeeds).toEqual(['New casework system']);
    expect((await api(stack, who(1, 1), 'GET', path)).status).toBe(200);
    expect((await api(stack, C.otherManager, 'GET', path)).status).toBe(403);
    const again = await api(stack, C.manager, 'PUT', path, { body: { period: '2027-Q2' }, ifMatch: put.json.etag });
    expect(again.status).toBe(200);
    const stale = await api(stack, C.manager, 'PUT', path, { body: { period: '2027-Q2' }, ifMatch: put.json.etag });
    expect(stale.status).toBe(409);
  });

  it('003 §8 compliance: the manager, their chain and HR see on-time figures; a colleague does not', async () => {
    const path = `${people(C.manager)}/compliance`;
    const res = await api(stack, C.manager, 'GET', path);
    expect(res.status).toBe(200);
    expect(res.json.quarter).toBe('2027-Q2');
    // Nothing of this team fell due in 2027-Q2, so there is no percentage; two earlier reviews are overdue.
    expect(res.json).toMatchObject({ onTimePercent: null, completed: 0, expected: 0 });
    // The overdue list comes earliest due first, a page at a time.
    expect(res.json.overdue.map((o: { displayName: string }) => o.displayName)).toEqual(['Mohammed Hall', 'Rosa Khan']);
    const dues = res.json.overdue.map((o: { dueDate: string }) => o.dueDate);
    expect(dues).toEqual([...dues].sort());
    // Issue #20: the figures above the list agree with it: both overdue now, both from before the quarter.
    expect(res.json).toMatchObject({ overdueCount: 2, overdueFromEarlierQuarters: 2 });
    expect(res.json.overdue.every((o: { fromEarlierQuarter: boolean }) => o.fromEarlierQuarter)).toBe(true);
    expect((await api(stack, C.hr, 'GET', path)).status).toBe(200);
    expect((await api(stack, C.head, 'GET', path)).status).toBe(200);
    expect((await api(stack, C.colleague, 'GET', path)).status).toBe(403);
  });

  it('000 Internal Transfers: the previous manager writes the handover, then loses access', async () => {
    const moved = who(1, 17);
    const previous = who(1, 7);
    expect((await api(stack, previous, 'GET', `${people(moved)}/due`)).status).toBe(200);
    expect(
      (await api(stack, C.manager, 'POST', `${people(moved)}/handover`, { body: { strengths: 'x' } })).status,
    ).toBe(403);
    const res = await api(stack, previous, 'POST', `${people(moved)}/handover`, {
      body: { strengths: 'Calm with difficult callers', development: 'Wants to learn casework' },
    });
    expect(res.status).toBe(201);
    expect((await api(stack, previous, 'GET', `${people(moved)}/due`)).status).toBe(403);
  });
});

describe('exports', () => {
  it('UK GDPR subject access: the person gets everything held about them, and the export is audited', async () => {
    const colleague = who(1, 20);
    expect((await api(stack, C.manager, 'GET', `${people(colleague)}/subject-access`)).status).toBe(403);
    const res = await api(stack, colleague, 'GET', `${people(colleague)}/subject-access`);
    expect(res.status).toBe(200);
    expect(res.json.person.id).toBe(colleague);
    expect(res.json.conversations.length).toBeGreaterThan(0);
    expect(res.json.conversations.some((c: { notes: string }) => c.notes.length > 0)).toBe(true);
    const audit = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    expect(audit.json.items[0]).toMatchObject({ action: 'export.subject-access', actorId: colleague });
  });

  it('000 iTrent: HR gets dated completion records as CSV, one row per job, with no note text', async () => {
    const token = await stack.tokenFor(C.hr);
    const res = await fetch(`${stack.baseUrl}/api/v1/exports/completions.csv?from=2027-01-01&to=2027-04-30`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'employee_id,employee_name,email,job_id,conversation_type,conversation_label,date,status,agreed_by_both,rating,conversation_id',
    );
    const dual = lines.filter((l) => l.startsWith(who(1, 20)) && l.includes(',2027-04-'));
    expect(new Set(dual.map((l) => l.split(',')[3]))).toEqual(new Set(['job-20-1', 'job-20-2']));
    const demoNotes = stack.demo.conversations
      .filter((c) => c.tenantId === stack.demo.tenants[0]?.tenantId)
      .map((c) => c.notes)
      .filter((n) => n.length > 0);
    expect(demoNotes.length).toBeGreaterThan(0);
    for (const note of demoNotes.slice(0, 20)) expect(lines.join('\n')).not.toContain(note);
    const colleague = await api(stack, C.colleague, 'GET', '/api/v1/exports/completions.csv');
    expect(colleague.status).toBe(403);
    const backwards = await api(stack, C.hr, 'GET', '/api/v1/exports/completions.csv?from=2027-05-01&to=2027-01-01');
    expect(backwards.status).toBe(400);
  });
});

describe('team views beyond my own reports', () => {
  it("002: the grandparent sees where each of a manager's reports stands; that manager's peer cannot", async () => {
    // Bexley (tenant 3): unit manager 5 reports to head of service 2 and manages 13–17.
    const path = `${people(who(3, 5))}/team`;
    const res = await api(stack, who(3, 2), 'GET', path);
    expect(res.status).toBe(200);
    expect(res.json.managerId).toBe(who(3, 5));
    expect(res.json.members.map((m: { person: { id: string } }) => m.person.id)).toEqual(
      expect.arrayContaining([13, 14, 15, 16, 17].map((n) => who(3, n))),
    );
    expect((await api(stack, who(3, 6), 'GET', path)).status).toBe(403);
    expect((await api(stack, who(3, 14), 'GET', path)).status).toBe(403);
  });

  it('004: a coordinator’s team lists the staff without their own PC whose conversations they book', async () => {
    const res = await api(stack, who(5, 13), 'GET', '/api/v1/me/team');
    expect(res.status).toBe(200);
    expect(res.json.members.map((m: { person: { id: string } }) => m.person.id)).toEqual(
      expect.arrayContaining([24, 25, 26].map((n) => who(5, n))),
    );
  });
});
