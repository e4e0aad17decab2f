/**
 * Booking from the tab in headless Chromium against the full local stack (Assembly Secretariat,
 * policy 004): a member of staff books their own Regular conversation with their manager, a manager
 * books for a report, a double click books once, and a second booking of the same type for the pair
 * in one month is refused with the offer to move the first, which moves it. axe-core finds nothing
 * serious on the page in any theme.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, seriousAxeViolations, signInLocally, type LaunchedBrowser } from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who as personId } from './api-helpers.ts';

const THEMES = ['default', 'dark', 'contrast'] as const;

interface Booked {
  id: string;
  type: string;
  status: string;
  booking?: { bookedBy: string; start: string };
}

describe('Booking in the tab', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  // Assembly demo (tenant 5, policy 004): person 6 manages 18–21.
  const who = (n: number) => {
    const e = stack.demo.employees.find((x) => x.id === personId(5, n));
    if (!e) throw new Error(`demo person ${String(n)} missing`);
    return e;
  };
  const tab = (hash: string, theme: string = 'default') => `${stack.baseUrl}/tab/?theme=${theme}#/${hash}`;
  const fresh = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  };
  const bookedOf = async (n: number): Promise<Booked[]> => {
    const reply = await api(stack, who(6).id, 'GET', `/api/v1/people/${who(n).id}/conversations?pageSize=100`);
    const items = (reply.json as { items: { kind: string; record?: Booked }[] }).items;
    return items.flatMap((v) => (v.kind === 'full' && v.record?.status === 'booked' ? [v.record] : []));
  };
  const form = (page: Page) => page.getByRole('form', { name: 'Book a conversation' });
  /** Chooses the type, asks for times and picks the n-th one offered; returns its label. */
  const chooseTime = async (page: Page, type: string, nth = 0): Promise<string> => {
    await form(page).getByLabel('Conversation').selectOption(type);
    await form(page).getByRole('button', { name: 'Find times' }).click();
    const times = form(page).getByRole('radio');
    await times.first().waitFor();
    const time = times.nth(nth);
    await time.check();
    return (
      (await form(page)
        .locator(`label[for="${(await time.getAttribute('id')) ?? ''}"]`)
        .textContent()) ?? ''
    );
  };

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it('004: a member of staff books their own Regular conversation with their manager, and My conversations says when', async () => {
    const staff = who(19);
    const page = await fresh();
    // The first page after the stack starts can take a while on a busy machine.
    await page.goto(tab('conversations'));
    await page.getByLabel('Organisation').waitFor({ timeout: 90_000 });
    await signInLocally(page, tab('conversations'), staff);
    await page.getByRole('heading', { level: 1, name: 'My conversations' }).waitFor();
    await page.getByRole('link', { name: 'Book', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Book a conversation' }).waitFor();
    expect(await page.getByLabel('Whose conversation').locator('option:checked').textContent()).toBe(
      `Myself, with ${who(6).displayName} (my manager)`,
    );

    const label = await chooseTime(page, 'regular');
    await form(page).getByRole('button', { name: 'Book', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'Booked for' });
    await done.waitFor();
    const when = label.split(' to ')[0] ?? '';
    expect(await done.textContent()).toContain(`Booked for ${when}.`);

    const [record] = (await bookedOf(19)).filter((r) => r.type === 'regular');
    expect(record?.booking?.bookedBy).toBe(staff.id);
    // Working time: never at a weekend, nor on the Early May bank holiday (Monday 3 May 2027), the first day looked at.
    expect([0, 6]).not.toContain(new Date(record!.booking!.start).getUTCDay());
    expect(record!.booking!.start.slice(0, 10)).not.toBe('2027-05-03');

    await page.goto(tab('conversations'));
    // What is due now says when it is booked, with a link to it, instead of offering to book it.
    const bookedLink = page.getByRole('link', { name: `Booked for ${when}` });
    await bookedLink.waitFor();
    expect(await bookedLink.getAttribute('href')).toBe(`#/conversations/${staff.id}/${record!.id}`);
    await page.getByRole('region', { name: 'Coming up' }).getByText(when).waitFor();
    await page.close();
  }, 150_000);

  it('004: a manager books a Big Picture conversation for a report, though none is due yet', async () => {
    const page = await fresh();
    await signInLocally(page, tab(`book/${who(20).id}`), who(6));
    expect(await page.getByLabel('Whose conversation').locator('option:checked').textContent()).toBe(
      `${who(20).displayName} (reports to me)`,
    );
    await chooseTime(page, 'big-picture');
    await form(page).getByRole('button', { name: 'Book', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Booked for' }).waitFor();
    const booked = (await bookedOf(20)).filter((r) => r.type === 'big-picture');
    expect(booked).toHaveLength(1);
    expect(booked[0]?.booking?.bookedBy).toBe(who(6).id);
    await page.close();
  }, 120_000);

  it('a double click on Book books once; a second Regular that month is refused with the offer to move the first, which moves it', async () => {
    const page = await fresh();
    await signInLocally(page, tab(`book/${who(21).id}`), who(6));
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/v1/bookings')) posts += 1;
    });
    await chooseTime(page, 'regular');
    await form(page).getByRole('button', { name: 'Book', exact: true }).dblclick();
    await page.getByRole('status').filter({ hasText: 'Booked for' }).waitFor();
    expect(posts).toBe(1);
    const first = (await bookedOf(21)).filter((r) => r.type === 'regular');
    expect(first).toHaveLength(1);

    const label = await chooseTime(page, 'regular', 1);
    await form(page).getByRole('button', { name: 'Book', exact: true }).click();
    const refusal = page.getByRole('status').filter({ hasText: 'Already booked this month' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Move that one to the new time instead of booking a second.');
    expect((await bookedOf(21)).filter((r) => r.type === 'regular')).toHaveLength(1);

    const when = label.split(' to ')[0] ?? '';
    await refusal.getByRole('button', { name: `Move it to ${when}` }).click();
    await page.getByRole('status').filter({ hasText: 'Moved' }).waitFor();
    const after = (await bookedOf(21)).filter((r) => r.type === 'regular');
    expect(after.map((r) => r.id)).toEqual([first[0]?.id]);
    expect(after[0]?.booking?.start).not.toBe(first[0]?.booking?.start);
    await page.close();
  }, 150_000);

  it('has no serious accessibility problems with times on show, in the default, dark and high-contrast themes', async () => {
    for (const theme of THEMES) {
      const page = await fresh();
      await signInLocally(page, tab(`book/${who(18).id}`, theme), who(6));
      await chooseTime(page, 'regular');
      expect(await seriousAxeViolations(page), theme).toEqual([]);
      await page.close();
    }
  }, 180_000);
});
