/**
 * 004 coordinator bookings in the Outlook add-in (coordinators book there: the pane lists the staff
 * without a PC they book for). The times come from the line manager's and the member of staff's
 * calendars, not the coordinator's own; the invitation is sent from the manager's calendar; and the
 * coordinator prints a notice for the member of staff. Headless Chromium with the Office.js fake.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import type { OfficeFakeOptions } from '../support/office-fake.ts';
import { openAddinPane } from './addin-pane.ts';
import type { Stack } from '../support/stack.ts';

// Assembly Secretariat demo (tenant 5, policy 004): person 13 coordinates, 24 has no PC, 7 manages 24.
const assembly = (n: number) => `0d3e0005-0000-4000-a000-${String(n).padStart(12, '0')}`;
const REFERENCE_DATE = '2027-05-03';

describe('004 a coordinator books in the Outlook add-in', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  const person = (n: number) => {
    const found = stack.demo.employees.find((e) => e.id === assembly(n));
    if (!found) throw new Error(`demo person ${String(n)} missing`);
    return found;
  };

  const openPane = (options: OfficeFakeOptions, signInAs: string): Promise<Page> =>
    openAddinPane(browser, stack, options, signInAs, 40_000);

  beforeAll(async () => {
    const stackModule = '../support/stack.ts';
    const mod = (await import(stackModule)) as typeof import('../support/stack.ts');
    stack = await mod.startStack({ referenceDate: REFERENCE_DATE });
    browser = await launchBrowser({ viewport: { width: 420, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it(
    'offers times from the manager’s calendar, sends the invitation from it, and prints a notice for the member of staff',
    { timeout: 120_000 },
    async () => {
      const [coordinator, staff, manager] = [person(13), person(24), person(7)];
      // The coordinator is away for two months; the pair are not, so times are offered all the same.
      stack.graph.addBusy(coordinator.id, { start: '2027-05-03T00:00:00.000Z', end: '2027-07-03T00:00:00.000Z' });
      const page = await openPane(
        {
          mode: 'compose',
          user: { email: coordinator.email, displayName: coordinator.displayName },
          appointment: {
            start: `${REFERENCE_DATE}T12:00:00.000Z`,
            end: `${REFERENCE_DATE}T12:30:00.000Z`,
            requiredAttendees: [{ email: staff.email, displayName: staff.displayName }],
          },
        },
        coordinator.id,
      );
      await page.getByLabel('Who is the conversation with?').selectOption(staff.id);
      await page.getByRole('group', { name: 'Which conversation?' }).getByRole('radio').first().check();
      const before = stack.graph.requests().length;
      await page.getByRole('button', { name: 'Find times' }).click();
      const when = page.getByRole('group', { name: 'When?' });
      await when.getByRole('radio').first().waitFor();
      const asked = stack.graph.requests().slice(before);
      expect(asked.map((r) => r.path)).toEqual([`/users/${manager.id}/calendar/getSchedule`]);
      expect(asked[0]?.token?.scp).toBeUndefined();

      await when.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Book conversation' }).click();
      await page.getByRole('heading', { name: 'Booked', exact: true }).waitFor();

      const organised = stack.graph.events(manager.id).filter((e) => e.isOrganizer && !e.isCancelled);
      expect(organised).toHaveLength(1);
      expect(organised[0]?.attendees.map((a) => a.emailAddress.address.toLowerCase())).toEqual([
        staff.email.toLowerCase(),
      ]);
      expect(stack.graph.events(coordinator.id).filter((e) => e.iCalUId === organised[0]?.iCalUId)).toHaveLength(0);

      const notice = page.getByRole('region', { name: 'Notice for the member of staff' });
      await expect.poll(() => notice.textContent()).toContain(`${staff.displayName}: your`);
      expect(await notice.textContent()).toContain(`ask ${coordinator.displayName}, who booked it`);
      // Printed, the pane shows the notice and nothing else.
      await page.emulateMedia({ media: 'print' });
      expect(await notice.getByRole('heading').isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Book conversation' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: `Print the notice for ${staff.displayName}` }).isVisible()).toBe(
        false,
      );
      await page.close();
    },
  );
});
