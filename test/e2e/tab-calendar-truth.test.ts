/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
/**
 * The calendar stays the truth, in the tab (issue #19): a manager's meeting moved in Outlook shows
 * at its new time on the colleague's record, saying it was moved in Outlook; a decline made in
 * Outlook is named beside the booking for the manager; axe-core finds nothing serious.
 */
import { describe, expect, it } from 'vitest';
import { saveScreenshot, seriousAxeViolations, signInLocally } from '../support/browser.ts';
import { useTabTest } from '../support/tab-test.ts';
import { api } from './api-helpers.ts';

describe('a booking changed in Outlook, in the tab', () => {
  // Assembly Secretariat (tenant 5, policy 004): person 6 manages 18–21.
  const t = useTabTest({ tenant: 5 });
  const { who, tab, fresh } = t;

  it('the colleague sees the new time of a meeting their manager moved in Outlook; the manager sees who declined', async () => {
    const manager = who(6);
    const colleague = who(21);
    const booked = await api(t.stack, manager.id, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague.id,
        type: 'big-picture',
        start: '2027-05-17T09:00:00.000Z',
        end: '2027-05-17T10:00:00.000Z',
      },
    });
    expect(booked.status).toBe(201);
    const id = booked.json.conversationId as string;
    const record = await api(t.stack, manager.id, 'GET', `/api/v1/people/${colleague.id}/conversations/${id}`);
    const eventId = (record.json.record as { booking: { eventIds: Record<string, string> } }).booking.eventIds[
      manager.id
    ];

    // The manager drags the meeting to Wednesday afternoon in Outlook.
    t.stack.graph.outlook.move(manager.id, eventId ?? '', {
      start: '2027-05-19T13:00:00.000Z',
      end: '2027-05-19T14:00:00.000Z',
    });
    await t.stack.graph.subscriptions.settled();

    const page = await fresh();
    await signInLocally(page, tab(`conversations/${colleague.id}/${id}`), colleague);
    const booking = page.locator('dd').filter({ hasText: 'Moved in Outlook' });
    await booking.waitFor();
    // 13:00 UTC is 14:00 in London in May; dates the British way.
    expect(await booking.textContent()).toMatch(/19 May 2027.*14:00.*Moved in Outlook on \d{1,2} \w+ 2027\./);
    expect(await page.locator('h1').textContent()).toContain('19 May 2027');
    await saveScreenshot(page, 'calendar-moved-in-outlook');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();

    // The colleague declines in Outlook; their manager reads it beside the booking.
    t.stack.graph.outlook.respond(colleague.email, manager.id, eventId ?? '', 'declined');
    await t.stack.graph.subscriptions.settled();
    const theirs = await fresh();
    await signInLocally(theirs, tab(`conversations/${colleague.id}/${id}`), manager);
    const declined = theirs.locator('dd').filter({ hasText: 'Declined in Outlook' });
    await declined.waitFor();
    expect(await declined.textContent()).toContain(
      `Declined in Outlook by ${colleague.displayName.split(' ')[0] ?? ''}.`,
    );
    await saveScreenshot(theirs, 'calendar-declined-in-outlook');
    await theirs.close();
  }, 120_000);
});
