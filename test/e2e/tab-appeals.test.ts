/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- responses are read as loose JSON */
/**
 * The tab's appeals page in headless Chromium against the full local stack, for each party to a
 * Bexley appeal (002 Appendix 6): the colleague lodges it from their review, the hearer reads the
 * grounds and decides, HR finds it in the queue and records the hearing with its date, the manager
 * who held the review sees where it stands but not the grounds; HR also sees the disagreements
 * (004). axe-core finds nothing serious on any party's page, in every theme.
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
const GROUNDS = 'The record leaves out the housing project I led from October.';
const NOTE = 'Talked about the restructure and a hard winter.';

describe('Appeals in the tab (002 Appendix 6, 004)', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let appealId = '';
  // Bexley demo (tenant 3): staff 24 → manager 7 → head 3 (grandparent) → director 1 (hears appeals); 11 is HR.
  const who = (n: number) => {
    const e = stack.demo.employees.find((x) => x.id === personId(3, n));
    if (!e) throw new Error(`demo person ${String(n)} missing`);
    return e;
  };
  const tab = (hash: string, theme: string = 'default') => `${stack.baseUrl}/tab/?theme=${theme}#/${hash}`;
  const fresh = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(90_000);
    return page;
  };
  const settled = async (page: Page) => {
    await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
  };

  beforeAll(async () => {
    stack = await startStack({ referenceDate: REFERENCE_DATE });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it('002: the colleague lodges from their review, through a representative, and reads the deadlines, what happens next and who sees what', async () => {
    const colleague = who(24);
    const created = await api(stack, who(7).id, 'POST', `/api/v1/people/${colleague.id}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: NOTE },
    });
    const conversationId = created.json.record.id as string;
    const page = await fresh();
    await signInLocally(page, tab(`conversations/${colleague.id}/${conversationId}`), colleague);
    await page.getByRole('link', { name: 'Lodge an appeal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lodge an appeal' }).waitFor();
    await page.getByText(/by 17 May 2027 \(002 Appendix 6\)\. It goes to /).waitFor();
    await page.getByLabel('Your grounds for appeal').fill(GROUNDS);
    await page.getByLabel(/Trade union representative/).fill('Pat Rep, UNISON');
    await page.getByRole('button', { name: 'Lodge the appeal' }).click();
    await page.getByRole('heading', { level: 1, name: /^Your appeal against/ }).waitFor();
    appealId = decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
    expect(appealId).not.toBe('');
    await page.getByText(GROUNDS).waitFor();
    await page.getByText(/by Pat Rep, UNISON, trade union representative, on your behalf/).waitFor();
    const deadlines = page.getByRole('table', { name: 'Deadlines' });
    expect(await deadlines.textContent()).toContain('17 May 2027');
    await page.getByRole('heading', { name: 'What happens next' }).waitFor();
    await page.getByText(/hears the case from you \(or a representative\)/).waitFor();
    await page.getByRole('heading', { name: 'Who sees what' }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'appeals-appellant');
    await page.close();
  }, 300_000);

  it('HR sees the open appeal in the queue and the disagreements, records the hearing with its date, and the decision deadline follows', async () => {
    // 004's disagreement list is HR's whatever the scheme: a colleague disagrees with a record.
    const disagreeing = who(25);
    const record = await api(stack, who(7).id, 'POST', `/api/v1/people/${disagreeing.id}/conversations`, {
      body: { type: 'regular', date: REFERENCE_DATE, notes: NOTE },
    });
    const path = `/api/v1/people/${disagreeing.id}/conversations/${record.json.record.id as string}`;
    const disagreed = await api(stack, disagreeing.id, 'POST', `${path}/disagree`, {
      body: { text: 'The record misses the overtime.' },
      ifMatch: record.json.etag,
    });
    expect(disagreed.status).toBe(200);

    const hr = who(11);
    const page = await fresh();
    await signInLocally(page, tab('appeals'), hr);
    const queue = page.getByRole('table', { name: 'Open appeals' });
    await queue.getByRole('link', { name: who(24).displayName }).waitFor();
    expect(await queue.textContent()).not.toContain('housing project');
    const disagreements = page.getByRole('region', { name: 'Disagreements' });
    await disagreements.getByRole('cell', { name: disagreeing.displayName, exact: true }).waitFor();
    expect(await disagreements.textContent()).not.toContain('overtime');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'appeals-hr-queue');
    await disagreements.getByRole('button', { name: `Form sent to ${disagreeing.displayName}` }).click();
    await page.getByText(`The form is recorded as sent to ${disagreeing.displayName}.`).waitFor();

    await queue.getByRole('link', { name: who(24).displayName }).click();
    await page.getByText(GROUNDS).waitFor();
    const form = page.getByRole('form', { name: 'Record the hearing' });
    await form.getByLabel('Hearing date').fill('03/05/2027');
    await form.getByLabel('Also attending (names, separated by commas)').fill('Pat Rep, UNISON');
    await form.getByRole('button', { name: 'Record the hearing' }).click();
    await page.getByText('The hearing is recorded.').waitFor();
    await page.getByText(/3 May 2027 at 10:00, with .+ present for HR; also attending: Pat Rep, UNISON/).waitFor();
    // Five working days after the hearing: 10 May 2027.
    await expect
      .poll(async () => page.getByRole('table', { name: 'Deadlines' }).textContent())
      .toContain('10 May 2027');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'appeals-hr-hearing');
    await page.close();
  }, 300_000);

  it('002: the hearer reads the grounds and records the final written decision; the manager who held the review sees the outcome, not the grounds', async () => {
    const hearer = who(1);
    const page = await fresh();
    await signInLocally(page, tab(`appeals/${appealId}`), hearer);
    await page.getByText(GROUNDS).waitFor();
    await page.getByText(/You hear this appeal/).waitFor();
    const decide = page.getByRole('form', { name: 'Record the written decision' });
    await decide.getByRole('radio', { name: 'Upheld', exact: true }).check();
    await decide.getByLabel('The decision, and the action to be taken').fill('The project is added; rating 2.');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('heading', { name: 'Decision' }).waitFor();
    await page.getByText('The decision is final: there is no further internal appeal.').waitFor();
    expect(await page.getByRole('form', { name: 'Record the written decision' }).count()).toBe(0);
    await saveScreenshot(page, 'appeals-hearer-decided');
    await page.close();

    const manager = await fresh();
    await signInLocally(manager, tab(`appeals/${appealId}`), who(7));
    await manager.getByText(/You held the review/).waitFor();
    await manager.getByText(/^Upheld on 3 May 2027/).waitFor();
    const text = (await manager.getByRole('main').textContent()) ?? '';
    expect(text).not.toContain('housing project');
    expect(text).not.toContain('rating 2');
    expect(await seriousAxeViolations(manager)).toEqual([]);
    await saveScreenshot(manager, 'appeals-manager');
    await manager.close();
  }, 300_000);

  for (const theme of THEMES) {
    it(`axe-core finds no serious or critical violations on an appeal and HR's queue (${theme} theme)`, async () => {
      const page = await fresh();
      await signInLocally(page, tab(`appeals/${appealId}`, theme), who(24));
      await page.getByRole('heading', { name: 'Who sees what' }).waitFor();
      await settled(page);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${theme}-appeal`);
      await page.close();
      const hr = await fresh();
      await signInLocally(hr, tab('appeals', theme), who(11));
      await hr.getByRole('heading', { name: 'Disagreements' }).waitFor();
      await settled(hr);
      expect(await seriousAxeViolations(hr)).toEqual([]);
      await saveScreenshot(hr, `${theme}-appeals-hr`);
      await hr.close();
    }, 240_000);
  }
});
