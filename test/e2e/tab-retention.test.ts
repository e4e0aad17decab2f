/**
 * Leavers' records in the tab on the Somerset demo (policy 003_6937000bba1c4f49.txt §6.1: records
 * are kept while the colleague is employed, and thereafter sent to People Services for filing and
 * archiving). HR sees the demo's leaver waiting, the administrator sets the keeping period the
 * policy leaves open, HR archives and reads "kept until …" under that period; axe-core finds
 * nothing serious in any theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_STORIES } from '@pc/demo/demo-org.ts';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';

describe('Leavers’ records in the tab (003 §6.1)', () => {
  const { who, tab, fresh } = useTabTest({ tenant: 4 });
  const section = (page: Page) => page.getByRole('region', { name: "Leavers' records" });

  it('003: HR sees the leaver, the administrator sets the keeping period, HR archives and sees "kept until"', async () => {
    const hr = who(11); // People Services adviser, also the tenant's administrator
    const leaver = who(DEMO_STORIES.leaver);
    const page = await fresh();
    await signInLocally(page, tab('organisation'), hr);
    const retention = section(page);
    const waiting = retention.getByRole('list', { name: 'Leavers to archive' });
    await waiting.waitFor();
    expect(await waiting.textContent()).toBe(`${leaver.displayName}: left on 13 April 2027`);
    expect(await retention.textContent()).toContain('sent to People Services for filing and archiving. (003 §6.1)');
    expect(await retention.textContent()).toMatch(/kept for 6 years, the product.s default: the policy sets no period/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The policy sets no period, so the administrator chooses one in the organisation's settings.
    await page.goto(tab('admin'));
    const years = page.getByLabel("Keep leavers' archived records for (years)");
    await years.fill('10');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Saved as version \d+\./ })
      .waitFor();
    const history = page.getByRole('list', { name: 'Changes to the settings' });
    await history.getByText("keeping period for leavers' records", { exact: false }).first().waitFor();

    await page.goto(tab('organisation'));
    await waiting.waitFor();
    expect(await retention.textContent()).toMatch(
      /kept for 10 years, as your organisation chose in its settings \(settings version \d+\); the policy sets no period/,
    );
    await retention.getByRole('button', { name: "Archive leavers' records now" }).click();
    await page
      .getByRole('status')
      .filter({ hasText: "Every leaver's records are now archived to People Services." })
      .waitFor();
    const kept = retention.getByRole('list', { name: 'Records in keeping' });
    await kept.waitFor();
    expect(await kept.textContent()).toBe(`${leaver.displayName}: archived on 3 May 2027, kept until 3 May 2037`);
    expect(await waiting.count()).toBe(0);
    await retention.getByText('No leaver is waiting to be archived.').waitFor();
    await saveScreenshot(page, 'organisation-retention');
    await page.close();
  }, 120_000);

  for (const theme of TAB_THEMES) {
    it(`003: the leavers' records section has no serious accessibility issue (${theme})`, async () => {
      const page = await fresh();
      await signInLocally(page, tab('organisation', theme), who(11));
      await section(page).getByRole('list', { name: 'Records in keeping' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
