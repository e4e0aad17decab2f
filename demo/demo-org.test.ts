import { SCHEME_IDS, addMonths } from '@pc/core';
import { describe, expect, it } from 'vitest';
import { dueConversations } from '../core/src/engine/index.ts';
import { schemePacks } from '../core/src/scheme/index.ts';
import { DEMO_STORIES, DEMO_TENANT_IDS, buildDemoOrg, demoPerson, demoPersonId } from './demo-org.ts';

const REF = '2027-05-01';
const org = buildDemoOrg(REF);

const byTenant = (tenantId: string) => org.employees.filter((e) => e.tenantId === tenantId);

describe('demo organisation', () => {
  it('has one tenant per scheme pack, with fixed ids and the right nations', () => {
    expect(org.tenants.map((t) => t.schemeId).sort()).toEqual([...SCHEME_IDS].sort());
    for (const t of org.tenants) expect(t.tenantId).toBe(DEMO_TENANT_IDS[t.schemeId]);
    const nation = Object.fromEntries(org.tenants.map((t) => [t.schemeId, t.nation]));
    expect(nation).toEqual({
      'cumbria-vip': 'england-and-wales',
      'leicestershire-apr': 'england-and-wales',
      'bexley-pms': 'england-and-wales',
      'somerset-career-conversations': 'england-and-wales',
      'assembly-secretariat': 'northern-ireland',
    });
    expect(org.tenants.find((t) => t.schemeId === 'cumbria-vip')?.name).toBe('Cumbria County Council (demo)');
  });

  it('gives every tenant at least 25 people, an HR person, an auditor and a senior manager', () => {
    for (const t of org.tenants) {
      const people = byTenant(t.tenantId);
      expect(people.length).toBeGreaterThanOrEqual(25);
      for (const role of ['hr', 'auditor', 'senior-manager'] as const) {
        expect(
          people.some((p) => p.orgRoles.includes(role)),
          `${t.schemeId} ${role}`,
        ).toBe(true);
      }
    }
  });

  it('resolves every manager id inside the same tenant and gives everyone at least one job', () => {
    const ids = new Set(org.employees.map((e) => `${e.tenantId}/${e.id}`));
    for (const e of org.employees) {
      expect(e.jobs.length).toBeGreaterThanOrEqual(1);
      expect(e.jobs.filter((j) => j.isMain)).toHaveLength(1);
      for (const m of e.jobs.flatMap((j) => j.managerIds)) expect(ids.has(`${e.tenantId}/${m}`)).toBe(true);
    }
  });

  it('has a grandparent chain (staff → manager → head of service) in every tenant', () => {
    for (const t of org.tenants) {
      const people = new Map(byTenant(t.tenantId).map((e) => [e.id, e]));
      const managerOf = (id: string) => people.get(id)?.jobs.find((j) => j.isMain)?.managerIds[0];
      const staff = demoPersonId((org.tenants.indexOf(t) + 1) as 1, 30);
      const grandparent = managerOf(managerOf(staff)!);
      expect(grandparent).toBeDefined();
      expect(managerOf(grandparent!)).toBeDefined();
    }
  });

  it('has unique ids and unique memorable emails', () => {
    const emails = org.employees.map((e) => e.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(new Set(org.employees.map((e) => e.id)).size).toBe(org.employees.length);
    expect(emails).toContain('aisha.khan@bexley.demo');
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+@[a-z]+\.demo$/);
  });

  it('is deterministic for a reference date', () => {
    expect(buildDemoOrg(REF)).toEqual(org);
  });

  it('covers the interesting cases relative to the reference date', () => {
    const bexley = (n: number) => demoPerson(demoPersonId(3, n), REF, org)!.employee;
    expect(bexley(DEMO_STORIES.newStarter).probation.status).toBe('in-probation');
    expect(bexley(DEMO_STORIES.newStarter).startDate > addMonths(REF, -1)).toBe(true);
    expect(bexley(DEMO_STORIES.backFromMaternity).leave[0]).toMatchObject({ kind: 'maternity' });
    expect(bexley(DEMO_STORIES.longSick).leave[0]?.end).toBeUndefined();
    expect(bexley(DEMO_STORIES.transfer).managerChanges[0]?.handoverCompletedOn).toBeUndefined();
    expect(
      org.employees.filter((e) => e.tenantId === DEMO_TENANT_IDS['bexley-pms']).every((e) => e.jobs[0]?.jobFamily),
    ).toBe(true);

    const cumbria = (n: number) => demoPerson(demoPersonId(1, n), REF, org)!.employee;
    const same = cumbria(DEMO_STORIES.dualSameManager).jobs;
    expect(same).toHaveLength(2);
    expect(same[0]?.managerIds).toEqual(same[1]?.managerIds);
    const different = cumbria(DEMO_STORIES.dualDifferentManagers).jobs;
    expect(different[0]?.managerIds).not.toEqual(different[1]?.managerIds);

    const assembly = org.employees.filter((e) => e.tenantId === DEMO_TENANT_IDS['assembly-secretariat']);
    expect(assembly.filter((e) => !e.hasOwnPc).length).toBeGreaterThanOrEqual(2);
    expect(assembly.some((e) => e.orgRoles.includes('coordinator'))).toBe(true);
    expect(assembly.some((e) => e.jobs.some((j) => j.actingUp))).toBe(true);

    const somerset = org.employees.filter((e) => e.tenantId === DEMO_TENANT_IDS['somerset-career-conversations']);
    expect(somerset.every((e) => e.incrementalDate !== undefined && e.payStep !== undefined)).toBe(true);
  });

  it('has history: agreed and held records, some overdue, plus objectives and feedback', () => {
    const statuses = new Set(org.conversations.map((c) => c.status));
    expect([...statuses].sort()).toEqual(['agreed', 'booked', 'held']);
    const overdue = demoPerson(demoPersonId(1, DEMO_STORIES.overdue[0]), REF, org)!;
    const lastReview = overdue.conversations
      .filter((c) => c.type === 'annual-review')
      .map((c) => c.date)
      .sort()
      .at(-1);
    expect(lastReview! < addMonths(REF, -12)).toBe(true);
    expect(org.objectives.length).toBeGreaterThan(20);
    expect(org.feedback.length).toBeGreaterThan(10);
    const ids = new Set(org.employees.map((e) => e.id));
    for (const c of org.conversations) {
      expect(ids.has(c.employeeId)).toBe(true);
      expect(c.date >= org.employees.find((e) => e.id === c.employeeId)!.startDate).toBe(true);
    }
    expect(new Set(org.conversations.map((c) => `${c.tenantId}/${c.id}`)).size).toBe(org.conversations.length);
  });

  it('derives the Graph organisations from the same people, manager = first manager of the main job', () => {
    expect(org.graphOrgs).toHaveLength(5);
    const users = org.graphOrgs.flatMap((g) => g.users);
    expect(users).toHaveLength(org.employees.length);
    const transfer = demoPerson(demoPersonId(3, DEMO_STORIES.transfer), REF, org)!.employee;
    expect(users.find((u) => u.id === transfer.id)?.managerId).toBe(transfer.jobs[0]?.managerIds[0]);
  });

  it('finds people by email in any case, or by id', () => {
    expect(demoPerson('Aisha.Khan@Bexley.demo', REF, org)?.tenant.schemeId).toBe('bexley-pms');
    expect(demoPerson(demoPersonId(5, 13), REF, org)?.employee.orgRoles).toContain('coordinator');
    expect(demoPerson('nobody@nowhere.demo', REF, org)).toBeUndefined();
  });

  it('uses only ids the scheme packs define (objective kinds, topics, review sections, job families)', () => {
    for (const t of org.tenants) {
      const pack = schemePacks[t.schemeId];
      const mine = <T extends { tenantId: string }>(items: T[]) => items.filter((i) => i.tenantId === t.tenantId);
      const kinds = new Set(pack.objectiveKinds.map((k) => k.id));
      for (const o of mine(org.objectives)) expect(kinds.has(o.kind), `${t.schemeId} ${o.kind}`).toBe(true);
      const topics = new Set(pack.topics.map((k) => k.id));
      const sections = new Set(pack.annualReview?.sections.map((s) => s.id) ?? []);
      const types = new Set(pack.conversations.map((c) => c.type));
      for (const c of mine(org.conversations)) {
        expect(types.has(c.type), `${t.schemeId} ${c.type}`).toBe(true);
        for (const topic of c.topics) expect(topics.has(topic), `${t.schemeId} ${topic}`).toBe(true);
        for (const section of Object.keys(c.sections))
          expect(sections.has(section), `${t.schemeId} ${section}`).toBe(true);
      }
      const families = new Set(pack.jobFamilies.map((f) => f.id));
      for (const job of mine(org.employees).flatMap((e) => e.jobs)) {
        if (job.jobFamily !== undefined) expect(families.has(job.jobFamily), job.jobFamily).toBe(true);
      }
    }
  });

  it('gives the scheme engine something to say about the stories (overdue review, pending handover)', () => {
    const due = (t: 1 | 3, n: number) => {
      const p = demoPerson(demoPersonId(t, n), REF, org)!;
      return dueConversations({ tenant: p.tenant, employee: p.employee, history: p.conversations, on: REF }).items;
    };
    for (const e of org.employees) {
      const p = demoPerson(e.id, REF, org)!;
      expect(() =>
        dueConversations({ tenant: p.tenant, employee: e, history: p.conversations, on: REF }),
      ).not.toThrow();
    }
    expect(due(1, DEMO_STORIES.overdue[0]).some((i) => i.type === 'annual-review' && i.status === 'overdue')).toBe(
      true,
    );
    expect(due(1, DEMO_STORIES.transfer).some((i) => i.type === 'handover' && i.status !== 'completed')).toBe(true);
  });
});
