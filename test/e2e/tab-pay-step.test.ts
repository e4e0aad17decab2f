/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
/**
 * 003_6937000bba1c4f49.txt §5.8 in headless Chromium against the full stack: beside a Career
 * Conversation the line manager sees points I–V, defers a colleague whose training is incomplete
 * with a plan and a review date, and People Services enter the facts only they know; both steps
 * audited; axe finds nothing serious in any theme.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';
import { api, REFERENCE_DATE } from './api-helpers.ts';

describe('the pay-step decision in the tab (003)', () => {
  // Somerset (tenant 4): manager 8 has staff 26–29; 28's training is incomplete; 11 is People Services.
  const t = useTabTest({ tenant: 4 });
  const { who, tab, fresh } = t;

  it('003: the manager defers the step with a plan; People Services record the training; both audited', async () => {
    const colleague = who(28);
    const manager = who(8);
    const created = await api(t.stack, manager.id, 'POST', `/api/v1/people/${colleague.id}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: 'Only for the pair.' },
    });
    expect(created.status).toBe(201);
    const record = tab(`conversations/${colleague.id}/${created.json.record.id as string}`);

    const page = await fresh(60_000);
    await signInLocally(page, record, manager);
    const panel = page.getByRole('region', { name: new RegExp(`^Pay step of .* for ${colleague.displayName}`) });
    const criteria = panel.getByRole('table', { name: 'Pay-step criteria (003 §5.8)' });
    await criteria.waitFor();
    await criteria
      .getByRole('row', { name: /^IV .*Not met: Statutory or mandatory training is not complete/ })
      .waitFor();
    await criteria.getByRole('row', { name: /^V .*Not applicable/ }).waitFor();
    expect(await panel.getByRole('form', { name: 'Pay-step facts People Services enter' }).count()).toBe(0);

    const defer = panel.getByRole('form', { name: 'Defer the pay step' });
    await defer
      .getByLabel('The supportive plan and its timescales')
      .fill('Complete the four outstanding modules by 14 June.');
    await defer.getByLabel('First review date').fill('14/06/2027');
    await defer.getByRole('button', { name: 'Defer the pay step' }).click();
    await panel.getByText('The pay step is deferred; the plan’s review dates are now due.').waitFor();
    await panel
      .getByText(/Latest decision: Deferred on .*IV: Statutory or mandatory training is not complete/)
      .waitFor();

    for (const theme of TAB_THEMES) {
      await page.goto(tab(`conversations/${colleague.id}/${created.json.record.id as string}`, theme));
      await page.getByRole('table', { name: 'Pay-step criteria (003 §5.8)' }).waitFor();
      await saveScreenshot(page, `pay-step-manager-${theme}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    await page.close();

    const hrPage = await fresh(60_000);
    await signInLocally(hrPage, record, who(11));
    const facts = hrPage.getByRole('form', { name: 'Pay-step facts People Services enter' });
    await facts.getByLabel('Statutory and mandatory training complete').check();
    await facts.getByRole('button', { name: 'Save the facts' }).click();
    await hrPage.getByText('The pay-step facts are saved.').waitFor();
    await hrPage.getByRole('row', { name: /^IV .* Met$/ }).waitFor();
    expect(await seriousAxeViolations(hrPage)).toEqual([]);
    await hrPage.close();

    const audit = await api(t.stack, colleague.id, 'GET', `/api/v1/people/${colleague.id}/audit`);
    const actions: string[] = audit.json.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['pay-step.decided', 'pay-step.facts']));
    // The colleague's own reading of the decision is not offered here; the panel is the manager's and HR's.
    const own = await api(t.stack, colleague.id, 'GET', `/api/v1/people/${colleague.id}/pay-step`);
    expect(own.status).toBe(403);
  }, 240_000);
});
