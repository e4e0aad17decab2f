/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
/**
 * A Microsoft 365 tenant the product has never seen, in headless Chromium against the full local
 * stack: a colleague is told in a sentence to wait; its administrator picks the scheme pack, the
 * nation and the basic settings, confirms, and lands on the administration page as the first
 * directory sync brings the staff in. A repeat sets nothing up twice. The Team Themes template
 * the administrator words is what a manager's form then shows. axe-core finds nothing serious.
 */
import { DEMO_TENANT_IDS } from '@pc/demo/demo-org.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeltaDirectory } from '../fakes/graph/delta.ts';
import { launchBrowser, saveScreenshot, seriousAxeViolations, type LaunchedBrowser } from '../support/browser.ts';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE } from './api-helpers.ts';

const UNSEEN = '7e570000-0000-4000-a000-00000000b0a7';
const staff = [
  { id: 'chief', displayName: 'Cai Chief', jobTitle: 'Chief Executive' },
  { id: 'lead', displayName: 'Lou Lead', jobTitle: 'Service Lead', managerId: 'chief' },
  { id: 'worker', displayName: 'Wren Worker', jobTitle: 'Support Worker', managerId: 'lead' },
  { id: 'carer', displayName: 'Cam Carer', jobTitle: 'Care Assistant', managerId: 'lead' },
].map((u) => ({ ...u, mail: `${u.id}@unseen-council.example`, employeeHireDate: '2020-06-01' }));
const ADMIN = { id: 'it-admin', displayName: 'Ira Admin' };
const ONBOARDING = {
  name: 'Unseen Borough Council',
  schemeId: 'cumbria-vip',
  nation: 'scotland',
  timeZone: 'Europe/London',
  quietHours: { start: '18:00', end: '08:00', days: [6, 7] },
  checkinEveryWeeks: 2,
};

describe('Onboarding a new organisation from the tab', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  const token = (oid: string, name: string, roles: string[]) =>
    stack.issuer.signToken({
      tid: UNSEEN,
      oid,
      aud: stack.apiAudience,
      scp: 'access_as_user',
      name,
      ...(roles.length === 0 ? {} : { roles }),
    });

  /** The tab as `person` from the unseen tenant: the local sign-in answers with Entra's token for them. */
  const openAs = async (person: { id: string; displayName: string }, roles: string[], hash: string) => {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(60_000);
    const config: unknown = await (await fetch(`${stack.baseUrl}/local/config`)).json();
    const session = JSON.stringify({
      person: { id: person.id, tenantId: UNSEEN, displayName: person.displayName, email: '', roles },
      config,
    });
    await page.addInitScript((value) => {
      window.sessionStorage.setItem('pc.local-session', value);
    }, session);
    const access = await token(person.id, person.displayName, roles.includes('admin') ? ['Admin'] : []);
    await page.route(`${stack.issuerUrl}/local/sign-in**`, (route) =>
      route.fulfill({
        json: { access_token: access, token_type: 'Bearer', expires_in: 3600 },
        headers: { 'access-control-allow-origin': '*' },
      }),
    );
    await page.goto(`${stack.baseUrl}/tab/#/${hash}`);
    return page;
  };
  const settingsVersions = async () => (await stack.store.tenants.get(UNSEEN))?.item.settings?.version;

  beforeAll(async () => {
    stack = await startStack({
      referenceDate: REFERENCE_DATE,
      orgs: [new DeltaDirectory(UNSEEN, staff)],
      env: { ALLOWED_TENANTS: [...Object.values(DEMO_TENANT_IDS), UNSEEN].join(',') },
    });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it('a colleague from the unseen organisation is told to wait for their administrator, in a sentence', async () => {
    const page = await openAs(staff[2] ?? ADMIN, [], 'objectives');
    await page.getByText('Your organisation has not started using Performance Conversations yet.').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Reference');
    expect(await page.getByRole('button', { name: 'Continue' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }, 120_000);

  it('its administrator picks the scheme, nation and settings, confirms, and lands as the first sync brings staff in', async () => {
    const page = await openAs(ADMIN, ['admin'], 'objectives');
    await page.getByRole('heading', { name: 'Set up your organisation' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByText('Give your organisation’s name.').waitFor();

    await page.getByLabel('Organisation name').fill(ONBOARDING.name);
    expect(await page.getByRole('radio').count()).toBe(5);
    await page.getByRole('radio', { name: 'Cumbria VIP (policy 000)' }).check();
    await page.getByLabel('Nation (for bank holidays)').selectOption('scotland');
    await page.getByLabel('Check-in every (weeks)').fill('2');
    await page.getByRole('button', { name: 'Continue' }).click();

    const summary = page.getByRole('definition');
    await page.getByRole('heading', { name: `Set up ${ONBOARDING.name}?` }).waitFor();
    expect(await summary.allTextContents()).toEqual([
      'Cumbria VIP (policy 000)',
      'Scotland',
      'Europe/London',
      '18:00 to 08:00, and weekends',
      'every 2 weeks',
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await stack.store.tenants.get(UNSEEN)).toBeUndefined();
    await page.getByRole('button', { name: 'Confirm and set up' }).click();

    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByText('The first directory sync finished: 4 joined.', { exact: false }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/admin');
    const counts = page.getByLabel("Last run's counts");
    await expect.poll(async () => (await counts.getByRole('definition').allTextContents()).join(' ')).toBe('4 0 0 0 0');
    const tenant = (await stack.store.tenants.get(UNSEEN))?.item;
    expect(tenant).toMatchObject({ name: ONBOARDING.name, schemeId: 'cumbria-vip', nation: 'scotland' });
    expect(tenant?.settings).toMatchObject({ version: 1, checkinEveryWeeks: 2, updatedBy: ADMIN.id });
    expect((await stack.store.employees.get(UNSEEN, 'worker'))?.item.jobs[0]?.managerIds).toEqual(['lead']);
    await expect.poll(() => page.locator('.fui-Spinner').count(), { timeout: 15_000 }).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, 'onboarding-landed');
    await page.close();
  }, 240_000);

  it('a second click or a retry sets nothing up again, and the setting up is in the audit trail once', async () => {
    const admin = await token(ADMIN.id, ADMIN.displayName, ['Admin']);
    const again = await api(stack, undefined, 'POST', '/api/v1/onboarding', {
      token: admin,
      body: { ...ONBOARDING, name: 'Another Name', schemeId: 'bexley-pms' },
    });
    expect(again.status).toBe(200);
    expect(again.json.created).toBe(false);
    expect(again.json.view.tenant).toMatchObject({ name: ONBOARDING.name, schemeId: 'cumbria-vip' });
    expect(await settingsVersions()).toBe(1);
    const trail = await stack.store.audit.listForSubject(UNSEEN, 'organisation', { pageSize: 100 });
    expect(trail.items.filter((e) => e.resource.type === 'onboarding')).toHaveLength(1);
    const colleague = await token('worker', 'Wren Worker', []);
    const refused = await api(stack, undefined, 'POST', '/api/v1/onboarding', { token: colleague, body: ONBOARDING });
    expect(refused.status).toBe(403);
  }, 60_000);

  it('the Team Themes template the administrator words is what a manager’s form shows', async () => {
    const admin = await openAs(ADMIN, ['admin'], 'admin');
    const heading = admin.getByLabel('Training needs heading');
    await heading.fill('Skills the team asked to build this year');
    await admin.getByRole('button', { name: 'Save settings' }).click();
    await admin.getByText('Saved as version 2.').waitFor();
    await admin.close();

    const lead = staff[1] ?? ADMIN;
    const page = await openAs(lead, [], 'team');
    const field = page.getByLabel('Training needs', { exact: true });
    await field.waitFor();
    const hint = await field.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${hint ?? ''}"]`).textContent()).toBe(
      'Skills the team asked to build this year. One per line.',
    );
    await page.close();
  }, 120_000);
});
