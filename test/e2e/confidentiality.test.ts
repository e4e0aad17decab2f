/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenClaims } from '../fakes/oidc-issuer.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

// Cumbria (tenant 1): manager 6 has 18–21; 11 is HR.
const people = (id: string) => `/api/v1/people/${id}`;
const NOTE = 'Talked through a hard month; agreed a lighter rota.';

describe('#17 point 5: an exceptional-access reason must be visible text', () => {
  const colleague = who(1, 21);
  const manager = who(1, 6);
  const hr = who(1, 11);

  it('zero-width and other invisible characters do not make a reason long enough, and nothing is audited', async () => {
    const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: NOTE },
    });
    expect(created.status).toBe(201);
    const path = `${people(colleague)}/conversations/${created.json.record.id as string}/exceptional-access`;
    for (const text of [
      `a${'\u200B'.repeat(12)}`,
      `\u2060\u200D\uFEFF${'\u00AD'.repeat(10)}x`,
      `ab${' '.repeat(20)}`,
    ]) {
      const refused = await api(stack, hr, 'POST', path, { body: { category: 'audit', text } });
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain(NOTE);
    }
    const audit = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    expect(audit.status).toBe(200);
    expect(audit.json.items).toEqual([]);
    const opened = await api(stack, hr, 'POST', path, {
      body: { category: 'audit', text: 'Annual audit sample 2027/14' },
    });
    expect(opened.status).toBe(200);
    expect(opened.json.record.notes).toBe(NOTE);
  });
});

describe('#17 point 1: a subject-access export is the person’s own; HR fulfils a request only with a stated, audited reason', () => {
  const colleague = who(1, 19);
  const manager = who(1, 6);
  const hr = who(1, 11);
  const path = `${people(colleague)}/subject-access`;

  it('HR is refused without a visible reason, gets the export with one, and the colleague sees who took it and why', async () => {
    const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: NOTE },
    });
    expect(created.status).toBe(201);

    const plain = await api(stack, hr, 'GET', path);
    expect(plain.status).toBe(403);
    expect(plain.text).not.toContain(NOTE);
    for (const text of ['', 'because', `a${'\u200B'.repeat(12)}`]) {
      const refused = await api(stack, hr, 'POST', path, { body: { category: 'audit', text } });
      expect([400, 403]).toContain(refused.status);
      expect(refused.text).not.toContain(NOTE);
    }
    // Only HR fulfils requests for others, reason or not.
    const byManager = await api(stack, manager, 'POST', path, {
      body: { category: 'audit', text: 'Subject access request ref SAR-2027-118' },
    });
    expect(byManager.status).toBe(403);
    expect((await api(stack, colleague, 'GET', `${people(colleague)}/audit`)).json.items).toEqual([]);

    const reason = { category: 'audit', text: 'Subject access request ref SAR-2027-118' };
    const fulfilled = await api(stack, hr, 'POST', path, { body: reason });
    expect(fulfilled.status).toBe(200);
    expect(fulfilled.json.person.id).toBe(colleague);
    expect(fulfilled.text).toContain(NOTE);

    const audit = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    expect(audit.json.items).toHaveLength(1);
    expect(audit.json.items[0]).toMatchObject({ action: 'export.subject-access', actorId: hr, reason });

    const own = await api(stack, colleague, 'GET', path);
    expect(own.status).toBe(200);
    expect(own.text).toContain(NOTE);
    const after = await api(stack, colleague, 'GET', `${people(colleague)}/audit`);
    expect(after.json.items.map((e: { actorId: string }) => e.actorId).sort()).toEqual([colleague, hr].sort());
  });
});

describe('#17 point 2: every reply follows the GET rule, so a Bexley rating stays hidden until Step 3', () => {
  // Bexley (tenant 3): manager 6 has 18–21.
  const colleague = who(3, 19);
  const manager = who(3, 6);

  it('the colleague’s own agree and disagree replies and their subject-access export carry no unreleased rating', async () => {
    const created = await api(stack, manager, 'POST', `${people(colleague)}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: NOTE },
    });
    expect(created.status).toBe(201);
    const id = created.json.record.id as string;
    const path = `${people(colleague)}/conversations/${id}`;
    const rated = await api(stack, manager, 'PATCH', path, {
      body: { rating: { value: '1', bonusRecommended: true } },
      ifMatch: created.json.etag,
    });
    expect(rated.status).toBe(200);
    expect(rated.json.record.rating).toMatchObject({ value: '1' });

    const agreed = await api(stack, colleague, 'POST', `${path}/agree`, { body: {}, ifMatch: rated.json.etag });
    expect(agreed.status).toBe(200);
    expect(agreed.json.record.agreement.employeeAgreedAt).toBeDefined();
    expect(agreed.json.record.rating).toBeUndefined();
    expect(agreed.text).not.toContain('bonusRecommended');

    const disagreed = await api(stack, colleague, 'POST', `${path}/disagree`, {
      body: { text: 'The record leaves out the project I led.' },
      ifMatch: agreed.json.etag,
    });
    expect(disagreed.status).toBe(200);
    expect(disagreed.json.record.disagreement.text).toBe('The record leaves out the project I led.');
    expect(disagreed.json.record.rating).toBeUndefined();
    expect(disagreed.text).not.toContain('bonusRecommended');

    const exported = await api(stack, colleague, 'GET', `${people(colleague)}/subject-access`);
    expect(exported.status).toBe(200);
    const mine = (exported.json.conversations as { id: string; notes?: string; rating?: unknown }[]).find(
      (c) => c.id === id,
    );
    expect(mine?.notes).toBe(NOTE);
    expect(mine?.rating).toBeUndefined();
    expect(exported.text).not.toContain('bonusRecommended');

    // The manager who made the recommendation still sees it in their own reply.
    const managerAgreed = await api(stack, manager, 'POST', `${path}/agree`, {
      body: {},
      ifMatch: disagreed.json.etag,
    });
    expect(managerAgreed.status).toBe(200);
    expect(managerAgreed.json.record.rating).toMatchObject({ value: '1', bonusRecommended: true });
  });
});

describe('#17 point 3: an invitation carries the type, the topics and a link to the agenda, never feedback text', () => {
  // Assembly Secretariat (tenant 5, 004): manager 7 has 22–25; 13 is the coordinator; 24–26 have no PC of their own.
  const coordinator = who(5, 13);
  const manager = who(5, 7);
  const colleague = who(5, 25);
  const FEEDBACK = 'Handled the angry caller on Tuesday with real patience.';

  it('a coordinator’s booking and its move reply without the pair’s feedback, and neither calendar receives it', async () => {
    const logged = await api(stack, manager, 'POST', '/api/v1/feedback', {
      body: { subjectId: colleague, kind: 'work-acknowledged', text: FEEDBACK, visibility: 'pair' },
    });
    expect(logged.status).toBe(201);
    const before = stack.graph.requests().length;
    const booked = await api(stack, coordinator, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague,
        type: 'regular',
        start: '2027-05-11T09:00:00.000Z',
        end: '2027-05-11T10:00:00.000Z',
        agenda: ['Settling into the new rota'],
      },
    });
    expect(booked.status).toBe(201);
    const id = booked.json.conversationId as string;
    // The feedback is on the agenda the pair read in the tab…
    const record = await api(stack, manager, 'GET', `${people(colleague)}/conversations/${id}`);
    expect(record.json.record.agenda.map((a: { text: string }) => a.text)).toContain(FEEDBACK);
    // …and the invitation names the type, the topic typed for it and links there instead.
    expect(booked.json.bodyHtml).toContain('Settling into the new rota');
    expect(booked.json.bodyHtml).toContain(`/tab/#/conversations/${colleague}/${id}`);
    expect(booked.json.bodyHtml).not.toContain(FEEDBACK);
    expect(booked.text).not.toContain(FEEDBACK);

    const moved = await api(stack, coordinator, 'PATCH', `${people(colleague)}/bookings/${id}`, {
      body: { start: '2027-05-11T13:00:00.000Z', end: '2027-05-11T14:00:00.000Z' },
      ifMatch: booked.json.etag,
    });
    expect(moved.status).toBe(200);
    expect(moved.json.bodyHtml).toContain(`/tab/#/conversations/${colleague}/${id}`);
    expect(moved.text).not.toContain(FEEDBACK);

    const sent = stack.graph.requests().slice(before);
    expect(sent.some((r) => r.method === 'POST' && r.path.endsWith('/events'))).toBe(true);
    expect(JSON.stringify(sent.map((r) => r.body))).not.toContain(FEEDBACK);
    for (const mailbox of [manager, colleague]) {
      const events = stack.graph.events(mailbox).filter((e) => e.start.dateTime.startsWith('2027-05-11'));
      expect(events.length).toBeGreaterThan(0);
      expect(JSON.stringify(events)).not.toContain(FEEDBACK);
    }
  });
});

describe('#17 point 11: the REST API takes only a person’s delegated token from Teams, Outlook or the app’s own pages', () => {
  const colleague = who(1, 19);
  const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';
  const signed = (claims: Omit<TokenClaims, 'tid' | 'oid' | 'aud'>) => {
    const tid = stack.demo.employees.find((e) => e.id === colleague)?.tenantId ?? '';
    return stack.issuer.signToken({ tid, oid: colleague, aud: stack.apiAudience, ...claims });
  };

  it.each([
    ['an app-only token (idtyp: app)', { idtyp: 'app' as const, roles: ['Conversations.Read.All'] }],
    ['an app-only token with the scope pasted in', { idtyp: 'app' as const, scp: 'access_as_user' }],
    ['a token with no scp', {}],
    ['a token for another of the API’s scopes', { scp: 'User.Read' }],
    ['a token from a client not allowed', { scp: 'access_as_user', azp: 'c0ffee00-0000-4000-8000-00000000bad1' }],
    ['a token naming no client', { scp: 'access_as_user', azp: null }],
  ])('%s is refused with 403 and nothing of the person', async (_name, claims) => {
    const token = await signed(claims);
    for (const path of ['/api/v1/me', `${people(colleague)}/subject-access`]) {
      const res = await api(stack, undefined, 'GET', path, { token });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
      expect(res.text).not.toContain(colleague);
    }
  });

  it('a delegated token from Teams on the web, and the local issuer’s own sign-in, are accepted', async () => {
    const fromTeams = await signed({ scp: 'access_as_user', azp: TEAMS_WEB, idtyp: 'user' });
    expect((await api(stack, undefined, 'GET', '/api/v1/me', { token: fromTeams })).status).toBe(200);
    expect((await api(stack, colleague, 'GET', '/api/v1/me')).status).toBe(200);
  });
});
