/**
 * The whole cycle of each scheme's main conversation in the Teams tab, in headless Chromium against
 * the full local stack: the manager books it, the colleague opens the agenda and prepares, the
 * manager writes it up with the scheme's sections and rating, and both agree; a Bexley rating is
 * released by the reviewer above the manager; a 004 record cannot be agreed without its minimum;
 * a disagreement reaches the manager and HR; a manager opens a report's history and objectives.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- API replies are read as loose JSON */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSchemePack } from '@pc/core';
import type { SchemeId } from '@pc/core';
import {
  launchBrowser,
  saveScreenshot,
  seriousAxeViolations,
  signInLocally,
  type LaunchedBrowser,
} from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

type TenantNo = 1 | 2 | 3 | 4 | 5;
const SCHEMES: readonly { tenant: TenantNo; scheme: SchemeId; type: 'annual-review' | 'big-picture' }[] = [
  { tenant: 1, scheme: 'cumbria-vip', type: 'annual-review' },
  { tenant: 2, scheme: 'leicestershire-apr', type: 'annual-review' },
  { tenant: 3, scheme: 'bexley-pms', type: 'annual-review' },
  { tenant: 4, scheme: 'somerset-career-conversations', type: 'annual-review' },
  { tenant: 5, scheme: 'assembly-secretariat', type: 'big-picture' },
];
// In every demo tenant manager 6 has 18–21, head 2 is their manager (the grandparent), 11 is HR, 1 the director.
const STAFF = 19;
const MANAGER = 6;

describe('the record, from agenda to agreement, in the tab', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  const person = (tenant: TenantNo, n: number) => {
    const e = stack.demo.employees.find((x) => x.id === who(tenant, n));
    if (!e) throw new Error(`demo person ${String(n)} of tenant ${String(tenant)} missing`);
    return e;
  };
  const first = (tenant: TenantNo, n: number) => person(tenant, n).displayName.split(' ')[0] ?? '';
  const tab = (hash: string, theme = 'default') => `${stack.baseUrl}/tab/?theme=${theme}#/${hash}`;
  const signedIn = async (tenant: TenantNo, n: number, hash: string, theme = 'default'): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await signInLocally(page, tab(hash, theme), person(tenant, n));
    await page.goto(tab(hash, theme));
    return page;
  };
  const settled = async (page: Page) => {
    await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
  };
  const book = async (tenant: TenantNo, type: string, start: string, agenda: string[] = []): Promise<string> => {
    const res = await api(stack, who(tenant, MANAGER), 'POST', '/api/v1/bookings', {
      body: { employeeId: who(tenant, STAFF), type, start, end: start.replace('T08:', 'T09:'), agenda },
    });
    expect(res.status).toBe(201);
    return res.json.conversationId as string;
  };

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  for (const { tenant, scheme, type } of SCHEMES) {
    it(`${scheme}: the colleague prepares from the agenda, the manager writes it up with the scheme's sections and rating, and both agree`, async () => {
      const pack = getSchemePack(scheme);
      const staff = person(tenant, STAFF);
      // A note the manager puts on the agenda: only the pair see it there (004 in the moment → next conversation).
      const noted = await api(stack, who(tenant, MANAGER), 'POST', '/api/v1/feedback', {
        body: {
          subjectId: staff.id,
          kind: 'work-acknowledged',
          text: 'Handled the inspection visit calmly',
          visibility: 'pair',
        },
      });
      expect(noted.status).toBe(201);
      const id = await book(tenant, type, '2027-05-03T08:00:00.000Z', ['Workload over the summer']);
      const hash = `conversations/${staff.id}/${id}`;

      // The colleague opens the booked conversation: agenda, the scheme's questions, preparation for both sides.
      const colleague = await signedIn(tenant, STAFF, hash);
      const agenda = colleague.getByRole('region', { name: 'Agenda' });
      // The page names the manager once their name has loaded.
      await agenda.getByText(`Added by ${first(tenant, MANAGER)}`).waitFor();
      const agendaText = (await agenda.textContent()) ?? '';
      expect(agendaText).toContain('Handled the inspection visit calmly');
      expect(agendaText).toContain(`Added by ${first(tenant, MANAGER)}`);
      const questions =
        type === 'big-picture'
          ? (pack.bigPicture?.questions ?? []).map((q) => q.text)
          : (pack.annualReview?.sections ?? []).map((s) => s.title);
      for (const q of questions) expect(agendaText).toContain(q);
      const prep = (await colleague.getByRole('region', { name: 'Before you meet' }).textContent()) ?? '';
      expect(prep).toContain(pack.preparation.employee[0]);
      expect(prep).toContain(pack.preparation.manager[0]);
      expect(prep).toContain(`To prepare (${first(tenant, MANAGER)})`);
      // The colleague writes their preparation into the record; the formal reviews stay for the manager to mark held.
      const sections = type === 'annual-review' ? (pack.annualReview?.sections ?? []) : [];
      const firstSection = sections[0];
      if (firstSection) await colleague.getByLabel(firstSection.title, { exact: true }).fill('I led the library move.');
      await colleague.getByLabel('Issues raised').fill('Backlog after the system change');
      expect(await colleague.getByRole('button', { name: 'Save and mark as held' }).count()).toBe(
        type === 'big-picture' ? 1 : 0,
      );
      await colleague.getByRole('button', { name: 'Save', exact: true }).click();
      await colleague.getByText('Saved.').waitFor();
      await settled(colleague);
      expect(await seriousAxeViolations(colleague)).toEqual([]);
      await saveScreenshot(colleague, `journey-${scheme}-1-colleague-prepares`);

      // The manager writes it up: the page names the colleague, the sections hold what the colleague wrote.
      const manager = await signedIn(tenant, MANAGER, hash);
      await manager.getByRole('heading', { level: 1, name: new RegExp(`with ${staff.displayName}`) }).waitFor();
      if (firstSection) {
        expect(await manager.getByLabel(firstSection.title, { exact: true }).inputValue()).toBe(
          'I led the library move.',
        );
        for (const s of sections.slice(1))
          await manager.getByLabel(s.title, { exact: true }).fill(`Agreed: ${s.title}.`);
      }
      expect(await manager.getByLabel('Issues raised').inputValue()).toBe('Backlog after the system change');
      await manager.getByRole('button', { name: 'Add an action' }).click();
      await manager.getByLabel('Action 1', { exact: true }).fill('Book training on the new system');
      await manager.getByLabel('Action 1 owner').selectOption({ label: staff.displayName.split(' ')[0] ?? '' });
      await manager.getByLabel('Action 1 due date').fill('30/06/2027');
      expect(await manager.getByText(`Only you and ${first(tenant, STAFF)} can read these notes.`).count()).toBe(1);
      const scale = pack.ratingScale;
      const rating = scale?.options.find((o) => o.requiresShortfall) ?? scale?.options[0];
      if (rating) {
        await manager.getByLabel('Rating', { exact: true }).selectOption(rating.value);
        if (rating.requiresShortfall) {
          await manager.getByLabel('How the performance fell short').fill('Two deadlines missed in the spring.');
        }
      }
      await saveScreenshot(manager, `journey-${scheme}-2-manager-writes-up`);
      await manager.getByRole('button', { name: 'Save and mark as held' }).click();
      await manager.getByText(/marked as held/).waitFor();
      await manager.getByRole('heading', { name: 'Actions agreed' }).waitFor();
      expect(
        await manager.getByText(`Book training on the new system (${first(tenant, STAFF)}, by 30 June 2027)`).count(),
      ).toBe(1);
      if (rating) expect(await manager.locator('dd').filter({ hasText: rating.label }).count()).toBe(1);
      await manager.getByRole('button', { name: 'Agree the record' }).click();
      await manager.getByText('You agreed the record.').waitFor();
      await settled(manager);
      expect(await seriousAxeViolations(manager)).toEqual([]);
      await saveScreenshot(manager, `journey-${scheme}-3-manager-agreed`);

      // The colleague agrees; under Bexley the recommendation stays hidden until the grandparent releases it (002 Step 3).
      await colleague.reload();
      await colleague.getByRole('button', { name: 'Agree the record' }).click();
      await colleague.getByText('You agreed the record.').waitFor();
      await colleague.getByText(/^Status/).waitFor();
      await expect.poll(async () => colleague.locator('dd').first().textContent()).toBe('Agreed');
      if (rating) {
        const shown = async () => colleague.locator('dd').filter({ hasText: rating.label }).count();
        if (scheme === 'bexley-pms') {
          expect(await shown()).toBe(0);
          const reviewer = await signedIn(tenant, 2, hash);
          await reviewer.getByRole('button', { name: `Release the rating to ${first(tenant, STAFF)}` }).click();
          await reviewer.getByText(/The rating is released/).waitFor();
          await saveScreenshot(reviewer, `journey-${scheme}-4-grandparent-releases`);
          await reviewer.close();
          await colleague.reload();
          await colleague.getByRole('heading', { name: 'Agreement' }).waitFor();
        }
        expect(await shown()).toBe(1);
      }
      if (type === 'annual-review') {
        const download = colleague.waitForEvent('download');
        await colleague.getByRole('button', { name: 'Download the form (PDF)' }).click();
        expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
      }
      if (scheme === 'somerset-career-conversations') {
        // 003 §5.10: the appeal goes to the next-in-line manager, named, with a British date; never an id.
        await colleague.getByText(new RegExp(`It goes to ${person(tenant, 2).displayName}\\.`)).waitFor();
        expect(await colleague.getByRole('region', { name: 'Agreement' }).textContent()).not.toMatch(
          /[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}/,
        );
      }
      await saveScreenshot(colleague, `journey-${scheme}-5-both-agreed`);
      await colleague.close();
      await manager.close();
    }, 120_000);
  }

  it('004: a record without the actions agreed cannot be agreed, a future meeting date is refused, and an open action carries over', async () => {
    const page = await signedIn(5, MANAGER, `conversations/new/${who(5, 20)}`);
    await page
      .getByRole('heading', { level: 1, name: `Record a conversation with ${person(5, 20).displayName}` })
      .waitFor();
    await page.getByLabel('Date you met').fill('10/05/2027');
    await page.getByLabel('Issues raised').fill('Rota gaps');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page
      .getByText('The date you met cannot be in the future. If the conversation is still to come, book it instead.')
      .first()
      .waitFor();
    await page.getByLabel('Date you met').fill('03/05/2027');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.getByRole('heading', { name: 'Actions agreed' }).waitFor();
    await page.getByRole('button', { name: 'Agree the record' }).click();
    await page.getByText(/needs the issues raised and the actions agreed/).waitFor();
    await saveScreenshot(page, 'journey-004-minimum-record-refused');
    await page.getByRole('button', { name: 'Change the record' }).click();
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('Action 1', { exact: true }).fill('Swap two shifts');
    await page.getByLabel('Action 1 owner').selectOption({ label: 'Me' });
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('Action 2', { exact: true }).fill('Cover the Friday rota');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Agree the record' }).click();
    await page.getByText('You agreed the record.').waitFor();

    // Ticking an action done keeps the agreement; the open one carries over to the next agenda.
    // The box follows the saved record, so it turns once the service has the change.
    await page.getByRole('checkbox', { name: /^Swap two shifts/ }).click();
    await page.getByText('“Swap two shifts” is marked done.').waitFor();
    expect(await page.getByRole('checkbox', { name: /^Swap two shifts/ }).isChecked()).toBe(true);
    await page.getByText(/^You: agreed/).waitFor();
    const next = await api(stack, who(5, MANAGER), 'POST', '/api/v1/bookings', {
      body: {
        employeeId: who(5, 20),
        type: 'regular',
        start: '2027-05-10T08:00:00.000Z',
        end: '2027-05-10T09:00:00.000Z',
      },
    });
    expect(next.status).toBe(201);
    await page.goto(tab(`conversations/${who(5, 20)}/${next.json.conversationId as string}`));
    const carried = page.getByRole('list', { name: 'Actions carried over from last time' });
    await carried.waitFor();
    expect(await carried.textContent()).toBe('Cover the Friday rota');
    await saveScreenshot(page, 'journey-004-open-action-carried-over');
    await page.close();
  }, 60_000);

  it('004: the colleague records a disagreement; their manager sees it flagged on the team page and HR sees it on the history', async () => {
    const staff = who(5, 21);
    const created = await api(stack, who(5, MANAGER), 'POST', `/api/v1/people/${staff}/conversations`, {
      body: {
        type: 'regular',
        date: REFERENCE_DATE,
        issuesRaised: ['Workload'],
        actionsAgreed: [{ id: 'a1', text: 'Share the casework', owner: 'manager', done: false }],
      },
    });
    expect(created.status).toBe(201);
    const colleague = await signedIn(5, 21, `conversations/${staff}/${created.json.record.id as string}`);
    await colleague.getByLabel('What you disagree with, and why').fill('The workload issue was not mine alone.');
    await colleague.getByRole('button', { name: 'Record my disagreement' }).click();
    await colleague.getByText('Your disagreement was recorded.').waitFor();
    await colleague.getByText(/performance disagreement form/).waitFor();
    await saveScreenshot(colleague, 'journey-004-colleague-disagrees');
    await colleague.close();

    const manager = await signedIn(5, MANAGER, 'team');
    const row = manager
      .getByRole('table', { name: 'My reports' })
      .getByRole('row')
      .filter({ hasText: person(5, 21).displayName });
    await row.getByText('Disagreement recorded').waitFor();
    await saveScreenshot(manager, 'journey-004-manager-sees-disagreement');
    await manager.close();

    const hr = await signedIn(5, 11, `conversations/${staff}`);
    await hr
      .getByRole('list', { name: `${first(5, 21)}'s conversations` })
      .getByText('Disagreement recorded')
      .waitFor();
    expect(await hr.getByText(/Objectives are for/).count()).toBe(1);
    await hr.close();
  }, 60_000);

  it("a manager opens a report's history and objectives from the team view and agrees the objective they proposed", async () => {
    const staff = person(1, 18);
    const proposed = await api(stack, staff.id, 'POST', `/api/v1/people/${staff.id}/objectives`, {
      body: {
        kind: getSchemePack('cumbria-vip').objectiveKinds[0]?.id,
        title: 'Run two reading groups a month',
        horizon: 'short',
      },
    });
    expect(proposed.status).toBe(201);
    const page = await signedIn(1, MANAGER, 'team');
    // The team view's reason speaks of the colleague by name, not "Your …".
    const row = page.getByRole('table', { name: 'My reports' }).getByRole('row').filter({ hasText: staff.displayName });
    await row.getByText(new RegExp(`${staff.displayName.split(' ')[0] ?? ''}'s `)).waitFor();
    expect(await row.textContent()).not.toMatch(/\bYour\b/);
    await page.getByRole('link', { name: `History and objectives of ${staff.displayName}` }).click();
    await page.getByRole('heading', { level: 1, name: `${staff.displayName}: conversations and objectives` }).waitFor();
    await settled(page);
    const history = page.getByRole('list', { name: `${staff.displayName.split(' ')[0] ?? ''}'s conversations` });
    expect(await history.getByRole('listitem').count()).toBeGreaterThan(0);
    const objectives = page.getByRole('list', { name: `${staff.displayName.split(' ')[0] ?? ''}'s objectives` });
    const item = objectives.getByRole('listitem').filter({ hasText: 'Run two reading groups a month' });
    expect(await item.textContent()).toContain('Proposed, waiting for your agreement');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'journey-manager-opens-report-history-and-objectives');
    await item.getByRole('button', { name: /Agree/ }).click();
    await page.getByText('You agreed “Run two reading groups a month”.').waitFor();
    await expect.poll(async () => item.textContent()).toContain('Agreed');
    // Due reasons speak of the colleague, never "Your".
    const due = (await page.getByRole('region', { name: /What is due for/ }).textContent()) ?? '';
    expect(due).not.toMatch(/\bYour\b/);
    await page.close();
  }, 60_000);

  it("002: the grandparent opens their managers' reports' histories but is not offered to record for someone else's report", async () => {
    const page = await signedIn(3, 2, 'team');
    const theirs = page.getByRole('table', { name: `${person(3, MANAGER).displayName}'s reports` });
    await theirs.waitFor();
    const staff = person(3, 20).displayName;
    await theirs.getByRole('link', { name: `History and objectives of ${staff}` }).waitFor();
    expect(await theirs.getByRole('link', { name: `Record a conversation with ${staff}` }).count()).toBe(0);
    await page.close();
  }, 60_000);

  it('two people change the same record: the later save says who changed it and keeps what was typed', async () => {
    const staff = who(1, 20);
    const created = await api(stack, who(1, MANAGER), 'POST', `/api/v1/people/${staff}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, issuesRaised: ['Rota'] },
    });
    const page = await signedIn(1, MANAGER, `conversations/${staff}/${created.json.record.id as string}`);
    await page.getByRole('button', { name: 'Change the record' }).click();
    await page.getByRole('textbox', { name: 'Notes' }).fill('Talked about the summer rota.');
    // Meanwhile the colleague saves from their own tab.
    const theirs = await api(
      stack,
      staff,
      'PATCH',
      `/api/v1/people/${staff}/conversations/${created.json.record.id as string}`,
      {
        body: { issuesRaised: ['Rota', 'Parking'] },
        ifMatch: created.json.etag,
      },
    );
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(new RegExp(`${person(1, 20).displayName} changed this record at`)).waitFor();
    await saveScreenshot(page, 'journey-conflict-says-who');
    await page.getByRole('button', { name: 'Load their changes and keep my typing' }).click();
    // Their change fills the field this manager left alone; the manager's typing stays.
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('Talked about the summer rota.');
    expect(await page.getByRole('textbox', { name: 'Issues raised' }).inputValue()).toBe('Rota\nParking');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    const stored = await api(
      stack,
      staff,
      'GET',
      `/api/v1/people/${staff}/conversations/${created.json.record.id as string}`,
    );
    expect(stored.json.record).toMatchObject({
      notes: 'Talked about the summer rota.',
      issuesRaised: ['Rota', 'Parking'],
    });
    await page.close();
  }, 60_000);

  it('the director, at the top of the organisation, is not told anything is overdue or to ask a manager', async () => {
    const page = await signedIn(1, 1, 'conversations');
    await page.getByText('No line manager on record').waitFor();
    await settled(page);
    const text = (await page.getByRole('main').textContent()) ?? '';
    expect(text).not.toMatch(/Overdue|ask your manager/i);
    await page.close();
  }, 60_000);

  // One booking of a type per pair per month (004): each theme books its own month.
  for (const [theme, start] of [
    ['dark', '2027-06-07T08:00:00.000Z'],
    ['contrast', '2027-07-05T08:00:00.000Z'],
  ] as const) {
    it(`a booked agenda and a report's page pass axe in the ${theme} theme`, async () => {
      const id = await book(4, 'regular', start);
      const page = await signedIn(4, MANAGER, `conversations/${who(4, STAFF)}/${id}`, theme);
      await page.getByRole('region', { name: 'Agenda' }).waitFor();
      await settled(page);
      const found: Record<string, unknown> = { agenda: await seriousAxeViolations(page) };
      await saveScreenshot(page, `journey-${theme}-agenda`);
      await page.goto(tab(`conversations/${who(4, STAFF)}`, theme));
      await page.getByRole('heading', { name: 'Conversation history' }).waitFor();
      await settled(page);
      found.person = await seriousAxeViolations(page);
      await saveScreenshot(page, `journey-${theme}-report`);
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => (v as unknown[]).length > 0))).toEqual({});
      await page.close();
    }, 60_000);
  }
});
