/**
 * Issue #22, per-person settings in the tab, in headless Chromium against the full local stack: a
 * person turns a nudge off, adds quiet hours of their own and names their deck answers; the choices
 * are kept; a save from a page loaded before another save is refused with a message and a reload;
 * axe-core finds nothing serious in any theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { TAB_THEMES, useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';

describe('My settings in the tab', () => {
  const t = useTabTest();
  const { who, tab, fresh } = t;
  const form = (page: Page) => page.getByRole('form', { name: 'My settings' });
  const open = async (n: number) => {
    const page = await fresh();
    await signInLocally(page, tab('settings'), who(n));
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await form(page).waitFor();
    return page;
  };

  it('a person turns a nudge off, adds their own quiet hours and names their answers; the choices are kept', async () => {
    const page = await open(22);
    const f = form(page);
    expect(await f.textContent()).toContain("Your organisation's quiet hours always apply: 18:00 to 08:00");
    const noteTold = f.getByRole('checkbox', { name: 'When someone logs a note about me' });
    expect(await noteTold.isChecked()).toBe(true);
    await noteTold.uncheck();
    await f.getByRole('checkbox', { name: 'Add quiet hours of my own' }).check();
    await f.getByLabel('Quiet from').fill('12:30');
    await f.getByLabel('Until').fill('13:30');
    await f.getByRole('checkbox', { name: 'Friday', exact: true }).check();
    await f.getByRole('checkbox', { name: 'Show my name with my answers to team starters' }).check();
    // Graph's activity feed is not configured locally: it cannot be chosen.
    expect(await f.getByRole('radio', { name: 'The Teams activity feed' }).isDisabled()).toBe(true);
    await f.getByRole('button', { name: 'Save my settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Your settings are saved.' }).waitFor();
    await saveScreenshot(page, 'settings-saved');

    await page.reload();
    await form(page).waitFor();
    expect(await form(page).getByRole('checkbox', { name: 'When someone logs a note about me' }).isChecked()).toBe(
      false,
    );
    expect(await form(page).getByLabel('Quiet from').inputValue()).toBe('12:30');
    expect(await form(page).getByRole('checkbox', { name: 'Friday', exact: true }).isChecked()).toBe(true);
    const stored = await api(t.stack, who(22).id, 'GET', '/api/v1/me/settings');
    expect(stored.json).toMatchObject({
      nudges: { preparation: true, 'note-told': false, digest: true, deadline: true },
      quietHours: { start: '12:30', end: '13:30', days: [5] },
      namedAnswers: true,
      channel: 'chat',
    });
    await page.close();
  }, 150_000);

  it('a save from a page loaded before another save is refused with what to do, and Reload shows the other change', async () => {
    const first = await open(23);
    const second = await open(23);
    await form(first).getByRole('checkbox', { name: 'Approaching deadlines' }).uncheck();
    await form(first).getByRole('button', { name: 'Save my settings' }).click();
    await first.getByRole('status').filter({ hasText: 'Your settings are saved.' }).waitFor();

    await form(second).getByRole('checkbox', { name: 'Preparation the day before a conversation' }).uncheck();
    await form(second).getByRole('button', { name: 'Save my settings' }).click();
    const alert = second.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Your settings changed elsewhere');
    expect(await alert.textContent()).toContain('Nothing was saved here: reload to see them');
    await alert.getByRole('button', { name: 'Reload' }).click();
    await alert.waitFor({ state: 'detached' });
    const f = form(second);
    expect(await f.getByRole('checkbox', { name: 'Approaching deadlines' }).isChecked()).toBe(false);
    expect(await f.getByRole('checkbox', { name: 'Preparation the day before a conversation' }).isChecked()).toBe(true);
    const stored = await api(t.stack, who(23).id, 'GET', '/api/v1/me/settings');
    expect(stored.json).toMatchObject({ nudges: { preparation: true, deadline: false } });
    await first.close();
    await second.close();
  }, 150_000);

  for (const theme of TAB_THEMES) {
    it(`axe-core finds no serious or critical violations on the settings page (${theme} theme)`, async () => {
      const page = await fresh();
      await signInLocally(page, tab('settings', theme), who(24));
      await form(page).getByRole('checkbox', { name: 'Add quiet hours of my own' }).check();
      await form(page).getByLabel('Quiet from').waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.close();
    }, 120_000);
  }
});
