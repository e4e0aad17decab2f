/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-explicit-any -- responses are read as loose JSON */
/**
 * Issue #17 point 8, page limits on every list: the team views, the colleague list and the
 * compliance view's overdue list answer a page at a time (`pageSize`, at most 100, 50 when not
 * given) with a `continuationToken`; following the tokens gives each item once, in order; a page
 * size over 100 or a token from elsewhere is a 400 that says what to do. The compliance figures
 * are the whole team's on every page.
 */
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

const people = (id: string) => `/api/v1/people/${id}`;
const withQuery = (path: string, query: Record<string, string>) => `${path}?${new URLSearchParams(query).toString()}`;

/** Every page of a list, following its tokens, with the key under which each reply lists its items. */
const allPages = async (as: string, path: string, key: string, pageSize: number) => {
  const pages: any[] = [];
  let token: string | undefined;
  do {
    const reply = await api(
      stack,
      as,
      'GET',
      withQuery(path, { pageSize: String(pageSize), ...(token === undefined ? {} : { continuationToken: token }) }),
    );
    expect(reply.status, path).toBe(200);
    expect(reply.json[key].length, path).toBeLessThanOrEqual(pageSize);
    pages.push(reply.json);
    token = reply.json.continuationToken;
  } while (token !== undefined && pages.length < 50);
  return { pages, items: pages.flatMap((p) => p[key]) };
};

// Cumbria: manager 6 has 18–21 and 23, head 2 is their grandparent; 19 is one of manager 6's reports.
const lists = [
  { name: 'my team', as: who(1, 6), path: '/api/v1/me/team', key: 'members' },
  {
    name: "a report's manager's team, for the grandparent",
    as: who(1, 2),
    path: `${people(who(1, 6))}/team`,
    key: 'members',
  },
  { name: 'my colleagues', as: who(1, 19), path: '/api/v1/me/colleagues', key: 'items' },
  { name: "the team's overdue reviews", as: who(1, 6), path: `${people(who(1, 6))}/compliance`, key: 'overdue' },
] as const;

describe('#17.8 page limits on the team, colleague and compliance lists', () => {
  it.each(lists)('#17.8 $name: a page at a time, each item once, the same items as one big page', async (list) => {
    const whole = await allPages(list.as, list.path, list.key, 100);
    expect(whole.pages).toHaveLength(1);
    expect(whole.items.length).toBeGreaterThanOrEqual(2);
    const paged = await allPages(list.as, list.path, list.key, 1);
    expect(paged.pages).toHaveLength(whole.items.length);
    expect(paged.pages.slice(0, -1).every((p) => typeof p.continuationToken === 'string')).toBe(true);
    expect(paged.pages.at(-1).continuationToken).toBeUndefined();
    expect(paged.items).toEqual(whole.items);
  });

  it.each(lists)(
    '#17.8 $name: a page size over 100 or a token from elsewhere is a 400 saying what to do',
    async (list) => {
      const tooBig = await api(stack, list.as, 'GET', withQuery(list.path, { pageSize: '101' }));
      expect(tooBig.status).toBe(400);
      expect(tooBig.json.error.details).toEqual([
        { path: 'query.pageSize', message: 'At most 100 items a page: follow the continuation token for more.' },
      ]);
      const foreign = await api(stack, list.as, 'GET', withQuery(list.path, { continuationToken: 'not-a-token' }));
      expect(foreign.status).toBe(400);
      expect(foreign.json.error.message).toMatch(/continuation token/);
    },
  );

  it('#17.8 the team comes 50 at a time when no page size is given, by name', async () => {
    const team = await api(stack, who(1, 6), 'GET', '/api/v1/me/team');
    const names: string[] = team.json.members.map((m: { person: { displayName: string } }) => m.person.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(team.json.continuationToken).toBeUndefined();
  });

  it('#17.8 the compliance figures count the whole team on every page of the overdue list', async () => {
    const path = `${people(who(1, 6))}/compliance`;
    const { pages, items } = await allPages(who(1, 6), path, 'overdue', 1);
    const figures = ({ overdue: _list, continuationToken: _token, ...rest }: Record<string, unknown>) => rest;
    for (const page of pages) expect(figures(page)).toEqual(figures(pages[0]));
    expect(pages[0].overdueCount).toBe(items.length);
    expect(pages[0].overdueFromEarlierQuarters).toBe(items.filter((o) => o.fromEarlierQuarter).length);
  });
});
