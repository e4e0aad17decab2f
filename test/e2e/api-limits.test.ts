/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- responses are read as loose JSON */
/**
 * Issue #17 point 8, abuse limits, over HTTP against the real stack: one user's burst is refused
 * with 429 and Retry-After while a colleague carries on, a tenant's users together have a budget,
 * every list answers in bounded pages with a continuation, and the completions CSV reads the
 * store in pages rather than once per person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who, type Reply } from './api-helpers.ts';

const people = (id: string) => `/api/v1/people/${id}`;

/** `count` requests at once as one person, each with the same token (signed once). */
const burst = async (stack: Stack, person: string, count: number, path = '/api/v1/me'): Promise<Reply[]> => {
  const token = await stack.tokenFor(person);
  return Promise.all(Array.from({ length: count }, () => api(stack, undefined, 'GET', path, { token })));
};

const statuses = (replies: readonly Reply[]): number[] => replies.map((r) => r.status);

describe('#17.8 rate limits (limits on: 5 requests a second per user, 12 per tenant)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      referenceDate: REFERENCE_DATE,
      env: { API_RATE_LIMITS: 'true', API_USER_REQUESTS_PER_SECOND: '5', API_TENANT_REQUESTS_PER_SECOND: '12' },
    });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  });

  it('#17.8 a burst from one user gets 429 with Retry-After and the app’s error JSON; a colleague is unaffected', async () => {
    const replies = await burst(stack, who(1, 19), 20);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(
      statuses(replies)
        .filter((s) => s !== 429)
        .every((s) => s === 200),
    ).toBe(true);
    for (const r of refused) {
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(r.json.error).toMatchObject({ code: 'throttled', message: expect.stringMatching(/from you/) });
      expect(typeof r.json.error.correlationId).toBe('string');
    }
    const colleague = await api(stack, who(1, 20), 'GET', '/api/v1/me');
    expect(colleague.status).toBe(200);
    // Once the wait it named has passed, the same user is served again.
    await new Promise((resolve) => setTimeout(resolve, 1000 * Number(refused[0]?.headers.get('retry-after'))));
    expect((await api(stack, who(1, 19), 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('#17.8 a tenant’s users together get its budget; another tenant is unaffected', async () => {
    // Six Leicestershire colleagues, four requests each: every one within their own budget, 24 over the tenant's 12.
    const tokens = await Promise.all([14, 15, 16, 17, 18, 19].map((n) => stack.tokenFor(who(2, n))));
    const replies = await Promise.all(
      tokens.flatMap((token) => Array.from({ length: 4 }, () => api(stack, undefined, 'GET', '/api/v1/me', { token }))),
    );
    const refused = replies.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const r of refused) {
      expect(r.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
      expect(r.json.error.message).toMatch(/your organisation/);
    }
    expect((await api(stack, who(3, 19), 'GET', '/api/v1/me')).status).toBe(200);
  });

  it('#17.8 a request without a valid token spends nobody’s budget', async () => {
    const forged = await stack.tokenFor(who(4, 19), { forged: true });
    const replies = await Promise.all(
      Array.from({ length: 20 }, () => api(stack, undefined, 'GET', '/api/v1/me', { token: forged })),
    );
    expect(new Set(statuses(replies))).toEqual(new Set([401]));
    expect((await api(stack, who(4, 19), 'GET', '/api/v1/me')).status).toBe(200);
  });
});

describe('#17.8 bounded lists and the completions export (limits off, as locally)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  });

  // Cumbria: 20 is a dual-role colleague of manager 6 with a long history; 11 is HR.
  const colleague = who(1, 20);
  const lists = ['conversations', 'objectives', 'feedback', 'audit'].map((list) => `${people(colleague)}/${list}`);

  it('#17.8 every list route refuses a page size over 100 and pages with a continuation token', async () => {
    // Give the audit list more than one entry: each subject-access export is audited.
    for (let i = 0; i < 3; i += 1) await api(stack, colleague, 'GET', `${people(colleague)}/subject-access`);
    for (const path of lists) {
      const tooBig = await api(stack, colleague, 'GET', `${path}?pageSize=101`);
      expect(tooBig.status, path).toBe(400);
      expect(tooBig.json.error.details[0].path, path).toMatch(/pageSize/);
      const all = await api(stack, colleague, 'GET', `${path}?pageSize=100`);
      expect(all.status, path).toBe(200);
      expect(all.json.items.length, path).toBeLessThanOrEqual(100);
      if (all.json.items.length < 2) continue;
      const first = await api(stack, colleague, 'GET', `${path}?pageSize=1`);
      expect(first.json.items, path).toHaveLength(1);
      expect(first.json.continuationToken, path).toEqual(expect.any(String));
      const token = encodeURIComponent(first.json.continuationToken as string);
      const second = await api(stack, colleague, 'GET', `${path}?pageSize=1&continuationToken=${token}`);
      expect(second.json.items, path).toHaveLength(1);
      expect(second.json.items[0], path).not.toEqual(first.json.items[0]);
    }
  });

  it('#17.8 the completions CSV for 37 people reads the store in a few pages, not once per person', async () => {
    const hr = who(1, 11);
    const token = await stack.tokenFor(hr);
    const path = '/api/v1/exports/completions.csv?from=2026-05-01&to=2027-05-03';
    await api(stack, undefined, 'GET', path, { token }); // warm: container metadata, signing keys
    const before = stack.store.requestCount();
    const res = await api(stack, undefined, 'GET', path, { token });
    const operations = stack.store.requestCount() - before;
    expect(res.status).toBe(200);
    const rows = res.text.trim().split('\r\n').slice(1);
    expect(new Set(rows.map((r) => r.split(',')[0])).size).toBeGreaterThan(10);
    expect(operations).toBeLessThanOrEqual(10);
  });

  it('#17.8 a line manager’s completions CSV reads their reports’ conversations in one paged query', async () => {
    const token = await stack.tokenFor(who(1, 6)); // reports 18–21 and 23 (who also reports to 7)
    const path = '/api/v1/exports/completions.csv?from=2026-05-01&to=2027-05-03';
    await api(stack, undefined, 'GET', path, { token });
    const before = stack.store.requestCount();
    const res = await api(stack, undefined, 'GET', path, { token });
    const operations = stack.store.requestCount() - before;
    expect(res.status).toBe(200);
    const people = new Set(
      res.text
        .trim()
        .split('\r\n')
        .slice(1)
        .map((r) => r.split(',')[0]),
    );
    expect([...people].every((id) => [18, 19, 20, 21, 23].map((n) => who(1, n)).includes(id ?? ''))).toBe(true);
    expect(people.size).toBeGreaterThan(0);
    // The caller, their reports, each manager above them once, one query: 10 today, not per report.
    expect(operations).toBeLessThanOrEqual(12);
  });
});
