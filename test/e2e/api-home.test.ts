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

// Cumbria (tenant 1): 19 reports to manager 6, 11 is HR (an Entra app role).
const C = { manager: who(1, 6), hr: who(1, 11), colleague: who(1, 19) };
const people = (id: string) => `/api/v1/people/${id}`;

/** What the tab's first screen loaded before, one call each. */
const separately = async (as: string) => {
  const [me, scheme, due, objectives, conversations] = await Promise.all([
    api(stack, as, 'GET', '/api/v1/me'),
    api(stack, as, 'GET', '/api/v1/scheme'),
    api(stack, as, 'GET', `${people(as)}/due`),
    api(stack, as, 'GET', `${people(as)}/objectives?pageSize=100`),
    api(stack, as, 'GET', `${people(as)}/conversations?pageSize=100`),
  ]);
  return {
    me: me.json,
    scheme: scheme.json,
    due: due.json,
    objectives: objectives.json,
    conversations: conversations.json,
  };
};

type Listed = { id?: string; record?: { id: string }; facts?: { id: string } };
const idsOf = (items: unknown) => (items as Listed[]).map((i) => i.id ?? i.record?.id ?? i.facts?.id);

describe('GET /me/home: the first screen in one call', () => {
  it('answers what the five calls it replaces answer, for a colleague, a manager and HR', async () => {
    for (const person of [C.colleague, C.manager, C.hr]) {
      const home = await api(stack, person, 'GET', '/api/v1/me/home');
      expect(home.status).toBe(200);
      const before = await separately(person);
      expect(home.json.me).toEqual(before.me);
      expect(home.json.scheme).toEqual(before.scheme);
      expect(home.json.due).toEqual(before.due);
      expect(idsOf(home.json.objectives)).toEqual(idsOf(before.objectives.items));
      expect(home.json.objectives.every((o: { etag?: string }) => o.etag === undefined)).toBe(true);
      expect(idsOf(home.json.conversations)).toEqual(idsOf(before.conversations.items));
    }
    const colleague = await api(stack, C.colleague, 'GET', '/api/v1/me/home');
    expect(colleague.json.due.items.length).toBeGreaterThan(0);
    expect(colleague.json.me.managerIds).toEqual([C.manager]);
    const manager = await api(stack, C.manager, 'GET', '/api/v1/me/home');
    expect(manager.json.me.reportCount).toBe(5);
    const hr = await api(stack, C.hr, 'GET', '/api/v1/me/home');
    expect(hr.json.me.orgRoles).toContain('hr');
  });

  it('reads the store at most six times, where the separate calls took about twenty-five', async () => {
    await api(stack, C.colleague, 'GET', '/api/v1/me/home');
    const before = stack.store.requestCount();
    expect((await api(stack, C.colleague, 'GET', '/api/v1/me/home')).status).toBe(200);
    const home = stack.store.requestCount() - before;
    const start = stack.store.requestCount();
    await separately(C.colleague);
    const apart = stack.store.requestCount() - start;
    expect(home).toBeLessThanOrEqual(6);
    expect(apart).toBeGreaterThan(home * 2);
  });

  it('asks for a signed-in caller', async () => {
    expect((await api(stack, undefined, 'GET', '/api/v1/me/home')).status).toBe(401);
  });
});
