/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
/**
 * The tab's administration page in headless Chromium against the full local stack: an
 * administrator brings a fresh tenant from nothing to a correct org chart and everyone's due list
 * with a directory sync and an HR import alone, driven from the page; settings changes are
 * versioned and a concurrent change is refused; people without the admin role get no admin
 * section and a 403; axe-core finds nothing serious in any theme.
 */
import type { Page } from 'playwright-core';
import { DEMO_TENANT_IDS } from '@pc/demo/demo-org.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaDirectory } from '../fakes/graph/delta.ts';
import {
  launchBrowser,
  saveScreenshot,
  seriousAxeViolations,
  signInLocally,
  type LaunchedBrowser,
} from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

const THEMES = ['default', 'dark', 'contrast'] as const;
const FRESH = '7e570000-0000-4000-a000-0000000000ae';
const mail = (id: string) => `${id}@fresh-council.example`;
const person = (id: string, name: string, title: string, managerId?: string, hired = '2019-04-01') => ({
  id,
  displayName: name,
  mail: mail(id),
  jobTitle: title,
  employeeHireDate: hired,
  ...(managerId === undefined ? {} : { managerId }),
});
const directory = new DeltaDirectory(FRESH, [
  person('clerk', 'Cora Clerk', 'Clerk to the Commission'),
  person('head', 'Hal Head', 'Head of Corporate Services', 'clerk'),
  person('lead', 'Lin Lead', 'Team Leader', 'head'),
  person('officer', 'Ola Officer', 'Corporate Officer', 'lead'),
  person('analyst', 'Ari Analyst', 'Research Analyst', 'lead'),
  person('starter', 'Stu Starter', 'Support Officer', 'lead', '2027-04-12'),
]);
const ADMIN = { id: 'it-admin', name: 'Ida Admin' };

const csv = (...rows: string[]) =>
  ['email,start_date,probation_status,probation_end_date,has_own_pc', ...rows].join('\n');
const BAD_FILE = csv(`${mail('officer')},2018-01-08,passed,,yes`, `${mail('nobody')},2018-01-08,,,yes`);
const GOOD_FILE = csv(
  `${mail('officer')},2018-01-08,passed,,yes`,
  `${mail('analyst')},2020-09-01,,,no`,
  `${mail('starter')},,in-probation,2027-10-12,no`,
);

describe('Administration in the tab', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  const tab = (hash: string, theme: string = 'default') => `${stack.baseUrl}/tab/?theme=${theme}#/${hash}`;
  const fresh = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    // The machine running these is busy: a first load of the tab may take a while.
    page.setDefaultTimeout(60_000);
    return page;
  };
  const token = (tid: string, oid: string, name: string, roles: string[]) =>
    stack.issuer.signToken({
      tid,
      oid,
      aud: stack.apiAudience,
      scp: 'access_as_user',
      name,
      ...(roles.length === 0 ? {} : { roles }),
    });

  /**
   * The fresh tenant's administrator is not in the directory before the first sync, so the local
   * picker cannot list them: their session is put in place, and the local issuer's answer carries
   * the Admin app role Entra would assign them.
   */
  const signInAsFreshAdmin = async (page: Page): Promise<void> => {
    const config = await (await fetch(`${stack.baseUrl}/local/config`)).json();
    const session = {
      person: { id: ADMIN.id, tenantId: FRESH, displayName: ADMIN.name, email: mail(ADMIN.id), roles: ['admin'] },
      config,
    };
    await page.addInitScript((value) => {
      window.sessionStorage.setItem('pc.local-session', value);
    }, JSON.stringify(session));
    const access = await token(FRESH, ADMIN.id, ADMIN.name, ['Admin']);
    await page.route(`${stack.issuerUrl}/local/sign-in**`, (route) =>
      route.fulfill({
        json: { access_token: access, token_type: 'Bearer', expires_in: 3600 },
        headers: { 'access-control-allow-origin': '*' },
      }),
    );
    await page.goto(tab('admin'));
    await page.getByRole('banner').getByText(ADMIN.name).waitFor();
  };

  beforeAll(async () => {
    stack = await startStack({
      referenceDate: REFERENCE_DATE,
      orgs: [directory],
      env: { ALLOWED_TENANTS: [...Object.values(DEMO_TENANT_IDS), FRESH].join(',') },
    });
    browser = await launchBrowser();
    // Onboarding: the organisation's name, scheme pack and nation, set by its administrator.
    const admin = await token(FRESH, ADMIN.id, ADMIN.name, ['Admin']);
    const before = await api(stack, undefined, 'GET', '/api/v1/admin/settings', { token: admin });
    const onboarded = await api(stack, undefined, 'PUT', '/api/v1/admin/settings', {
      token: admin,
      ifMatch: before.json.etag,
      body: {
        name: 'Fresh Commission',
        schemeId: 'assembly-secretariat',
        nation: 'england-and-wales',
        timeZone: 'Europe/London',
        quietHours: { start: '18:00', end: '08:00', days: [6, 7] },
        checkinEveryWeeks: 1,
        roleGroups: {},
        scheme: {},
      },
    });
    expect(onboarded.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it('a fresh tenant goes from nothing to its org chart and everyone’s due list by a sync and an import from the page', async () => {
    const page = await fresh();
    await signInAsFreshAdmin(page);
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByText('No directory sync has run for your organisation yet.').waitFor();

    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText('Sync finished: 6 joined, 0 moved, 0 left.').waitFor();
    const counts = page.getByRole('definition');
    await expect.poll(async () => (await counts.allTextContents()).join(' ')).toBe('6 0 0 0 0');

    const chart = Object.fromEntries(
      await Promise.all(
        directory.users.map(async (u) => [
          u.id,
          (await stack.store.employees.get(FRESH, u.id))?.item.jobs.find((j) => j.isMain)?.managerIds,
        ]),
      ),
    );
    expect(chart).toEqual({
      clerk: [],
      head: ['clerk'],
      lead: ['head'],
      officer: ['lead'],
      analyst: ['lead'],
      starter: ['lead'],
    });

    const file = page.getByLabel('HR file (CSV)');
    await file.setInputFiles({ name: 'hr-bad.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_FILE) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const problems = page.getByRole('table', { name: 'Problems in the file' });
    await problems.waitFor();
    expect(await problems.getByRole('row').nth(1).textContent()).toContain('3email');
    expect(await page.getByRole('button', { name: 'Apply the file' }).isDisabled()).toBe(true);

    await file.setInputFiles({ name: 'hr.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_FILE) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('3 rows, no problems: 3 people would change, 0 unchanged.').waitFor();
    expect((await stack.store.employees.get(FRESH, 'officer'))?.item.startDate).not.toBe('2018-01-08');
    await page.getByRole('button', { name: 'Apply the file' }).click();
    await page.getByText('hr.csv applied: 3 people changed, 0 unchanged.').waitFor();
    expect((await stack.store.employees.get(FRESH, 'officer'))?.item.startDate).toBe('2018-01-08');
    expect((await stack.store.employees.get(FRESH, 'analyst'))?.item.hasOwnPc).toBe(false);

    // Everyone's due list, as each person's own tab asks for it.
    for (const u of directory.users) {
      const mine = await token(FRESH, u.id, u.displayName, []);
      const due = await api(stack, undefined, 'GET', `/api/v1/people/${u.id}/due`, { token: mine });
      expect(due.status, u.id).toBe(200);
      expect(due.json.items.length, u.id).toBeGreaterThan(0);
    }
    const starter = await token(FRESH, 'starter', 'Stu Starter', []);
    const due = await api(stack, undefined, 'GET', '/api/v1/people/starter/due', { token: starter });
    // The org chart and the due list meet: the starter's conversations are with their line manager.
    expect(due.json.items.length).toBeGreaterThan(0);
    expect(due.json.items.every((i: { withIds: string[] }) => i.withIds.includes('lead'))).toBe(true);
    await saveScreenshot(page, 'admin-fresh-tenant');
    await page.close();
  }, 240_000);

  it('a settings change is a new version naming who made it; a change made meanwhile elsewhere is refused', async () => {
    const first = await fresh();
    await signInAsFreshAdmin(first);
    const second = await fresh();
    await signInAsFreshAdmin(second);
    for (const page of [first, second]) await page.getByLabel('Big Picture questions').waitFor();

    await first.getByLabel('Big Picture questions').fill('What will the new strategy ask of your team?');
    await first.getByRole('button', { name: 'Save settings' }).click();
    await first.getByText('Saved as version 2.').waitFor();
    const history = first.getByRole('list', { name: 'Changes to the settings' });
    await expect
      .poll(async () => history.textContent())
      .toContain(`Version 2: ${ADMIN.name} changed Big Picture questions`);

    await second.getByLabel('Check-in every (weeks)').fill('2');
    await second.getByRole('button', { name: 'Save settings' }).click();
    const refused = second.getByRole('alert');
    await refused.getByText('Changed by someone else').waitFor();
    expect(await refused.textContent()).toContain('Someone else changed this record while you were working on it.');
    expect(await second.getByLabel('Check-in every (weeks)').inputValue()).toBe('2');
    await first.close();
    await second.close();

    // The Big Picture agenda everyone reads now carries the organisation's question (004).
    const admin = await token(FRESH, ADMIN.id, ADMIN.name, ['Admin']);
    const scheme = await api(stack, undefined, 'GET', '/api/v1/scheme', { token: admin });
    expect(scheme.json.bigPicture.questions.map((q: { text: string }) => q.text)).toEqual([
      'What will the new strategy ask of your team?',
    ]);
  }, 240_000);

  it('the demo administrator is marked on the sign-in page; a colleague gets no admin section and a 403', async () => {
    const hr = stack.demo.employees.find((e) => e.id === who(1, 11));
    const colleague = stack.demo.employees.find((e) => e.id === who(1, 19));
    if (hr === undefined || colleague === undefined) throw new Error('demo people missing');
    const page = await fresh();
    await page.goto(tab('objectives'));
    await page.getByLabel('Organisation').selectOption(hr.email.split('@')[1] ?? '');
    await expect.poll(async () => page.locator('body').textContent()).toContain(`${hr.displayName} — hr, admin`);
    await page.getByRole('button', { name: `Sign in as ${colleague.displayName}`, exact: true }).click();
    await page.getByRole('banner').getByText(colleague.displayName).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('tab').first().waitFor();
    expect(await page.getByRole('tab', { name: 'Administration' }).count()).toBe(0);
    const refused = await api(stack, colleague.id, 'GET', '/api/v1/admin/settings');
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('Only an administrator of your organisation can do this');
    await page.close();
  }, 90_000);

  for (const theme of THEMES) {
    it(`axe-core finds no serious or critical violations on Administration (${theme} theme)`, async () => {
      const hr = stack.demo.employees.find((e) => e.id === who(1, 11));
      if (hr === undefined) throw new Error('demo administrator missing');
      const page = await fresh();
      await signInLocally(page, tab('admin', theme), hr);
      await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
      await page.getByRole('table', { name: 'Who holds which role' }).waitFor();
      await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await saveScreenshot(page, `${theme}-admin`);
      await page.close();
    }, 90_000);
  }
});
