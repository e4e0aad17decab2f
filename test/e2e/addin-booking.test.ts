/**
 * The Outlook add-in's task pane in headless Chromium with the Office.js fake, against the full
 * local stack: a manager books a Big Picture conversation (policy 004) from an appointment draft,
 * the record and both people's calendar events exist with a Teams meeting, and from the event in
 * read mode the manager cancels it, which reaches the record and the calendars.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../support/browser.ts';
import type { OfficeFakeHandle, OfficeFakeOptions } from '../support/office-fake.ts';
import { openAddinPane } from './addin-pane.ts';

interface Person {
  id: string;
  tenantId: string;
  displayName: string;
  email: string;
}
interface Stack {
  baseUrl: string;
  issuerUrl: string;
  graphUrl: string;
  tokenFor(personIdOrEmail: string): Promise<string>;
  demo: { employees: Person[] };
  close(): Promise<void>;
}
interface GraphEvent {
  id: string;
  subject: string;
  start: { dateTime: string };
  attendees: { emailAddress: { address: string } }[];
  isOnlineMeeting: boolean;
  onlineMeeting: { joinUrl: string } | null;
  isCancelled: boolean;
}
interface Booked {
  id: string;
  type: string;
  status: string;
  booking?: { start: string; end: string; eventIds: Record<string, string>; onlineMeetingUrl?: string };
}

// Assembly Secretariat demo (tenant 5, policy 004): person 6 manages 18–21 (demo/demo-org/people.ts).
const assembly = (n: number) => `0d3e0005-0000-4000-a000-${String(n).padStart(12, '0')}`;
const REFERENCE_DATE = '2027-05-03';

describe('Outlook add-in task pane in Chromium', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let manager: Person;
  let report: Person;
  let staff: Person;

  const person = (id: string): Person => {
    const found = stack.demo.employees.find((e) => e.id === id);
    if (!found) throw new Error(`demo person ${id} missing`);
    return found;
  };

  /** Graph calls need only a well-formed token naming the tenant: the fake does not verify it. */
  const graphEvents = async (mailbox: Person): Promise<GraphEvent[]> => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = `${b64({ alg: 'none' })}.${b64({ tid: mailbox.tenantId, oid: 'e2e-check', aud: 'https://graph.microsoft.com' })}.x`;
    const base = stack.graphUrl.replace(/\/v1\.0\/?$/, '');
    const res = await fetch(`${base}/v1.0/users/${mailbox.id}/events?$top=200`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { value: GraphEvent[] }).value;
  };

  const bookings = async (): Promise<Booked[]> => {
    const token = await stack.tokenFor(manager.id);
    const res = await fetch(`${stack.baseUrl}/api/v1/people/${report.id}/conversations?pageSize=100`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { kind: string; record?: Booked }[] };
    return page.items.flatMap((v) => (v.kind === 'full' && v.record ? [v.record] : []));
  };

  const openPane = (options: OfficeFakeOptions, signInAs: Person): Promise<Page> =>
    openAddinPane(browser, stack, options, signInAs.id);
  const fakeState = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as { __officeFake: OfficeFakeHandle }).__officeFake.state());

  beforeAll(async () => {
    const stackModule = '../support/stack.ts';
    const mod = (await import(stackModule)) as {
      startStack(o?: { referenceDate?: string }): Promise<Stack>;
    };
    stack = await mod.startStack({ referenceDate: REFERENCE_DATE });
    manager = person(assembly(6));
    report = person(assembly(19));
    staff = person(assembly(20));
    browser = await launchBrowser({ viewport: { width: 420, height: 900 } });
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it(
    '004: a manager books a Big Picture conversation from a draft into both calendars with a Teams meeting',
    { timeout: 90_000 },
    async () => {
      const page = await openPane(
        {
          mode: 'compose',
          user: { email: manager.email, displayName: manager.displayName },
          appointment: {
            start: `${REFERENCE_DATE}T12:00:00.000Z`,
            end: `${REFERENCE_DATE}T12:30:00.000Z`,
            requiredAttendees: [{ email: report.email, displayName: report.displayName }],
          },
        },
        manager,
      );

      // The draft is addressed to the report, so the pane starts with them; 004 names the type.
      const who = page.getByLabel('Who is the conversation with?');
      await expect.poll(() => who.inputValue()).toBe(report.id);
      await page
        .getByRole('group', { name: 'Which conversation?' })
        .getByLabel(/^Big Picture performance conversation/)
        .check();
      await page.getByRole('button', { name: 'Find times' }).click();
      const when = page.getByRole('group', { name: 'When?' });
      await when.getByRole('radio').first().check();
      await page.getByLabel(/Anything else for the agenda/).fill('How the new casework system is settling in');
      await page.getByRole('button', { name: 'Book conversation' }).click();
      await page.getByRole('heading', { name: 'Booked' }).waitFor();
      // Booked once: the button stays off, so a second press cannot book again.
      expect(await page.getByRole('button', { name: 'Book conversation' }).isDisabled()).toBe(true);
      expect(await page.getByRole('link', { name: 'Join the Teams meeting' }).getAttribute('href')).toMatch(
        /^https:\/\//,
      );

      const record = (await bookings()).find((b) => b.type === 'big-picture' && b.status === 'booked');
      expect(record?.booking?.onlineMeetingUrl).toMatch(/^https:\/\//);
      const start = Date.parse(record!.booking!.start);
      for (const mailbox of [manager, report]) {
        const event = (await graphEvents(mailbox)).find(
          (e) => !e.isCancelled && Date.parse(`${e.start.dateTime.replace(/Z$/, '')}Z`) === start,
        );
        expect(event, `calendar of ${mailbox.displayName}`).toBeDefined();
        expect(event!.onlineMeeting?.joinUrl).toBe(record!.booking!.onlineMeetingUrl);
        expect(event!.attendees.map((a) => a.emailAddress.address.toLowerCase())).toContain(report.email.toLowerCase());
      }

      // The server sent the invitation, so the draft must not be sent too.
      await page.getByRole('button', { name: 'Close this draft' }).click();
      await expect.poll(async () => (await fakeState(page)).closed).toBe(true);
      expect((await fakeState(page)).requiredAttendees).toEqual([
        { email: report.email, displayName: report.displayName },
      ]);
      await page.close();
    },
  );

  it(
    '004: opening the booked event shows its record, and cancelling it there cancels the record and both events',
    { timeout: 60_000 },
    async () => {
      const record = (await bookings()).find((b) => b.type === 'big-picture' && b.status === 'booked');
      expect(record?.booking).toBeDefined();
      const eventId = record!.booking!.eventIds[manager.id];
      const page = await openPane(
        {
          mode: 'read',
          user: { email: manager.email, displayName: manager.displayName },
          appointment: {
            ...(eventId === undefined ? {} : { itemId: eventId }),
            subject: 'Big Picture conversation',
            start: record!.booking!.start,
            end: record!.booking!.end,
            organizer: { email: manager.email, displayName: manager.displayName },
            requiredAttendees: [{ email: report.email, displayName: report.displayName }],
          },
        },
        manager,
      );
      await page
        .getByRole('heading', { name: `Big Picture performance conversation with ${report.displayName}` })
        .waitFor();
      await page.getByRole('button', { name: 'Cancel the conversation' }).click();
      await page.getByRole('button', { name: 'Yes, cancel it' }).click();
      await page.getByText('This conversation has been cancelled.').waitFor();

      const after = (await bookings()).find((b) => b.id === record!.id);
      expect(after?.status).toBe('cancelled');
      const start = Date.parse(record!.booking!.start);
      const live = (await graphEvents(report)).filter(
        (e) => !e.isCancelled && Date.parse(`${e.start.dateTime.replace(/Z$/, '')}Z`) === start,
      );
      expect(live).toEqual([]);
      await page.close();
    },
  );

  it(
    '004: when the reply to Book is lost, pressing Book again books once: one record, one event in each calendar',
    { timeout: 90_000 },
    async () => {
      const other = person(assembly(18));
      const page = await openPane(
        {
          mode: 'compose',
          user: { email: manager.email, displayName: manager.displayName },
          appointment: {
            start: `${REFERENCE_DATE}T14:00:00.000Z`,
            end: `${REFERENCE_DATE}T14:30:00.000Z`,
            requiredAttendees: [{ email: other.email, displayName: other.displayName }],
          },
        },
        manager,
      );
      // The server books, then the connection drops before its answer arrives.
      const keys: string[] = [];
      let dropped = false;
      await page.route(`${stack.baseUrl}/api/v1/bookings`, async (route) => {
        keys.push(route.request().headers()['idempotency-key'] ?? '');
        if (dropped) return route.continue();
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
      });
      const who = page.getByLabel('Who is the conversation with?');
      await expect.poll(() => who.inputValue()).toBe(other.id);
      await page
        .getByRole('group', { name: 'Which conversation?' })
        .getByLabel(/^Big Picture performance conversation/)
        .check();
      await page.getByRole('button', { name: 'Find times' }).click();
      await page.getByRole('group', { name: 'When?' }).getByRole('radio').first().check();
      const bookButton = page.getByRole('button', { name: 'Book conversation' });
      await bookButton.click();
      await expect.poll(() => dropped).toBe(true);
      await expect.poll(() => bookButton.isEnabled()).toBe(true);
      await bookButton.click();
      await page.getByRole('heading', { name: 'Booked' }).waitFor();

      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
      const token = await stack.tokenFor(manager.id);
      const res = await fetch(`${stack.baseUrl}/api/v1/people/${other.id}/conversations?pageSize=100`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const items = ((await res.json()) as { items: { kind: string; record?: Booked }[] }).items;
      const booked = items.flatMap((v) =>
        v.kind === 'full' && v.record?.type === 'big-picture' && v.record.status === 'booked' ? [v.record] : [],
      );
      expect(booked).toHaveLength(1);
      const start = Date.parse(booked[0]!.booking!.start);
      for (const mailbox of [manager, other]) {
        const events = (await graphEvents(mailbox)).filter(
          (e) => !e.isCancelled && Date.parse(`${e.start.dateTime.replace(/Z$/, '')}Z`) === start,
        );
        expect(events, `calendar of ${mailbox.displayName}`).toHaveLength(1);
      }
      await page.close();
    },
  );

  it('wears Fluent 2 and follows the Office theme: brand buttons in the light theme, a dark pane in the dark one', async () => {
    const options = (officeThemeBackground?: string): OfficeFakeOptions => ({
      mode: 'compose',
      user: { email: manager.email, displayName: manager.displayName },
      ...(officeThemeBackground === undefined ? {} : { officeThemeBackground }),
      appointment: { start: `${REFERENCE_DATE}T12:00:00.000Z`, end: `${REFERENCE_DATE}T12:30:00.000Z` },
    });
    const colours = (page: Page) =>
      page.evaluate(() => ({
        body: getComputedStyle(document.body).backgroundColor,
        text: getComputedStyle(document.body).color,
        primary: getComputedStyle(document.querySelector('button.primary:not(:disabled)')!).backgroundColor,
      }));

    const light = await openPane(options('#ffffff'), manager);
    await light.getByRole('button', { name: 'Find times' }).waitFor();
    // Fluent's webLightTheme: white neutral background, #242424 text, #0f6cbd brand.
    expect(await colours(light)).toEqual({
      body: 'rgb(255, 255, 255)',
      text: 'rgb(36, 36, 36)',
      primary: 'rgb(15, 108, 189)',
    });
    await light.close();

    const dark = await openPane(options('#262626'), manager);
    await dark.getByRole('button', { name: 'Find times' }).waitFor();
    // Fluent's webDarkTheme: #292929 neutral background, white text.
    const darkColours = await colours(dark);
    expect(darkColours.body).toBe('rgb(41, 41, 41)');
    expect(darkColours.text).toBe('rgb(255, 255, 255)');
    await dark.close();
  });

  it('someone with no reports is told why there is no one to book for', async () => {
    const page = await openPane(
      {
        mode: 'compose',
        user: { email: staff.email, displayName: staff.displayName },
        appointment: { start: `${REFERENCE_DATE}T12:00:00.000Z`, end: `${REFERENCE_DATE}T12:30:00.000Z` },
      },
      staff,
    );
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/no one to book for/);
    await page.close();
  });
});
