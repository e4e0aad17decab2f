/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
/**
 * 002_28beca5d49af7c65.txt ("Bonus Payments", Step 3) in headless Chromium against the full stack:
 * the grandparent opens My team, sees how each of their managers' recommendations spread over the
 * ratings and the bonus and which team stands out, returns one recommendation with a reason and
 * agrees another, which only then reaches the colleague; axe finds nothing serious in any theme.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';
import { api, REFERENCE_DATE } from './api-helpers.ts';

describe('the grandparent’s consistency check in the tab (002)', () => {
  // Bexley (tenant 3): head 2 manages managers 5 (staff 14–17) and 6 (staff 18–21).
  const t = useTabTest({ tenant: 3 });
  const { who, tab, fresh } = t;

  /** The manager records an annual review with a rating recommendation; returns its path. */
  const recommend = async (managerN: number, staffN: number, rating: Record<string, unknown>): Promise<string> => {
    const manager = who(managerN).id;
    const person = who(staffN).id;
    const created = await api(t.stack, manager, 'POST', `/api/v1/people/${person}/conversations`, {
      body: { type: 'annual-review', date: REFERENCE_DATE, notes: 'Private to the pair.' },
    });
    expect(created.status).toBe(201);
    const path = `/api/v1/people/${person}/conversations/${created.json.record.id as string}`;
    const rated = await api(t.stack, manager, 'PATCH', path, { body: { rating }, ifMatch: created.json.etag });
    expect(rated.status).toBe(200);
    return path;
  };

  it('002: the grandparent sees the spread and the outlier, returns one recommendation and agrees another', async () => {
    const returnedPath = await recommend(5, 14, { value: '1', bonusRecommended: true });
    for (const n of [15, 16]) await recommend(5, n, { value: '1', bonusRecommended: true });
    const agreedPath = await recommend(6, 18, { value: '2' });
    await recommend(6, 19, { value: '2' });
    await recommend(6, 20, { value: '3', shortfall: 'Two statutory returns were late.' });

    // The check is the grandparent's: a manager finds no team of theirs in it.
    const asManager = await api(t.stack, who(5).id, 'GET', '/api/v1/me/rating-review');
    expect(asManager.json).toMatchObject({ applies: true, teams: [] });
    const asGrandparent = await api(t.stack, who(2).id, 'GET', '/api/v1/me/rating-review');
    expect(asGrandparent.status).toBe(200);
    expect(asGrandparent.json.overall).toMatchObject({ total: 6, bonus: 3 });

    const page = await fresh(60_000);
    await signInLocally(page, tab('team'), who(2));
    const spread = page.getByRole('table', { name: "How ratings spread across your managers' teams" });
    await spread.waitFor();
    const fives = spread.getByRole('row', { name: new RegExp(`^${who(5).displayName}'s team`) });
    expect((await fives.getByRole('cell').allTextContents()).slice(1)).toEqual(['3', '0', '0', '3', '3']);
    const all = spread.getByRole('row', { name: /^All teams/ });
    expect((await all.getByRole('cell').allTextContents()).slice(1)).toEqual(['3', '2', '1', '3', '6']);

    const fiveTeam = page.getByRole('region', { name: `${who(5).displayName}'s recommendations` });
    await fiveTeam.getByText(/This team stands out: 100% rated 1 \(increment\)/).waitFor();
    const sixTeam = page.getByRole('region', { name: `${who(6).displayName}'s recommendations` });
    // With two teams the comparison cuts both ways: the other team is told it gave fewer.
    await sixTeam.getByText(/This team stands out: 0% rated 1 \(increment\), fewer than the 100%/).waitFor();
    await sixTeam.getByText('How performance fell short: Two statutory returns were late.').waitFor();

    // Returning needs a reason the manager can act on.
    const first = fiveTeam.getByRole('region', { name: `${who(14).displayName}'s recommendation` });
    const manager5 = who(5).displayName.split(' ')[0] ?? '';
    const reason = 'Three Excellents with bonuses: add the evidence for each against the criteria.';
    await first.getByLabel(new RegExp(`Why return .*'s recommendation to ${manager5}`)).fill(reason);
    await first.getByRole('button', { name: `Return to ${manager5}` }).click();
    await first.getByText(`Returned to ${manager5} to look at again.`).waitFor();
    await first.getByText(new RegExp(`Returned to ${manager5} on .*${reason.slice(0, 20)}`)).waitFor();

    const colleague = who(18);
    const second = sixTeam.getByRole('region', { name: `${colleague.displayName}'s recommendation` });
    const firstName = colleague.displayName.split(' ')[0] ?? '';
    await second.getByRole('button', { name: `Agree and release to ${firstName}` }).click();
    await second.getByText(`Step 3 is complete: ${firstName} can now see the rating.`).waitFor();
    await second.getByText(/Agreed and released on/).waitFor();
    expect(await second.getByRole('button').count()).toBe(0);

    for (const theme of TAB_THEMES) {
      await page.goto(tab('team', theme));
      await page.getByRole('table', { name: "How ratings spread across your managers' teams" }).waitFor();
      await saveScreenshot(page, `rating-review-${theme}`);
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
    await page.close();

    // Only the agreed recommendation reaches its colleague; the returned one stays hidden.
    const own = await api(t.stack, colleague.id, 'GET', agreedPath);
    expect(own.json.record.rating).toMatchObject({ value: '2' });
    const audit = await api(t.stack, colleague.id, 'GET', `/api/v1/people/${colleague.id}/audit`);
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['rating.agreed', 'rating.released']),
    );
    const returnedTo = await api(t.stack, who(5).id, 'GET', `/api/v1/people/${who(5).id}/audit`);
    expect(returnedTo.json.items.map((e: { action: string }) => e.action)).toContain('rating.returned');

    // The manager reads the grandparent's reason on the record itself.
    const record = returnedPath.replace('/api/v1/people/', '').replace('/conversations/', '/');
    const managerPage = await fresh(60_000);
    await signInLocally(managerPage, tab(`conversations/${record}`), who(5));
    await managerPage
      .getByText(new RegExp(`Returned to you by ${who(2).displayName} on .*: ${reason.slice(0, 30)}`))
      .waitFor();
    await managerPage.close();
  }, 240_000);
});
