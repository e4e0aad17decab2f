/**
 * How often a pair meet is part of the record they agree (003 §5.1, 003 §3.2), in the Teams tab in
 * headless Chromium against the full local stack: the manager records a supervision and sets the
 * frequency, the colleague sees it waiting for agreement, both agree, and the colleague's due list
 * follows the new frequency and says when it was agreed.
 */
/* eslint-disable @typescript-eslint/no-unsafe-member-access -- API replies are read as loose JSON */
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
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

// Somerset (003) is demo tenant 4; manager 6 manages 18–21.
const TENANT = 4;
const STAFF = 19;
const MANAGER = 6;

describe('003: the pair agree how often they meet in the record, and the due list follows it', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  const person = (n: number) => {
    const e = stack.demo.employees.find((x) => x.id === who(TENANT, n));
    if (!e) throw new Error(`demo person ${String(n)} missing`);
    return e;
  };
  const first = (n: number) => person(n).displayName.split(' ')[0] ?? '';
  const tab = (hash: string) => `${stack.baseUrl}/tab/#/${hash}`;
  const signedIn = async (n: number, hash: string): Promise<Page> => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    await signInLocally(page, tab(hash), person(n));
    await page.goto(tab(hash));
    return page;
  };
  const regularDue = async () => {
    const res = await api(stack, who(TENANT, STAFF), 'GET', `/api/v1/people/${who(TENANT, STAFF)}/due`);
    expect(res.status).toBe(200);
    return (res.json.items as { type: string; status: string; dueDate: string; reason: string }[]).find(
      (i) => i.type === 'regular',
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

  it('003 §5.1: a fortnightly frequency set in a supervision record applies once both agree it', async () => {
    expect(REFERENCE_DATE).toBe('2027-05-03');
    // The manager writes up a supervision held twelve days ago and sets how often they will meet.
    const manager = await signedIn(MANAGER, `conversations/new/${who(TENANT, STAFF)}`);
    await manager
      .getByRole('heading', { level: 1, name: `Record a conversation with ${person(STAFF).displayName}` })
      .waitFor();
    await manager.getByLabel('Date you met').fill('21/04/2027');
    await manager.getByLabel('Issues raised').fill('Caseload after the ward move');
    await manager.getByRole('button', { name: 'Add an action' }).click();
    await manager.getByLabel('Action 1', { exact: true }).fill('Shadow the discharge coordinator');
    const frequency = manager.getByLabel(`How often will you and ${first(STAFF)} meet?`);
    await frequency.selectOption({ label: 'Every 2 weeks' });
    expect(await manager.getByText('It applies once you have both agreed this record (003 §5.1).').count()).toBe(1);
    expect(await seriousAxeViolations(manager)).toEqual([]);
    await saveScreenshot(manager, 'pair-agreement-1-manager-sets-frequency');
    await manager.getByRole('button', { name: 'Save the record' }).click();
    await manager.getByText('Every 2 weeks, once you have both agreed this record').waitFor();
    await manager.getByRole('button', { name: 'Agree the record' }).click();
    await manager.getByText('You agreed the record.').waitFor();
    const recordUrl = manager.url();

    // Agreed by one of them only: the colleague's due list still runs at the job's six weeks.
    const before = await regularDue();
    expect(before?.reason ?? '').not.toContain('every 2 weeks');
    const colleague = await signedIn(STAFF, 'conversations');
    await colleague.getByRole('heading', { name: 'What is due, and why' }).waitFor();
    await colleague.getByText('History').waitFor();
    expect(await colleague.getByText(/every 2 weeks, as you agreed/).count()).toBe(0);

    // The colleague agrees the record; from now on they meet every two weeks.
    await colleague.goto(recordUrl);
    await colleague.getByText('Every 2 weeks, once you have both agreed this record').waitFor();
    await colleague.getByRole('button', { name: 'Agree the record' }).click();
    await colleague.getByText('You agreed the record.').waitFor();
    await colleague.getByText('Every 2 weeks, agreed by you both').waitFor();
    expect(await regularDue()).toMatchObject({ status: 'due', dueDate: '2027-05-05' });

    await colleague.goto(tab('conversations'));
    const due = colleague.getByRole('region', { name: 'What is due, and why' });
    await due.getByText(/every 2 weeks, as you agreed on 3 May 2027; next by 5 May 2027/).waitFor();
    expect(await due.textContent()).toContain('the last one on 21 April 2027');
    expect(await seriousAxeViolations(colleague)).toEqual([]);
    await saveScreenshot(colleague, 'pair-agreement-2-due-list-follows');
    await colleague.close();
    await manager.close();
  }, 120_000);
});
