/* eslint-disable @typescript-eslint/no-unsafe-member-access -- responses are read as loose JSON */
/**
 * The calendar stays the truth (issue #19): a booking is watched in its organiser's calendar
 * through Graph change notifications, so what people do in Outlook itself — move the meeting,
 * cancel it, decline it — comes back to the record. Subscriptions are validated, renewed and made
 * again after Graph drops one; missed notifications are caught up by a delta query; a notification
 * that is not ours changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.ts';
import { api, REFERENCE_DATE, who } from './api-helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ referenceDate: REFERENCE_DATE });
}, 120_000);
afterAll(async () => {
  await stack.close();
});

// Assembly Secretariat (tenant 5, policy 004): manager 6 manages 18–21.
const manager = who(5, 6);
const record = (employeeId: string, id: string) => `/api/v1/people/${employeeId}/conversations/${id}`;

const book = async (employeeId: string, type: string, start: string): Promise<{ id: string; eventId: string }> => {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  const res = await api(stack, manager, 'POST', '/api/v1/bookings', { body: { employeeId, type, start, end } });
  expect(res.status).toBe(201);
  const id = res.json.conversationId as string;
  const read = await api(stack, manager, 'GET', record(employeeId, id));
  return { id, eventId: (read.json.record.booking.eventIds as Record<string, string>)[manager] ?? '' };
};

const bookingOf = async (employeeId: string, id: string) => {
  const read = await api(stack, manager, 'GET', record(employeeId, id));
  expect(read.status).toBe(200);
  return read.json.record as { status: string; date: string; booking: Record<string, unknown> };
};

/** Waits until the notifications Graph has sent are answered, then reads the record. */
const afterNotifications = async (employeeId: string, id: string) => {
  await stack.graph.subscriptions.settled();
  return bookingOf(employeeId, id);
};

describe('what people do in Outlook comes back to the booked conversation', () => {
  it("subscribes to the organiser's calendar once, after Graph has checked both addresses", async () => {
    await book(who(5, 18), 'regular', '2027-05-11T09:00:00.000Z');
    await book(who(5, 19), 'regular', '2027-05-11T11:00:00.000Z');
    const subs = stack.graph.subscriptions.list().filter((s) => s.mailboxId === manager);
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({
      resource: `/users/${manager}/events`,
      changeType: 'updated,deleted',
      notificationUrl: `${stack.baseUrl}/api/calendar/notifications`,
      lifecycleNotificationUrl: `${stack.baseUrl}/api/calendar/lifecycle`,
    });
    // The clientState names the mailbox and carries a keyed hash, never note text or names.
    expect(subs[0]?.clientState).toMatch(new RegExp(`^${manager}\\.[A-Za-z0-9_-]{43}$`));
  });

  it('answers Graph’s validation request with the token as plain text', async () => {
    const res = await fetch(
      `${stack.baseUrl}/api/calendar/notifications?validationToken=${encodeURIComponent('Validation: abc 123')}`,
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Validation: abc 123');
  });

  it('a meeting moved in Outlook moves the booking and its date', async () => {
    const colleague = who(5, 20);
    const { id, eventId } = await book(colleague, 'regular', '2027-05-12T09:00:00.000Z');
    stack.graph.outlook.move(manager, eventId, { start: '2027-05-14T13:00:00.000Z', end: '2027-05-14T14:00:00.000Z' });
    const after = await afterNotifications(colleague, id);
    expect(after.status).toBe('booked');
    expect(after.date).toBe('2027-05-14');
    expect(after.booking).toMatchObject({
      start: '2027-05-14T13:00:00.000Z',
      end: '2027-05-14T14:00:00.000Z',
      changedInCalendar: { kind: 'moved' },
    });
  });

  it('a colleague declining in Outlook is shown on the booking; a meeting cancelled in Outlook cancels it', async () => {
    const colleague = who(5, 21);
    const { id, eventId } = await book(colleague, 'regular', '2027-05-13T09:00:00.000Z');
    const email = (await api(stack, manager, 'GET', `/api/v1/people/${colleague}`)).json.email as string;
    stack.graph.outlook.respond(email, manager, eventId, 'declined');
    expect((await afterNotifications(colleague, id)).booking).toMatchObject({
      declinedBy: [colleague],
      changedInCalendar: { kind: 'declined' },
    });
    stack.graph.outlook.cancel(manager, eventId);
    const cancelled = await afterNotifications(colleague, id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.booking).toMatchObject({ changedInCalendar: { kind: 'cancelled' } });
  });

  it('a notification with a clientState that is not ours is refused and changes nothing', async () => {
    const colleague = who(5, 18);
    const { id, eventId } = await book(colleague, 'big-picture', '2027-05-18T09:00:00.000Z');
    const forged = (clientState: string) =>
      fetch(`${stack.baseUrl}/api/calendar/notifications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          value: [
            {
              subscriptionId: 'made-up',
              changeType: 'deleted',
              resource: `Users/${manager}/Events/${eventId}`,
              clientState,
              tenantId: stack.demo.tenants[4]?.tenantId,
            },
          ],
        }),
      });
    expect((await forged(`${manager}.not-the-right-hash-not-the-right-hash-not-th`)).status).toBe(202);
    expect((await forged('')).status).toBe(202);
    expect((await bookingOf(colleague, id)).status).toBe('booked');
  });

  it('after missed notifications, a delta query of the calendar catches the record up', async () => {
    const colleague = who(5, 19);
    const { id, eventId } = await book(colleague, 'big-picture', '2027-05-19T09:00:00.000Z');
    const sub = stack.graph.subscriptions.list().find((s) => s.mailboxId === manager);
    stack.graph.subscriptions.pause(true);
    stack.graph.outlook.move(manager, eventId, { start: '2027-05-20T10:00:00.000Z', end: '2027-05-20T11:00:00.000Z' });
    stack.graph.subscriptions.pause(false);
    expect((await bookingOf(colleague, id)).booking.start).toBe('2027-05-19T09:00:00.000Z');
    expect(await stack.graph.subscriptions.lifecycle(sub?.id ?? '', 'missed')).toBe(202);
    const after = await bookingOf(colleague, id);
    expect(after.date).toBe('2027-05-20');
    expect(after.booking.start).toBe('2027-05-20T10:00:00.000Z');
  });

  it('when Graph asks to reauthorise, the same subscription is renewed, not a second one made', async () => {
    await book(who(5, 21), 'big-picture', '2027-05-27T09:00:00.000Z');
    const before = stack.graph.subscriptions.list().filter((s) => s.mailboxId === manager);
    expect(before).toHaveLength(1);
    expect(await stack.graph.subscriptions.lifecycle(before[0]?.id ?? '', 'reauthorizationRequired')).toBe(202);
    const after = stack.graph.subscriptions.list().filter((s) => s.mailboxId === manager);
    expect(after.map((s) => s.id)).toEqual([before[0]?.id]);
    expect(Date.parse(after[0]?.expirationDateTime ?? '')).toBeGreaterThan(
      Date.parse(before[0]?.expirationDateTime ?? ''),
    );
  });

  it('when Graph removes the subscription, a new one is made and changes flow again', async () => {
    const colleague = who(5, 20);
    const { id, eventId } = await book(colleague, 'big-picture', '2027-05-25T09:00:00.000Z');
    const before = stack.graph.subscriptions.list().find((s) => s.mailboxId === manager);
    expect(await stack.graph.subscriptions.lifecycle(before?.id ?? '', 'subscriptionRemoved')).toBe(202);
    const now = stack.graph.subscriptions.list().filter((s) => s.mailboxId === manager);
    expect(now).toHaveLength(1);
    expect(now[0]?.id).not.toBe(before?.id);
    stack.graph.outlook.move(manager, eventId, { start: '2027-05-26T09:00:00.000Z', end: '2027-05-26T10:00:00.000Z' });
    expect((await afterNotifications(colleague, id)).date).toBe('2027-05-26');
  });
});
