/**
 * #19 booking from the bot card, in the Microsoft 365 Agents Playground against the local stack
 * (`npm start`'s): Kate asks what is due, presses Book on the due card, and the card turns into the
 * times she and her manager are both free (their calendars in the local Graph), inside working hours
 * on working days, with the first one chosen and a link to the tab's booking page for other days.
 *
 * Then she presses Book on that card (itself the answer to the first press) and it turns into the
 * confirmation, with one booking stored. The double press that books once is tested against the real
 * Teams module in test/e2e/bot-booking.test.ts (the booked card has no Book button to press again).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_TENANT_IDS, demoPersonId } from '@pc/demo/demo-org.ts';
import { saveScreenshot } from '../support/browser.ts';
import { cardWith, openChat, say, unexpectedOffline, usePlayground } from '../support/playground.ts';

const TENANT = DEMO_TENANT_IDS['assembly-secretariat'];
// .m365agentsplayground.yml signs in as Kate Hughes (person 5 of the Assembly demo), who reports to Dana Nowak.
const KATE = demoPersonId(5, 5);
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

describe('booking from the bot card in the Agents Playground', () => {
  const t = usePlayground();
  let page: Page | undefined;
  afterAll(async () => {
    await page?.close();
  });

  it('due → Book turns the card into the times both are free, in working hours, with the booking page for other days; Book there books the chosen time', async () => {
    page = await openChat(t.playground, t.browser);
    const booked = async () =>
      (await t.store.conversations.listForEmployee(TENANT, KATE, {}, { pageSize: 100 })).items.filter(
        (c) => c.booking !== undefined,
      ).length;
    const bookedBefore = await booked();
    await say(page, 'due');
    const due = await cardWith(page, "What's due");
    await due.getByRole('button', { name: 'Book', exact: true }).click();

    const slots = await cardWith(page, 'Times when you are both free');
    expect(await slots.innerText()).toContain('with Dana Nowak');
    const times = slots.getByRole('radio');
    await times.first().waitFor();
    // Each time reads "Tue 8 Dec, 09:30–10:30": a working day, inside the demo's working hours (09:00–17:00).
    const slot = /^(\w{3}) \d{1,2} \w{3}, (\d{2}:\d{2})–(\d{2}:\d{2})$/;
    const offered = (await slots.innerText()).split('\n').filter((line) => slot.test(line.trim()));
    expect(offered).toHaveLength(await times.count());
    expect(offered.length).toBeGreaterThan(0);
    for (const time of offered) {
      const [, day = '', start = '', end = ''] = slot.exec(time.trim()) ?? [];
      expect(WEEKDAYS, time).toContain(day);
      expect(start >= '09:00' && end <= '17:00', time).toBe(true);
    }
    expect(await times.first().isChecked()).toBe(true);
    await saveScreenshot(page, 'playground-booking-slots');

    // The card's link for other days opens the tab's booking page.
    await page.evaluate(() => {
      window.open = (url?: string | URL) => {
        document.body.dataset.opened = String(url);
        return null;
      };
    });
    await slots.getByText('Other times in the app', { exact: true }).click();
    await expect.poll(() => page?.evaluate(() => document.body.dataset.opened ?? '')).toMatch(/\/tab\/#\/book$/);

    // Offering times books nothing.
    expect(await booked()).toBe(bookedBefore);

    // Kate picks the second time and books it: the card says when, and one conversation is booked.
    const chosen = offered[1] ?? offered[0] ?? '';
    await times.nth(offered.length > 1 ? 1 : 0).check();
    await slots.getByRole('button', { name: 'Book', exact: true }).click();
    const confirmation = await cardWith(page, /^Booked for /);
    // "Tue 8 Dec, 09:30–10:30" was chosen: "Booked for 8 Dec, 09:30".
    const when = /^\w{3} (.+)–/.exec(chosen.trim())?.[1] ?? chosen;
    expect(await confirmation.innerText()).toContain(`Booked for ${when}`);
    expect(await confirmation.innerText()).toContain('with Dana Nowak is in both calendars');
    await expect.poll(booked).toBe(bookedBefore + 1);
    await saveScreenshot(page, 'playground-booking-booked');
    expect(unexpectedOffline(t.offline)).toEqual([]);
  }, 240_000);
});
