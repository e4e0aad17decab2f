/**
 * The tab's Organisation page in headless Chromium against the full local stack, on the Somerset
 * demo (policy 003_6937000bba1c4f49.txt §8 compliance, §6 exceptional access; policy
 * 000_ba03dd1a34829aac.txt Team Themes): HR sees the organisation's figures as charts with their
 * tables and drills down to who is overdue; a senior manager sees their service; an auditor reads
 * the audit trail with filters and finds the exceptional-access form; axe-core finds nothing serious in any theme.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  saveScreenshot,
  seriousAxeViolations,
  signInLocally,
  type LaunchedBrowser,
} from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who as personId } from './api-helpers.ts';

const THEMES = ['default', 'dark', 'contrast'] as const;

describe('Organisation page in the tab', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  const who = (n: number) => {
    const e = stack.demo.employees.find((x) => x.id === personId(4, n));
    if (!e) throw new Error(`demo person ${String(n)} missing`);
    return e;
  };
  const tab = (theme: string = 'default') => `${stack.baseUrl}/tab/?theme=${theme}#/organisation`;
  const fresh = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  };
  const settled = async (page: Page) => {
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 20_000 }).toBe(0);
  };

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    browser = await launchBrowser();
    const put = await api(stack, who(5).id, 'PUT', `/api/v1/people/${who(5).id}/team-themes`, {
      body: { period: '2027-Q1', trainingNeeds: ['Safeguarding level 3 refresher'] },
    });
    expect(put.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it('HR reads the quarters and departments in tables beside the charts and drills down to who is overdue', async () => {
    const page = await fresh();
    await signInLocally(page, tab(), who(11));
    await settled(page);
    const quarters = page.getByRole('table', { name: 'Reviews completed on time, by quarter' });
    await quarters.waitFor();
    expect(await quarters.getByRole('row').count()).toBe(5); // header and four quarters
    expect(await quarters.textContent()).toContain('2027-Q2');
    const units = page.getByRole('table', { name: 'Reviews overdue now, by department' });
    expect(await units.textContent()).toContain('Surgery');
    const chart = page.getByRole('group', { name: /Reviews overdue now, by department: bar chart/ });
    await chart.locator('svg').first().waitFor();

    // Person 18 is overdue: choose their department and find them listed, with what is due.
    const overdue = who(18);
    const select = page.getByRole('combobox', { name: 'Department' });
    const options = await select.locator('option').allTextContents();
    const surgery = options.find((o) => o.includes('Surgery')) ?? '';
    await select.selectOption({ label: surgery });
    const list = page.getByRole('list', { name: /^Overdue in .*Surgery/ });
    await list.waitFor();
    expect(await list.textContent()).toContain(overdue.displayName);

    const themes = page.getByRole('list', { name: 'Training needs' });
    expect(await themes.textContent()).toContain(`Safeguarding level 3 refresher: raised by ${who(5).displayName}`);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'organisation-hr');
    await page.close();
  }, 120_000);

  it('a senior manager sees their service; a colleague is not shown the page', async () => {
    const page = await fresh();
    await signInLocally(page, tab(), who(1));
    await settled(page);
    await page.getByText('Figures for your service').waitFor();
    const units = page.getByRole('table', { name: 'Reviews overdue now, by department' });
    expect(await units.textContent()).toContain(who(2).jobs[0]?.title ?? 'missing');
    await page.close();

    const colleague = await fresh();
    await signInLocally(colleague, tab(), who(20));
    const nav = colleague.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('tab').first().waitFor();
    expect(await nav.getByRole('tab', { name: 'Organisation' }).count()).toBe(0);
    await colleague.close();
  }, 90_000);

  it('an auditor filters the audit trail by who acted and reads the reason; the exceptional-access form is the My data one', async () => {
    const reason = 'Records audit sample 2027/44';
    const subject = who(19);
    const created = await api(stack, who(6).id, 'POST', `/api/v1/people/${subject.id}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: 'Private note.' },
    });
    expect(created.status).toBe(201);
    const recordId = (created.json as { record: { id: string } }).record.id;
    const opened = await api(
      stack,
      who(11).id,
      'POST',
      `/api/v1/people/${subject.id}/conversations/${recordId}/exceptional-access`,
      { body: { category: 'audit', text: reason } },
    );
    expect(opened.status).toBe(200);

    const page = await fresh();
    await signInLocally(page, tab(), who(12));
    await settled(page);
    expect(await page.getByRole('heading', { name: 'Reviews completed on time' }).count()).toBe(0);
    const form = page.getByRole('form', { name: 'Filter the audit trail' });
    await form.getByLabel('By (name or email)').fill(who(11).email);
    await form.getByRole('combobox', { name: 'Action' }).selectOption('exceptional-access');
    await form.getByRole('button', { name: 'Show the trail' }).click();
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await trail.waitFor();
    const text = (await trail.textContent()) ?? '';
    expect(text).toContain(who(11).displayName);
    expect(text).toContain(subject.displayName);
    expect(text).toContain(reason);
    await page.getByRole('region', { name: 'Requests about someone else' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'organisation-auditor');
    await page.close();
  }, 120_000);

  for (const theme of THEMES) {
    it(`axe-core finds no serious or critical violations on the Organisation page (${theme} theme)`, async () => {
      const page = await fresh();
      await signInLocally(page, tab(theme), who(11));
      await settled(page);
      await page.getByRole('table', { name: 'Reviews completed on time, by quarter' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${theme}-organisation`);
      await page.close();
    }, 90_000);
  }
});
