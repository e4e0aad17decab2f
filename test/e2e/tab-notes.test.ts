/**
 * The tab's My notes page in headless Chromium against the full local stack: a colleague logs an
 * in-the-moment note about a colleague they work with, the colleague reads it with its visibility,
 * a repeat after a lost reply stores one note, and axe-core finds nothing serious in any theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';

const THEMES = TAB_THEMES;

describe('My notes in the tab', () => {
  const t = useTabTest();
  const { who, tab, fresh } = t;
  // Cumbria demo (tenant 1): person 6 manages 18–21, person 5 manages 14–17.
  const logForm = (page: Page) => page.getByRole('form', { name: 'Log a note' });

  it('a colleague logs a note about a teammate, sees it with its visibility, and the teammate reads it in their own notes', async () => {
    const author = who(19);
    const subject = who(20);
    const page = await fresh();
    await signInLocally(page, tab('notes'), author);
    await page.getByRole('heading', { level: 1, name: 'My notes' }).waitFor();
    const form = logForm(page);
    await form.waitFor();

    // The same colleague rule as the bot: the team and its manager, never another team.
    const offered = await form.getByLabel('Who it is about').locator('option').allTextContents();
    expect(offered).toEqual(
      expect.arrayContaining(['Myself', who(6).displayName, who(18).displayName, subject.displayName]),
    );
    expect(offered).not.toContain(who(14).displayName);

    await form.getByLabel('Who it is about').selectOption({ label: subject.displayName });
    await form.getByRole('radio', { name: 'Work done well' }).check();
    await form.getByLabel('What happened').fill('Covered the Friday rota at short notice and briefed everyone.');
    await form
      .getByRole('checkbox', { name: `Add to the agenda of ${subject.displayName}'s next regular conversation` })
      .check();
    await form.getByRole('button', { name: 'Log the note' }).click();

    const status = page.getByRole('status').filter({ hasText: 'logged' });
    await status.waitFor();
    expect(await status.textContent()).toContain(
      `Note about ${subject.displayName} logged. Who can see it: Private to the pair (the person and their line manager).`,
    );
    const written = page.getByRole('list', { name: 'Notes you wrote about colleagues' });
    await written.waitFor();
    expect(await written.textContent()).toContain(`About ${subject.displayName}`);
    expect(await written.textContent()).toContain('Covered the Friday rota at short notice');
    await saveScreenshot(page, 'notes-author');
    await page.close();

    const theirs = await fresh();
    await signInLocally(theirs, tab('notes'), subject);
    const aboutThem = theirs.getByRole('list', { name: 'Notes about you' });
    await aboutThem.waitFor();
    const text = (await aboutThem.textContent()) ?? '';
    expect(text).toContain(`From ${author.displayName}`);
    expect(text).toContain('Covered the Friday rota at short notice');
    expect(text).toContain('Who can see it: Private to the pair');
    await theirs.close();

    // Someone outside the pair never reads it: another team's member has no such note about them or by them.
    const outsider = await api(t.stack, who(14).id, 'GET', `/api/v1/people/${subject.id}/feedback`);
    expect(outsider.text).not.toContain('Covered the Friday rota');
  }, 150_000);

  it('a note sent without a kind or text comes back with what to fix beside each field, and nothing is stored', async () => {
    const page = await fresh();
    await signInLocally(page, tab('notes'), who(21));
    const form = logForm(page);
    await form.getByRole('button', { name: 'Log the note' }).click();
    await form.getByText('Choose what kind of note this is.').waitFor();
    await form.getByText('Write what happened.').waitFor();
    const stored = await api(t.stack, who(21).id, 'GET', `/api/v1/people/${who(21).id}/feedback`);
    expect((stored.json as { items: unknown[] }).items).toEqual([]);
    await page.close();
  }, 90_000);

  it('pressing Log again after the reply was lost stores the note once', async () => {
    const author = who(18);
    const page = await fresh();
    await signInLocally(page, tab('notes'), author);
    const form = logForm(page);
    let first = true;
    await page.route('**/api/v1/feedback', async (route) => {
      if (first && route.request().method() === 'POST') {
        first = false;
        // The server stores the note; the reply never reaches the browser.
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await form.getByRole('radio', { name: 'Advice given' }).check();
    await form.getByLabel('What happened').fill('Talked through the new booking system together.');
    await form.getByRole('button', { name: 'Log the note' }).click();
    await form.getByRole('alert').waitFor();
    await form.getByRole('button', { name: 'Log the note' }).click();
    await page.getByRole('status').filter({ hasText: 'Note about yourself logged' }).waitFor();
    const mine = await api(t.stack, author.id, 'GET', `/api/v1/people/${author.id}/feedback`);
    const copies = (mine.json as { items: { text: string }[] }).items.filter((n) =>
      n.text.startsWith('Talked through the new booking'),
    );
    expect(copies).toHaveLength(1);
    const list = page.getByRole('list', { name: 'Notes about you' });
    await list.waitFor();
    expect((await list.textContent())?.split('Talked through the new booking').length).toBe(2);
    await page.close();
  }, 90_000);

  for (const theme of THEMES) {
    it(`axe-core finds no serious or critical violations on My notes (${theme} theme)`, async () => {
      const page = await fresh();
      await signInLocally(page, tab('notes', theme), who(19));
      await page.getByRole('heading', { level: 1, name: 'My notes' }).waitFor();
      await page.getByRole('tab', { name: 'My notes' }).waitFor();
      await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${theme}-notes`);
      await page.close();
    }, 90_000);
  }
});
