/**
 * Recurring Regular conversations from the Outlook add-in's task pane, in headless Chromium with the
 * Office.js fake against the full local stack (Assembly Secretariat, policy 004): a manager chooses a
 * time for a Regular conversation from an appointment draft, ticks "Repeat at your agreed frequency",
 * sees the planned dates and the days left out with the server's reasons, and books one Outlook
 * series into both calendars. The reply to the first Book is lost, so Book is pressed again: still
 * one series. A second series for the same colleague is refused, and the pane says why.
 */
import type { Page } from 'playwright-core';
import type { ResponseOf, Routes } from '@pc/core/api';
import { afterAll, describe, expect, it } from 'vitest';
import { occurrencesOf } from '../fakes/graph/recurrence.ts';
import type { OfficeFakeOptions } from '../support/office-fake.ts';
import { useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';
import { openAddinPane } from './addin-pane.ts';

type Plan = ResponseOf<Routes['bookings.series.plan']>;

const longDate = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

describe('004 Regular: a series of Regular conversations booked from the Outlook add-in', () => {
  // Assembly demo (tenant 5): person 6 manages 18–21; 21 held a Big Picture conversation at the end of March.
  const t = useTabTest({ tenant: 5, viewport: { width: 420, height: 900 } });
  let page: Page | undefined;
  let plan: Plan;
  const manager = () => t.who(6);
  const report = () => t.who(21);

  /** The days of the report's booked Regular conversations, as their records say. */
  const regularDays = async (): Promise<string[]> => {
    const reply = await api(t.stack, manager().id, 'GET', `/api/v1/people/${report().id}/conversations?pageSize=100`);
    const { items } = reply.json as { items: { record?: { type: string; status: string; date: string } }[] };
    const booked = items.flatMap(({ record: r }) => (r?.type === 'regular' && r.status === 'booked' ? [r.date] : []));
    return booked.sort();
  };
  const seriesIn = (mailboxId: string) =>
    t.stack.graph.events(mailboxId).filter((e) => e.recurrence !== undefined && !e.isCancelled);

  /** A pane opened on a draft addressed to the report, with a time chosen for their Regular conversation. */
  const regularTimeChosen = async (slot: number): Promise<Page> => {
    const options: OfficeFakeOptions = {
      mode: 'compose',
      user: { email: manager().email, displayName: manager().displayName },
      appointment: {
        start: '2027-05-03T12:00:00.000Z',
        end: '2027-05-03T12:30:00.000Z',
        requiredAttendees: [{ email: report().email, displayName: report().displayName }],
      },
    };
    const pane = await openAddinPane(t.browser, t.stack, options, manager().id, 30_000);
    const who = pane.getByLabel('Who is the conversation with?');
    await expect.poll(() => who.inputValue()).toBe(report().id);
    await pane
      .getByRole('group', { name: 'Which conversation?' })
      .getByLabel(/^Regular performance conversation/)
      .check();
    await pane.getByRole('button', { name: 'Find times' }).click();
    await pane.getByRole('group', { name: 'When?' }).getByRole('radio').nth(slot).check();
    return pane;
  };

  afterAll(async () => {
    await page?.close();
  });

  it('the plan lists each meeting and the days left out with the reasons the server gives, before anything is booked', async () => {
    page = await regularTimeChosen(0);
    // The single booking steps aside while "Repeat" is ticked.
    await page.getByRole('checkbox', { name: 'Repeat at your agreed frequency' }).check();
    await page.getByRole('button', { name: 'Book conversation' }).waitFor({ state: 'hidden' });
    const planned = page.waitForResponse((r) => r.url().endsWith('/api/v1/bookings/series/plan'));
    await page.getByRole('button', { name: 'Show the dates' }).click();
    const reply = await planned;
    expect(reply.status()).toBe(200);
    plan = (await reply.json()) as Plan;

    const shown = page.getByRole('region', { name: 'Planned series' });
    await shown.waitFor();
    expect(await shown.textContent()).toMatch(
      /Repeats every month on the (first|second|third|fourth|last) \w+day until \d+ \w+ 2027: \d+ conversations\./,
    );
    const dates = await shown.getByRole('list', { name: 'Planned dates' }).getByRole('listitem').allTextContents();
    expect(dates).toHaveLength(plan.occurrences.length);
    expect(dates.length).toBeGreaterThanOrEqual(4);
    // 21's Big Picture conversations fall in the series' span (004: no Regular in those months).
    expect(plan.skipped.filter((s) => s.why === 'big-picture').length).toBeGreaterThanOrEqual(1);
    const leftOut = await shown.getByRole('list', { name: 'Left out' }).getByRole('listitem').allTextContents();
    expect(leftOut).toEqual(plan.skipped.map((s) => `${longDate(s.date)} is left out: ${s.reason}`));
    // Nothing is booked by looking.
    expect(await regularDays()).toEqual([]);
    expect(seriesIn(manager().id)).toEqual([]);
  }, 60_000);

  it('Book the series makes one Outlook series in both calendars; pressing Book again after a lost reply makes no second', async () => {
    const pane = page;
    if (pane === undefined) throw new Error('the plan test opens the pane');
    // The server books, then the connection drops before its answer arrives.
    const keys: string[] = [];
    let dropped = false;
    await pane.route(`${t.stack.baseUrl}/api/v1/bookings/series`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    const book = pane.getByRole('button', { name: 'Book the series' });
    await book.click();
    await expect.poll(() => pane.getByRole('alert').textContent()).toMatch(/^The series is not booked\./);
    // The plan is still there to book from.
    await pane.getByRole('region', { name: 'Planned series' }).waitFor();
    await expect.poll(() => book.isEnabled()).toBe(true);
    await book.click();
    await pane.getByRole('heading', { name: 'Series booked' }).waitFor();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    // The server sent the invitations, so the draft is offered for closing, as for a single booking.
    await pane.getByRole('button', { name: 'Close this draft' }).waitFor();
    // Booked once: Book cannot be pressed for it again.
    expect(await book.isDisabled()).toBe(true);

    const days = await regularDays();
    expect(days).toEqual(plan.occurrences.map((o) => o.date).sort());
    expect(await pane.getByRole('status').textContent()).toContain(`${String(days.length)} Regular conversations`);
    const mine = seriesIn(manager().id);
    expect(mine).toHaveLength(1);
    const meetings = occurrencesOf(mine[0]!);
    expect(meetings.map((m) => m.start.dateTime.slice(0, 10)).sort()).toEqual(days);
    const theirs = seriesIn(report().id);
    expect(theirs).toHaveLength(1);
    expect(theirs[0]?.iCalUId).toBe(mine[0]?.iCalUId);
    expect(occurrencesOf(theirs[0]!)).toHaveLength(days.length);
  }, 90_000);

  it('a second series over the same months is refused, and the pane says why and keeps the plan', async () => {
    const again = await regularTimeChosen(1);
    try {
      await again.getByRole('checkbox', { name: 'Repeat at your agreed frequency' }).check();
      await again.getByRole('button', { name: 'Show the dates' }).click();
      await again.getByRole('region', { name: 'Planned series' }).waitFor();
      await again.getByRole('button', { name: 'Book the series' }).click();
      await expect
        .poll(() => again.getByRole('alert').textContent())
        .toMatch(
          /^The series is not booked\. .*Regular performance conversation this month is already booked for .+\./,
        );
      const refusal = await again.getByRole('alert').textContent();
      expect(refusal).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      // Said beside the button too, where the manager is looking.
      expect(await again.locator('.series-problem').textContent()).toBe(refusal);
      await again.getByRole('region', { name: 'Planned series' }).waitFor();
      expect(await again.getByRole('button', { name: 'Book the series' }).isEnabled()).toBe(true);
      expect(await again.getByRole('heading', { name: 'Series booked' }).count()).toBe(0);
      expect(seriesIn(manager().id)).toHaveLength(1);
      expect(await regularDays()).toHaveLength(plan.occurrences.length);
    } finally {
      await again.close();
    }
  }, 90_000);
});
