/**
 * Issue #19, recurring Regular conversations, in the tab in headless Chromium against the full
 * local stack (Assembly Secretariat, policy 004): a manager repeats a Regular conversation monthly
 * until a date, sees the planned dates and the months left out because they hold a Big Picture
 * conversation before booking, books it with the keyboard, and both calendars hold one Outlook
 * series whose meetings are exactly the booked records' days; the months left out are the ones the
 * due list gives to the Big Picture conversation. axe-core finds nothing serious with the plan shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { occurrencesOf } from '../fakes/graph/recurrence.ts';
import { seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';

interface Booked {
  type: string;
  status: string;
  date: string;
  booking?: { start: string; eventIds: Record<string, string> };
}

const monthName = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );

describe('004 Regular: repeating a Regular conversation as one Outlook series', () => {
  // Assembly demo (tenant 5): person 6 manages 18–21; 21 held a Big Picture conversation at the end of March.
  const t = useTabTest({ tenant: 5 });
  let page: Page;
  const form = () => page.getByRole('form', { name: 'Book a conversation' });
  const regularsOf = async (n: number): Promise<Booked[]> => {
    const reply = await api(t.stack, t.who(6).id, 'GET', `/api/v1/people/${t.who(n).id}/conversations?pageSize=100`);
    const items = (reply.json as { items: { kind: string; record?: Booked }[] }).items;
    return items.flatMap((v) => (v.record?.type === 'regular' && v.record.status === 'booked' ? [v.record] : []));
  };
  /**
   * The months the due list gives to the Big Picture conversation: the one it names as next (after
   * one held, four months on from the month it answered), and the one four months after that.
   */
  const bigPictureMonths = async (n: number): Promise<string[]> => {
    const reply = await api(t.stack, t.who(6).id, 'GET', `/api/v1/people/${t.who(n).id}/due`);
    const items = (reply.json as { items: { type: string; status: string; windowStart: string }[] }).items;
    const item = items.find((i) => i.type === 'big-picture');
    const month = (k: number) => {
      const d = new Date(`${item?.windowStart ?? ''}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() + 4 * (item?.status === 'completed' ? k + 1 : k));
      return d.toISOString().slice(0, 7);
    };
    return [month(0), month(1)];
  };

  beforeAll(async () => {
    page = await t.fresh(60_000);
    await page.goto(t.tab('book'));
    await page.getByLabel('Organisation').waitFor({ timeout: 90_000 });
    await signInLocally(page, t.tab(`book/${t.who(21).id}`), t.who(6));
  }, 150_000);
  afterAll(async () => {
    await page.close();
  });

  it('004 Big Picture: the plan leaves out the Big Picture months and says why, before anything is booked', async () => {
    await form().getByLabel('Conversation').selectOption('regular');
    await form().getByRole('button', { name: 'Find times' }).click();
    const first = form().getByRole('radio').first();
    await first.waitFor();
    await first.check();

    // Keyboard only from here: tick "Repeat", ask for the dates.
    const repeat = form().getByRole('checkbox', { name: 'Repeat at your agreed frequency' });
    await repeat.focus();
    await page.keyboard.press('Space');
    expect(await repeat.isChecked()).toBe(true);
    await form().getByRole('button', { name: 'Book', exact: true }).waitFor({ state: 'detached' });
    await form().getByRole('button', { name: 'Show the dates' }).focus();
    await page.keyboard.press('Enter');

    const plan = page.getByRole('region', { name: 'Planned series' });
    await plan.waitFor();
    expect(await plan.textContent()).toMatch(
      /Repeats every month on the (first|second|third|fourth|last) \w+day until/,
    );
    const planned = await plan.getByRole('list', { name: 'Planned dates' }).getByRole('listitem').allTextContents();
    const leftOut = await plan.getByRole('list', { name: 'Left out' }).getByRole('listitem').allTextContents();
    const [bp1, bp2] = await bigPictureMonths(21);
    expect(leftOut).toHaveLength(2);
    expect(leftOut[0]).toContain(`${monthName(`${bp1 ?? ''}-01`)} holds your Big Picture conversation.`);
    expect(leftOut[1]).toContain(`${monthName(`${bp2 ?? ''}-01`)} holds your Big Picture conversation.`);
    expect(planned.length).toBeGreaterThanOrEqual(5);
    // Nothing is booked by looking.
    expect(await regularsOf(21)).toEqual([]);

    expect(await seriousAxeViolations(page)).toEqual([]);
  }, 120_000);

  it('004 Regular: booking it makes one Outlook series whose meetings are exactly the booked records, none in a Big Picture month', async () => {
    await form().getByRole('button', { name: 'Book the series' }).focus();
    await page.keyboard.press('Enter');
    const done = page.getByRole('status').filter({ hasText: 'Series booked' });
    await done.waitFor();

    const records = await regularsOf(21);
    const bigPicture = await bigPictureMonths(21);
    expect(records.length).toBeGreaterThanOrEqual(5);
    for (const r of records) expect(bigPicture).not.toContain(r.date.slice(0, 7));
    expect(await done.textContent()).toContain(`${String(records.length)} Regular conversations`);

    const manager = t.who(6).id;
    const series = t.stack.graph.events(manager).filter((e) => e.recurrence !== undefined);
    expect(series).toHaveLength(1);
    const meetings = occurrencesOf(series[0]!);
    expect(meetings.map((m) => m.start.dateTime.slice(0, 10)).sort()).toEqual(records.map((r) => r.date).sort());
    expect(new Set(records.map((r) => r.booking?.eventIds[manager]))).toEqual(new Set(meetings.map((m) => m.id)));
    // The colleague's calendar holds the same series.
    const theirs = t.stack.graph.events(t.who(21).id).filter((e) => e.iCalUId === series[0]?.iCalUId);
    expect(theirs).toHaveLength(1);
    expect(occurrencesOf(theirs[0]!)).toHaveLength(records.length);
  }, 120_000);
});
