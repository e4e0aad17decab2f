/**
 * Every "open the app" link a card can carry opens a page of the tab that renders. Cards sent into
 * Teams carry Teams deep links: the app's id and a personal tab of the manifest, the page as the
 * context's subEntityId, and the page's web address under /tab/ as the fallback. Outlook invitations,
 * read outside Teams too, carry the web address. Links are gathered from real bot turns (the due
 * card's Book button, the objectives card), from the appeal notices an appeal queues, from the routes
 * the meeting, nudge and digest notices ask the queue for, and from the invitation a booking sends;
 * each page is then opened in Chromium as the person the card went to.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fixedClock } from '@pc/core';
import { isoWeekKey } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendQueueStore } from '../../bot/src/cosmos/bot-state.ts';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createNoticeQueue } from '../../bot/src/proactive/notice-queue.ts';
import { PAGES, parseHash } from '../../tab/src/router.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { cardExecute, postActivity, textMessage, type TeamsUser } from '../fakes/connector/teams-activities.ts';
import { launchBrowser, signInLocally, type LaunchedBrowser } from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const TAB_BASE = 'https://pc.example.org';
const TEAMS_APP_ID = '7ab5c0de-0000-4000-a000-00000000cafe';
const TENANT = '55555555-5555-4555-8555-555555555555';
const sam: TeamsUser = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };

interface Manifest {
  readonly id: string;
  readonly staticTabs: readonly { readonly entityId: string; readonly contentUrl?: string }[];
}
const manifest = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../manifest/template/manifest.template.json'), 'utf8'),
) as Manifest;

/** Every Action.OpenUrl address and every link inside a card, however deeply nested. */
const linksIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(linksIn);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = record.type === 'Action.OpenUrl' && typeof record.url === 'string' ? [record.url] : [];
  return [...own, ...Object.values(record).flatMap(linksIn)];
};

/** A Teams deep link to a tab as a Teams client reads it. */
const deepLinkParts = (link: string) => {
  const url = new URL(link);
  const [, l, entity, appId, entityId, ...more] = url.pathname.split('/');
  const context = JSON.parse(url.searchParams.get('context') ?? 'null') as { subEntityId?: unknown } | null;
  return {
    path: [l, entity, more.length],
    appId,
    entityId,
    webUrl: url.searchParams.get('webUrl') ?? '',
    subEntityId: context?.subEntityId,
  };
};

interface Link {
  readonly from: string;
  /** The demo person the card goes to: the page is opened as them. */
  readonly viewer: string;
  /** True where the link is read outside Teams (an Outlook invitation). */
  readonly web?: boolean;
}

describe('links from cards to the app', () => {
  let bot: BotHarness;
  let stack: Stack;
  let browser: LaunchedBrowser;
  const links = new Map<string, Link>();
  /** The route (the tab's page) of each link, checked below, to open in the browser. */
  const routes: { route: string; to: Link }[] = [];

  beforeAll(async () => {
    const env = { TAB_BASE_URL: TAB_BASE, TEAMS_APP_ID };
    [bot, stack, browser] = await Promise.all([
      startBotHarness({ tenants: [TENANT], env }),
      startStack({ referenceDate: REFERENCE_DATE, env }),
      launchBrowser(),
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
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await bot.close();
    await stack.close();
  });

  // Assembly (tenant 5): 6 manages 18. Bexley (tenant 3): staff 24 → manager 7; the appeal's notices go to others too.
  const staff = who(5, 18);
  const manager = who(5, 6);

  it('gathers the links of the Book button, the objectives card, the notices and a booking invitation', async () => {
    // The bot's cards carry no record ids: they open as a member of staff of the demo organisation.
    const opts = { serviceUrl: bot.connector.url, user: sam };
    const booked = await postActivity(bot.botUrl, cardExecute(opts, 'checkin.book', {}));
    for (const url of linksIn(booked.body)) links.set(url, { from: 'the Book button', viewer: staff });
    await postActivity(bot.botUrl, textMessage(opts, 'objectives'));
    for (const url of linksIn(bot.connector.cards().at(-1)))
      links.set(url, { from: 'the objectives card', viewer: staff });
    expect([...links.values()].map((l) => l.from)).toEqual(
      expect.arrayContaining(['the Book button', 'the objectives card']),
    );

    // The invitation a booking sends links to the conversation's page, on the web.
    const reply = await api(stack, manager, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: staff,
        type: 'big-picture',
        start: '2027-05-05T09:00:00.000Z',
        end: '2027-05-05T10:00:00.000Z',
      },
    });
    expect(reply.status).toBe(201);
    const agenda = /href="([^"]+\/tab\/#[^"]+)"/.exec((reply.json as { bodyHtml: string }).bodyHtml)?.[1];
    expect(agenda).toBeDefined();
    links.set(agenda!.replaceAll('&amp;', '&'), { from: 'a booking invitation', viewer: staff, web: true });
    const conversationId = decodeURIComponent(agenda!.split('/').at(-1) ?? '');

    // The routes the meeting, nudge and digest notices ask the queue for (core/src/usecases).
    const notices = createNoticeQueue({} as never, fixedClock('2027-05-03T09:00:00.000Z'), {
      webBase: TAB_BASE,
      teamsAppId: TEAMS_APP_ID,
    });
    links.set(notices.tabLink(`/conversations/${staff}/${conversationId}`), {
      from: 'a meeting or nudge card',
      viewer: staff,
    });
    links.set(notices.tabLink('/team'), { from: 'the weekly digest', viewer: manager });

    // An appeal lodged queues its notices through the server's own queue.
    const [colleague, reviewer] = [who(3, 24), who(3, 7)];
    const review = await api(stack, reviewer, 'POST', `/api/v1/people/${colleague}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: 'Talked about the restructure.' },
    });
    const lodged = await api(stack, colleague, 'POST', '/api/v1/appeals', {
      body: {
        personId: colleague,
        conversationId: (review.json as { record: { id: string } }).record.id,
        grounds: 'The project I led is missing.',
      },
    });
    expect(lodged.status).toBe(201);
    const queue = createSendQueueStore((kind, partition) => stack.store.keyValues(kind, partition));
    const tenant3 = stack.demo.tenants[2]?.tenantId ?? '';
    const queued = (await queue.scan(tenant3, isoWeekKey(REFERENCE_DATE))).items;
    const appealLinks = queued.flatMap((q) => linksIn(q.item.card).map((url) => ({ url, viewer: q.item.personId })));
    expect(appealLinks.length).toBeGreaterThan(0);
    for (const { url, viewer } of appealLinks) links.set(url, { from: 'an appeal notice', viewer });
  }, 90_000);

  it('each card sent into Teams opens a personal tab of the manifest at a page of the tab’s router', () => {
    expect(links.size).toBeGreaterThanOrEqual(6);
    // The app id Teams knows is the manifest's id, filled from the same TEAMS_APP_ID setting.
    expect(manifest.id).toBe('${{TEAMS_APP_ID}}');
    const personalTabs = manifest.staticTabs.filter((t) => t.contentUrl !== undefined).map((t) => t.entityId);
    for (const [link, to] of links) {
      const why = `${to.from}: ${link}`;
      if (to.web === true) {
        // Read in Outlook, by people outside Teams too: the web address.
        expect(new URL(link).host, why).toBe(new URL(TAB_BASE).host);
        routes.push({ route: new URL(link).hash.slice(1), to });
        continue;
      }
      const parts = deepLinkParts(link);
      expect(new URL(link).origin, why).toBe('https://teams.microsoft.com');
      expect(parts.path, why).toEqual(['l', 'entity', 0]);
      expect(parts.appId, why).toBe(TEAMS_APP_ID);
      expect(personalTabs, why).toContain(parts.entityId);
      expect(typeof parts.subEntityId, why).toBe('string');
      const route = parts.subEntityId as string;
      // Outside Teams the same page opens on the web.
      expect(parts.webUrl, why).toBe(`${TAB_BASE}/tab/#${route}`);
      routes.push({ route, to });
    }
    for (const { route, to } of routes) {
      const first = route.replace(/^\//, '').split('/')[0];
      expect(PAGES as readonly string[], `${to.from}: ${route}`).toContain(first);
      expect(parseHash(`#${route}`).page, `${to.from}: ${route}`).toBe(first);
    }
  });

  it('each page renders in the tab for the person the card went to, with no error', async () => {
    expect(routes).toHaveLength(links.size);
    for (const { route, to } of routes) {
      const why = `${to.from}: ${route}`;
      const person = stack.demo.employees.find((e) => e.id === to.viewer);
      expect(person, why).toBeDefined();
      const page = await browser.context.newPage();
      page.setDefaultTimeout(60_000);
      await signInLocally(page, `${stack.baseUrl}/tab/#${route}`, person!);
      const main = page.getByRole('main');
      await main.getByRole('heading', { level: 1 }).first().waitFor();
      await expect.poll(() => main.locator('.fui-Spinner').count(), { timeout: 30_000 }).toBe(0);
      expect(await main.getByRole('alert').allTextContents(), why).toEqual([]);
      expect(new URL(page.url()).hash, why).toBe(`#${route}`);
      await page.close();
    }
  }, 240_000);
});
