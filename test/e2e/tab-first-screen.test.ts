/**
 * The tab's first screen in Chromium: once my details are in, my objectives appear in the same
 * step, with no second spinner for the page's code or the list; an objective opened by a deep link
 * still shows, though its view now loads on demand.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInLocally } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';

/** Every status message the page showed, in order, noted from the first script on. */
const statusesShown = async (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { statusesShown?: string[] }).statusesShown ?? []);

const noteStatuses = (): void => {
  const seen: string[] = [];
  (window as unknown as { statusesShown: string[] }).statusesShown = seen;
  new MutationObserver(() => {
    for (const el of document.querySelectorAll('[role="status"]')) {
      const text = el.textContent.trim();
      if (text !== '' && seen.at(-1) !== text) seen.push(text);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

describe('tab first screen', () => {
  const { who, tab, fresh } = useTabTest();

  it('shows my objectives straight after my details load, with no spinner for the page or the list', async () => {
    const page = await fresh();
    const colleague = who(19);
    await signInLocally(page, tab('objectives'), colleague);
    await page.addInitScript(noteStatuses);
    await page.reload();
    await page.getByRole('list', { name: 'Objectives' }).or(page.getByText('You have no objectives yet')).waitFor();
    const shown = await statusesShown(page);
    expect(shown).toContain('Loading your details…');
    expect(shown).not.toContain('Loading page…');
    expect(shown).not.toContain('Loading your objectives…');
    await page.close();
  }, 120_000);

  it('opens an objective from a deep link', async () => {
    const page = await fresh();
    await signInLocally(page, tab('objectives/new'), who(18));
    await page.getByLabel('Title').fill('Close every open records request within 10 working days by the end of 2027');
    await page.getByLabel('Target date').fill('2027-12-31');
    await page.getByRole('button', { name: 'Save objective' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /Close every open records request/ });
    await heading.waitFor();
    const link = new URL(page.url()).hash;
    expect(link).toMatch(/^#\/objectives\/[^/]+$/);
    // Opened afresh at that address, as from a link in a message.
    await page.goto('about:blank');
    await page.goto(tab(link.slice(2)));
    await heading.waitFor();
    await page.close();
  }, 120_000);
});
