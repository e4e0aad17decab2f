/**
 * Defects found by trying the tab as a manager and a colleague would, each pinned in headless
 * Chromium against the full local stack: Team Themes saved again and again, labels that ran into
 * their values, one way of writing a quarter, and the icons the browser and Outlook ask for.
 */
import { describe, expect, it } from 'vitest';
import { createNudgeSettingsStore } from '../../bot/src/cosmos/bot-state.ts';
import { saveScreenshot, signInLocally } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';

describe('tab defects', () => {
  const t = useTabTest();
  const { who, tab, fresh } = t;
  // Cumbria demo (tenant 1): person 6 manages 18–21 (demo/demo-org/people.ts).

  it('My team loads without a failed request, and Team Themes refuse an empty form, then save twice with a confirmation each time', async () => {
    const page = await fresh();
    const failed: string[] = [];
    page.on('response', (res) => {
      if (res.status() >= 400) failed.push(`${String(res.status())} ${new URL(res.url()).pathname}`);
    });
    await signInLocally(page, tab('team'), who(6));
    const themes = page.getByRole('region', { name: 'Team Themes' });
    const save = themes.getByRole('button', { name: 'Save Team Themes' });
    await save.waitFor();
    expect(failed).toEqual([]);

    // One quarter format: the period offered is written as the compliance panel writes it.
    const period = await themes.getByLabel('Period').inputValue();
    expect(period).toMatch(/^\d{4}-Q[1-4]$/);
    await page
      .getByRole('region', { name: 'Reviews on time' })
      .getByText(/, \d{4}-Q[1-4]$/)
      .waitFor();

    await save.click();
    await themes.getByText('Write at least one theme or a summary before saving.').waitFor();
    expect((await api(6, 'GET')).body).toBeNull();

    await themes.getByLabel('Training needs').fill('New casework system');
    await save.click();
    await themes.getByText(`Team Themes for ${period} saved.`, { exact: false }).waitFor();
    await saveScreenshot(page, 'team-themes-saved');

    await themes.getByLabel('Training needs').fill('New casework system\nDe-escalation refresher');
    await save.click();
    await expect
      .poll(async () => (await api(6, 'GET')).body?.trainingNeeds)
      .toEqual(['New casework system', 'De-escalation refresher']);
    await themes.getByText(`Team Themes for ${period} saved.`, { exact: false }).waitFor();
    expect(await themes.getByText('Changed by someone else').count()).toBe(0);
    expect(failed).toEqual([]);
    await page.close();
  }, 90_000);

  it("a manager sees how each report last said they were doing at a check-in; a colleague's API call is refused", async () => {
    const nudges = createNudgeSettingsStore((kind, partition) => t.stack.store.keyValues(kind, partition));
    const tenantId = who(18).tenantId;
    await nudges.put({
      tenantId,
      id: who(18).id,
      optedOut: false,
      wellbeing: { answer: 'struggling', answeredOn: '2027-05-02T09:00:00.000Z' },
      updatedAt: '2027-05-02T09:00:00.000Z',
    });
    const page = await fresh();
    await signInLocally(page, tab('team'), who(6));
    const row = page
      .getByRole('table', { name: 'My reports' })
      .getByRole('row')
      .filter({ hasText: who(18).displayName });
    await row.getByText('Struggling a bit').waitFor();
    expect(await row.textContent()).toContain('2 May 2027');
    expect(
      await page
        .getByRole('table', { name: 'My reports' })
        .getByRole('row')
        .filter({ hasText: who(19).displayName })
        .textContent(),
    ).toContain('Not answered');
    const colleague = await fetch(`${t.stack.baseUrl}/api/v1/people/${who(18).id}/wellbeing`, {
      headers: { authorization: `Bearer ${await t.stack.tokenFor(who(19).id)}` },
    });
    expect(colleague.status).toBe(403);
    await page.close();
  }, 60_000);

  it('the record page puts each heading on its own line above what it heads', async () => {
    const page = await fresh();
    await signInLocally(page, tab('conversations'), who(20));
    await page.getByRole('button', { name: 'Record a conversation' }).click();
    await page.getByLabel('Date you met').fill('2027-05-03');
    await page.getByLabel('Issues raised').fill('Rota changes over the summer');
    await page.getByRole('button', { name: 'Save the record' }).click();
    const heading = page.getByRole('heading', { name: 'Actions agreed' });
    await heading.waitFor();
    const none = page.getByText('None recorded.');
    await saveScreenshot(page, 'record-page-headings');
    const [h, p] = [await heading.boundingBox(), await none.boundingBox()];
    if (h === null || p === null) throw new Error('heading or its text not shown');
    expect(p.y).toBeGreaterThanOrEqual(h.y + h.height - 1);
    await page.close();
  }, 60_000);

  it('serves /favicon.ico and the add-in ribbon icons the manifest names as PNG images', async () => {
    for (const path of [
      '/favicon.ico',
      '/addin/assets/icon-16.png',
      '/addin/assets/icon-32.png',
      '/addin/assets/icon-80.png',
    ]) {
      const res = await fetch(`${t.stack.baseUrl}${path}`);
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({
        path,
        status: 200,
        type: 'image/png',
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
    }
    // A missing file is a 404, not the page in its place.
    expect((await fetch(`${t.stack.baseUrl}/addin/assets/icon-999.png`)).status).toBe(404);
  });

  type Themes = { trainingNeeds: string[] } | null;
  it('the sign-in page shows the situation each demo person illustrates, and finds them by it', async () => {
    const page = await fresh();
    await page.goto(tab('objectives'));
    await page.getByLabel('Organisation').selectOption(who(14).email.split('@')[1] ?? '');
    await page.getByLabel('Search by name or situation').fill('probation');
    const person = page.getByRole('listitem').filter({ hasText: who(14).displayName });
    await person.waitFor();
    expect(await person.textContent()).toContain('in probation');
    await page.getByLabel('Search by name or situation').fill('maternity');
    await page.getByRole('listitem').filter({ hasText: 'back from maternity leave' }).first().waitFor();
    expect(
      await page
        .getByRole('listitem')
        .filter({ hasText: who(14).displayName })
        .count(),
    ).toBe(0);
    await saveScreenshot(page, 'sign-in-situations');
    await page.close();
  });

  const api = async (n: number, method: string): Promise<{ status: number; body: Themes }> => {
    const res = await fetch(`${t.stack.baseUrl}/api/v1/people/${who(n).id}/team-themes`, {
      method,
      headers: { authorization: `Bearer ${await t.stack.tokenFor(who(n).id)}`, accept: 'application/json' },
    });
    return { status: res.status, body: (await res.json()) as Themes };
  };
});
