/**
 * The tab's first screen in Chromium: one API call brings who I am, my scheme and my objectives,
 * the objectives page shows them without asking again, and once the person moves on the list is
 * read afresh (an objective just added is in it).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInLocally } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';

const apiCalls = (page: Page): string[] => {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/v1/')) calls.push(`${request.method()} ${url.pathname}`);
  });
  return calls;
};

describe('tab first load', () => {
  const { who, tab, fresh } = useTabTest();

  it('opens on my objectives with one API call, and reads the list afresh after I add one', async () => {
    const page = await fresh();
    const colleague = who(19);
    await signInLocally(page, tab('objectives'), colleague);
    // A second opening, signed in already, as a person opening the tab again.
    const calls = apiCalls(page);
    await page.reload();
    await page.getByRole('heading', { name: 'My objectives', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Objectives' }).or(page.getByText('You have no objectives yet')).waitFor();
    expect(calls).toEqual(['GET /api/v1/me/home']);
    const before = await page.getByRole('list', { name: 'Objectives' }).getByRole('listitem').count();

    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.getByLabel('Title').fill('Answer every library enquiry within 2 working days by the end of 2027');
    await page.getByLabel('Target date').fill('2027-12-31');
    await page.getByRole('button', { name: 'Save objective' }).click();
    await page.getByRole('heading', { level: 1, name: /Answer every library enquiry/ }).waitFor();
    await page.evaluate(() => {
      window.location.hash = '#/objectives';
    });
    const list = page.getByRole('list', { name: 'Objectives' });
    await list.getByRole('link', { name: /Answer every library enquiry/ }).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(before + 1);
    expect(calls).toContain(`GET /api/v1/people/${colleague.id}/objectives`);
    expect(calls.filter((c) => c === 'GET /api/v1/me/home')).toHaveLength(1);
    await page.close();
  }, 120_000);
});
