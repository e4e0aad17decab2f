/**
 * The Teams tab in headless Chromium against the full local stack: sign-in via the local issuer,
 * objectives with SMART hints, recording and agreeing a conversation, a manager's team, and
 * axe-core on every page in the light, dark and high-contrast themes.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';

const THEMES = TAB_THEMES;

describe('Teams tab in Chromium', () => {
  const t = useTabTest();
  const { who, tab, fresh } = t;
  // Cumbria demo (tenant 1): person 6 manages 18–21, person 5 manages 14–17 (demo/demo-org/people.ts).

  it('a colleague signs in, adds an objective with SMART hints, records and agrees a conversation, and sees it in history', async () => {
    const page = await fresh();
    const colleague = who(19);
    await signInLocally(page, tab('objectives'), colleague);
    await page.getByRole('heading', { name: 'My objectives', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Add an objective' }).click();
    await page.getByLabel('Title').fill('Improve things');
    const missing = page.locator('[data-letter][data-ok="false"]');
    await missing.first().waitFor();
    expect(await missing.count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'SMART check' }).textContent()).toMatch(/missing\./);
    await saveScreenshot(page, 'objective-form-smart-hints');

    await page.getByLabel('Title').fill('Cut the average reply time to library enquiries to 2 working days');
    await page.getByLabel('Target date').fill('2027-12-31');
    await page.getByRole('button', { name: 'Save objective' }).click();
    await page.getByRole('heading', { level: 1, name: /Cut the average reply time/ }).waitFor();

    await page.goto(tab('conversations'));
    await page.getByRole('button', { name: 'Record a conversation' }).click();
    await page.getByLabel('Date you met').fill('2027-05-03');
    await page.getByLabel('Issues raised').fill('Backlog of enquiries after the system change');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByLabel('Action 1', { exact: true }).fill('Book training on the new system');
    await page.getByRole('button', { name: 'Save the record' }).click();
    await page.getByRole('heading', { name: 'Actions agreed' }).waitFor();
    expect(await page.getByText('Book training on the new system').count()).toBe(1);

    await page.getByRole('button', { name: 'Agree the record' }).click();
    await page.getByText('You agreed the record.').waitFor();
    // The agreement lines are worded for the reader: the colleague reads their own as "You".
    await page.getByText(/^You: agreed/).waitFor();

    await page.goto(tab('conversations'));
    const history = page.getByRole('list', { name: 'Conversation history' });
    await history.waitFor();
    expect(await history.textContent()).toContain('3 May 2027');
    await page.close();
  }, 90_000);

  it('a manager sees their own team and not another team', async () => {
    const page = await fresh();
    await signInLocally(page, tab('team'), who(6));
    const table = page.getByRole('table', { name: 'My reports' });
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const n of [18, 19, 20, 21]) expect(text).toContain(who(n).displayName);
    for (const n of [14, 15, 16, 17]) expect(text).not.toContain(who(n).displayName);

    // The API behind the page refuses another team's records too.
    const token = await t.stack.tokenFor(who(6).id);
    const res = await fetch(`${t.stack.baseUrl}/api/v1/people/${who(14).id}/conversations`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(403);
    await page.close();
  });

  it('a colleague with no reports has no My team tab', async () => {
    const page = await fresh();
    await signInLocally(page, tab('objectives'), who(19));
    await page.getByRole('tab', { name: 'My conversations' }).waitFor();
    expect(await page.getByRole('tab', { name: 'My team' }).count()).toBe(0);
    await page.close();
  });

  for (const theme of THEMES) {
    it(`axe-core finds no serious or critical violations on any page (${theme} theme)`, async () => {
      const page = await fresh();
      await page.goto(tab('objectives', theme));
      await page.getByRole('heading', { name: /Sign in/ }).waitFor();
      const found: Record<string, unknown> = { 'sign-in': await seriousAxeViolations(page) };
      await saveScreenshot(page, `${theme}-sign-in`);
      await signInLocally(page, tab('objectives', theme), who(6));
      const pages: [string, string][] = [
        ['objectives', 'My objectives'],
        ['objectives/new', 'Add an objective'],
        ['conversations', 'My conversations'],
        ['conversations/new', 'Record a conversation'],
        ['team', 'My team'],
      ];
      for (const [hash, heading] of pages) {
        await page.goto(tab(hash, theme));
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        // A locator, not a string predicate: the page's Content-Security-Policy forbids eval.
        await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
        found[hash] = await seriousAxeViolations(page);
        await saveScreenshot(page, `${theme}-${hash}`);
      }
      expect(Object.fromEntries(Object.entries(found).filter(([, v]) => (v as unknown[]).length > 0))).toEqual({});
      await page.close();
    }, 120_000);
  }
});
