/**
 * The tab's My data page in headless Chromium against the full local stack: the employee takes
 * their own subject-access export and sees who opened their records; HR fulfils a request and
 * opens a record only with a stated reason, which the employee then reads in their audit view;
 * each control shows only to those who may use it; axe-core finds nothing serious in any theme.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';
import { api, REFERENCE_DATE } from './api-helpers.ts';

const THEMES = TAB_THEMES;

interface Exported {
  readonly person: { readonly id: string };
  readonly conversations: unknown;
}
const NOTE = 'Talked through a hard month; agreed a lighter rota for June.';
const SAR_REASON = 'Subject access request ref SAR-2027-204';
const AUDIT_REASON = 'Records audit sample 2027/31';

describe('My data in the tab', () => {
  const t = useTabTest();
  const { who, tab, fresh } = t;
  // Cumbria demo (tenant 1): person 6 manages 18–21; person 11 is HR.
  const downloaded = async (page: Page, click: () => Promise<void>): Promise<Exported> => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return JSON.parse(await readFile(await download.path(), 'utf8')) as Exported;
  };

  it('an employee downloads everything held about them and sees that they took it; no request controls are offered to them', async () => {
    const colleague = who(20);
    const page = await fresh();
    await signInLocally(page, tab('me'), colleague);
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    await page.getByText('Nobody has opened your records').waitFor();
    expect(await page.getByRole('heading', { name: 'Requests about someone else' }).count()).toBe(0);

    const data = await downloaded(page, () => page.getByRole('button', { name: 'Download my data' }).click());
    expect(data.person.id).toBe(colleague.id);
    expect(Array.isArray(data.conversations)).toBe(true);
    await page.getByText('Your copy of everything held about you has been downloaded.').waitFor();
    const audit = page.getByRole('list', { name: 'Who opened your records' });
    await audit.waitFor();
    expect(await audit.textContent()).toContain('You took a copy of everything held about you');
    await page.close();
  }, 60_000);

  it('HR states a reason to fulfil a request and to open a record; the employee sees who did it and why', async () => {
    const colleague = who(21);
    const hr = who(11);
    const created = await api(t.stack, who(6).id, 'POST', `/api/v1/people/${colleague.id}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: NOTE },
    });
    expect(created.status).toBe(201);

    const page = await fresh();
    await signInLocally(page, tab('me'), hr);
    const others = page.getByRole('region', { name: 'Requests about someone else' });
    await others.waitFor();
    const find = others.getByRole('form', { name: 'Find a person' });
    await find.getByLabel('Name or email address').fill(colleague.displayName);
    await find.getByRole('button', { name: 'Find' }).click();
    await find.getByRole('radio', { name: new RegExp(colleague.displayName) }).check();

    const sar = others.getByRole('form', { name: `Fulfil a subject-access request for ${colleague.displayName}` });
    const download = sar.getByRole('button', { name: `Download ${colleague.displayName}'s data` });
    await download.click();
    await sar.getByText('State why; the person will read it.').waitFor();
    await sar.getByLabel('Why, in words the person will read').fill('because');
    await download.click();
    await sar.getByText(/at least 10 visible characters/).waitFor();
    await sar.getByLabel('Why, in words the person will read').fill(SAR_REASON);
    const data = await downloaded(page, () => download.click());
    expect(data.person.id).toBe(colleague.id);

    const open = others.getByRole('form', { name: `Open one of ${colleague.displayName}'s conversation records` });
    await open.getByRole('radio').first().check();
    await open.getByLabel('Why, in words the person will read').fill(AUDIT_REASON);
    await open.getByRole('button', { name: 'Open the record' }).click();
    await open.getByText(NOTE).waitFor();
    // The request forms, the search results and the opened record are checked as well as the empty page.
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'my-data-hr-requests');
    await page.close();

    const theirs = await fresh();
    await signInLocally(theirs, tab('me'), colleague);
    const audit = theirs.getByRole('list', { name: 'Who opened your records' });
    await audit.waitFor();
    const text = (await audit.textContent()) ?? '';
    expect(text).toContain(`${hr.displayName} took a copy of everything held about you`);
    expect(text).toContain(SAR_REASON);
    expect(text).toContain(`${hr.displayName} opened a conversation record of yours with exceptional access`);
    expect(text).toContain(AUDIT_REASON);
    await saveScreenshot(theirs, 'my-data-employee-audit');
    await theirs.close();
  }, 150_000);

  it('a line manager is offered no request controls, and the person search behind them refuses them', async () => {
    const page = await fresh();
    await signInLocally(page, tab('me'), who(6));
    await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Requests about someone else' }).count()).toBe(0);
    await page.close();
    // The search behind the HR controls refuses everyone else too.
    const refused = await api(t.stack, who(6).id, 'GET', '/api/v1/people?q=an');
    expect(refused.status).toBe(403);
  });

  for (const theme of THEMES) {
    it(`axe-core finds no serious or critical violations on My data (${theme} theme)`, async () => {
      const page = await fresh();
      await signInLocally(page, tab('me', theme), who(11));
      await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
      await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${theme}-my-data`);
      await page.close();
    }, 90_000);
  }
});
