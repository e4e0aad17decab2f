/**
 * Every "open the app" link a card can carry points at a page of the tab that exists: under /tab/ on
 * the tab's public base (never the server's root), with a hash that names a page of the tab's router,
 * and the server serves that address. Links are gathered from real bot turns (the due card's Book
 * button, the objectives card), from the notice queue that addresses appeal, meeting and digest cards,
 * and from the invitation a booking sends.
 */
import { createNoticeQueue } from '../../bot/src/proactive/notice-queue.ts';
import { fixedClock } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation, employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { PAGES, parseHash } from '../../tab/src/router.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { cardExecute, postActivity, textMessage, type TeamsUser } from '../fakes/connector/teams-activities.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const TAB_BASE = 'https://pc.example.org';
const TENANT = '55555555-5555-4555-8555-555555555555';
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };

/** Every Action.OpenUrl address and every link inside a card, however deeply nested. */
const linksIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(linksIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'Action.OpenUrl' && typeof record.url === 'string' ? [record.url] : [];
  return [...own, ...Object.values(record).flatMap(linksIn)];
};

describe('links from cards to the app', () => {
  let bot: BotHarness;
  let stack: Stack;
  const links = new Map<string, string>();

  beforeAll(async () => {
    [bot, stack] = await Promise.all([
      startBotHarness({ tenants: [TENANT], env: { TAB_BASE_URL: TAB_BASE } }),
      startStack({ referenceDate: REFERENCE_DATE }),
    ]);
    await bot.store.tenants.put({
      tenantId: TENANT,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
    });
    const job = [
      {
        id: 'job-1',
        title: 'Officer',
        managerIds: ['mgr'],
        isMain: true,
        contract: 'substantive' as const,
        startDate: '2024-04-01',
      },
    ];
    await bot.store.employees.create(employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee', jobs: [] }));
    await bot.store.employees.create(employee({ tenantId: TENANT, id: 'sam', displayName: 'Sam Patel', jobs: job }));
    await bot.store.conversations.create(
      conversation({
        tenantId: TENANT,
        id: 'c1',
        employeeId: 'sam',
        managerIds: ['mgr'],
        type: 'regular',
        date: '2027-03-01',
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await bot.close();
    await stack.close();
  });

  it('gathers the links of the Book button, the objectives card, the notices and a booking invitation', async () => {
    const opts = { serviceUrl: bot.connector.url, user: sam };
    const booked = await postActivity(bot.botUrl, cardExecute(opts, 'checkin.book', {}));
    for (const url of linksIn(booked.body)) links.set(url, 'the Book button');
    await postActivity(bot.botUrl, textMessage(opts, 'objectives'));
    for (const url of linksIn(bot.connector.cards().at(-1))) links.set(url, 'the objectives card');
    expect([...links.values()]).toEqual(expect.arrayContaining(['the Book button', 'the objectives card']));

    // The routes the appeal, meeting and digest notices ask the queue for (core/src/usecases).
    const notices = createNoticeQueue({} as never, fixedClock('2027-05-03T09:00:00.000Z'), TAB_BASE);
    links.set(notices.tabLink('/appeals/a-1'), 'an appeal notice');
    links.set(notices.tabLink('/conversations/sam/c1'), 'a meeting or nudge card');
    links.set(notices.tabLink('/team'), 'the weekly digest');

    // The invitation a booking sends links to the conversation's page.
    const reply = await api(stack, who(5, 6), 'POST', '/api/v1/bookings', {
      body: {
        employeeId: who(5, 18),
        type: 'big-picture',
        start: '2027-05-05T09:00:00.000Z',
        end: '2027-05-05T10:00:00.000Z',
      },
    });
    expect(reply.status).toBe(201);
    const agenda = /href="([^"]+\/tab\/#[^"]+)"/.exec((reply.json as { bodyHtml: string }).bodyHtml)?.[1];
    expect(agenda).toBeDefined();
    links.set(agenda!.replaceAll('&amp;', '&'), 'a booking invitation');
  }, 60_000);

  it('each is a page of the tab under /tab/, which the server serves, named in the tab’s router', async () => {
    expect(links.size).toBeGreaterThanOrEqual(6);
    for (const [link, from] of links) {
      const url = new URL(link);
      expect(url.pathname, `${from}: ${link}`).toBe('/tab/');
      const [first] = url.hash.replace(/^#\/?/, '').split('/');
      expect(PAGES as readonly string[], `${from}: ${link}`).toContain(first);
      expect(parseHash(url.hash).page, `${from}: ${link}`).toBe(first);
      // Served by the app's static server, wherever the tab's base is.
      const served = await fetch(`${stack.baseUrl}${url.pathname}${url.search}`);
      expect(served.status, `${from}: ${link}`).toBe(200);
      expect(served.headers.get('content-type'), `${from}: ${link}`).toMatch(/text\/html/);
    }
  });
});
