/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call -- responses are read as loose JSON */
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

// Assembly Secretariat (tenant 5, policy 004): manager 6 has 18–21, manager 7 has 22–25; 13 is the coordinator;
// 24–26 have no PC of their own.
const manager = who(5, 6);
const colleague = who(5, 19);
const people = (id: string) => `/api/v1/people/${id}`;
const live = (mailbox: string) => stack.graph.events(mailbox).filter((e) => !e.isCancelled);

describe('booking conversations into both calendars through Microsoft Graph', () => {
  it('suggests only times free in both calendars, asking Graph with the caller’s own delegated token for the colleague’s address on record', async () => {
    // Someone else has booked the colleague from 10:00 to 11:00 UTC; the manager's calendar is free then.
    stack.graph.addBusy(colleague, { start: '2027-05-05T10:00:00.000Z', end: '2027-05-05T11:00:00.000Z' });
    const before = stack.graph.requests().length;
    const res = await api(stack, manager, 'POST', '/api/v1/bookings/suggest', {
      body: { employeeId: colleague, type: 'regular', from: '2027-05-05', to: '2027-05-05', durationMinutes: 60 },
    });
    expect(res.status).toBe(200);

    // What the product sent: both people's working hours through the manager's own mailbox, then one
    // request from the manager's own calendar outward, for the whole London day (midnight to midnight
    // BST is 23:00 to 23:00 UTC), working hours only, an hour long; both with the manager's token.
    const sent = stack.graph.requests().slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /users/${manager}/calendar/getSchedule`,
      'POST /me/findMeetingTimes',
    ]);
    expect(sent[0]?.token).toMatchObject({ oid: manager, idtyp: 'user' });
    const asked = sent[1]!;
    const onRecord = (await api(stack, manager, 'GET', people(colleague))).json.email as string;
    expect(asked.body).toMatchObject({
      attendees: [{ emailAddress: { address: onRecord }, type: 'required' }],
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [
          {
            start: { dateTime: '2027-05-04T23:00:00.000', timeZone: 'UTC' },
            end: { dateTime: '2027-05-05T23:00:00.000', timeZone: 'UTC' },
          },
        ],
      },
      meetingDuration: 'PT60M',
      isOrganizerOptional: false,
    });
    // The manager's own delegated Graph token, got on their behalf: their id, a user token with scopes, not the app's.
    expect(asked.token).toMatchObject({ oid: manager, idtyp: 'user', aud: 'https://graph.microsoft.com' });
    expect(asked.token?.scp).toEqual(expect.any(String));

    // What the product decided: Graph offered every working-hours time, the 10:00 one with the colleague
    // busy; only the times free in both calendars come back, each inside working hours.
    interface Offered {
      meetingTimeSlot: { start: { dateTime: string } };
      organizerAvailability: string;
      attendeeAvailability: { availability: string }[];
    }
    const offered = (asked.reply as { meetingTimeSuggestions: Offered[] }).meetingTimeSuggestions;
    const startOf = (o: Offered) => `${o.meetingTimeSlot.start.dateTime.slice(0, 19)}.000Z`;
    const freeForBoth = (o: Offered) =>
      o.organizerAvailability === 'free' && o.attendeeAvailability.every((a) => a.availability === 'free');
    expect(offered.find((o) => startOf(o) === '2027-05-05T10:00:00.000Z')?.attendeeAvailability).toEqual([
      expect.objectContaining({ availability: 'busy' }),
    ]);
    const slots = res.json.slots as { start: string; end: string }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.map((slot) => slot.start)).toEqual(offered.filter(freeForBoth).map(startOf));
    for (const slot of slots) {
      expect(slot.end <= '2027-05-05T10:00:00.000Z' || slot.start >= '2027-05-05T11:00:00.000Z').toBe(true);
      // 09:00–17:00 in London is 08:00–16:00 UTC in May.
      expect(slot.start >= '2027-05-05T08:00').toBe(true);
      expect(slot.end <= '2027-05-05T16:00:00.000Z').toBe(true);
    }
  });

  it('004: a coordinator gets times free for the pair they book for, whatever their own calendar holds', async () => {
    const coordinator = who(5, 13);
    const [noPc, lineManager] = [who(5, 24), who(5, 7)];
    stack.graph.addBusy(coordinator, { start: '2027-05-13T09:00:00.000Z', end: '2027-05-13T10:00:00.000Z' });
    stack.graph.addBusy(lineManager, { start: '2027-05-13T13:00:00.000Z', end: '2027-05-13T14:00:00.000Z' });
    const before = stack.graph.requests().length;
    const res = await api(stack, coordinator, 'POST', '/api/v1/bookings/suggest', {
      body: { employeeId: noPc, type: 'regular', from: '2027-05-13', to: '2027-05-13', durationMinutes: 60 },
    });
    expect(res.status).toBe(200);

    // #19: from the manager's calendar and the member of staff's, read with the app's own permission
    // through the manager's mailbox (getSchedule); never the coordinator's own /me.
    const sent = stack.graph.requests().slice(before);
    const address = (id: string) => stack.demo.employees.find((e) => e.id === id)?.email;
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /users/${lineManager}/calendar/getSchedule`]);
    expect(sent[0]?.token?.scp).toBeUndefined();
    expect(sent[0]?.token?.oid).not.toBe(coordinator);
    expect(sent[0]?.body).toMatchObject({ schedules: [address(noPc), address(lineManager)] });
    const starts = (res.json.slots as { start: string }[]).map((slot) => slot.start);
    expect(starts).toContain('2027-05-13T09:00:00.000Z');
    expect(starts).not.toContain('2027-05-13T13:00:00.000Z');
  });

  it('004: a Big Picture booking lands in both calendars with a Teams link, an agenda with the Big Picture questions, and a booked record', async () => {
    const res = await api(stack, manager, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague,
        type: 'big-picture',
        start: '2027-05-05T09:00:00.000Z',
        end: '2027-05-05T10:00:00.000Z',
        agenda: ['How the new casework system is landing'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.onlineMeetingUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(res.json.bodyHtml).toContain('To prepare (colleague)');
    const organiser = live(manager).filter((e) => e.subject === res.json.subject);
    const invitee = live(colleague).filter((e) => e.subject === res.json.subject);
    expect(organiser).toHaveLength(1);
    expect(invitee).toHaveLength(1);
    expect(invitee[0]?.onlineMeeting?.joinUrl).toBe(res.json.onlineMeetingUrl);

    const record = await api(
      stack,
      colleague,
      'GET',
      `${people(colleague)}/conversations/${res.json.conversationId as string}`,
    );
    expect(record.json.record).toMatchObject({
      status: 'booked',
      type: 'big-picture',
      date: '2027-05-05',
      booking: {
        bookedBy: manager,
        onlineMeetingUrl: res.json.onlineMeetingUrl,
        eventIds: { [manager]: organiser[0]?.id },
      },
    });
    const sources = (record.json.record.agenda as { source: string; text: string }[]).map((a) => a.source);
    expect(sources).toContain('scheme');
    expect(sources).toContain('manager');
    const due = await api(stack, colleague, 'GET', `${people(colleague)}/due`);
    expect(due.status).toBe(200);
    expect(due.json.items.some((i: { type: string }) => i.type === 'regular')).toBe(true);
  });

  it('a Graph 429 with Retry-After is waited out and the booking still succeeds', async () => {
    const before = stack.graph.requests().length;
    stack.graph.failNext(1, { status: 429, retryAfter: '0.2' });
    const res = await api(stack, colleague, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague,
        type: 'regular',
        start: '2027-05-06T13:00:00.000Z',
        end: '2027-05-06T14:00:00.000Z',
      },
    });
    expect(res.status).toBe(201);
    // The create was refused once and sent again; nobody's address was looked up in Graph, the records hold them.
    expect(
      stack.graph
        .requests()
        .slice(before)
        .filter((r) => r.path !== '/subscriptions')
        .map((r) => `${r.status} ${r.method} ${r.path}`),
    ).toEqual([`429 POST /users/${colleague}/events`, `201 POST /users/${colleague}/events`]);
    // The colleague booked it, so it sits in their calendar and the manager is invited.
    expect(
      live(manager).some((e) => e.subject === res.json.subject && e.start.dateTime.startsWith('2027-05-06T13')),
    ).toBe(true);
  });

  it('moving and cancelling a booking reach both calendars and the record; a stale ETag is 409', async () => {
    const booked = await api(stack, manager, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: who(5, 18),
        type: 'regular',
        start: '2027-05-07T09:00:00.000Z',
        end: '2027-05-07T10:00:00.000Z',
      },
    });
    const path = `${people(who(5, 18))}/bookings/${booked.json.conversationId as string}`;
    const moved = await api(stack, manager, 'PATCH', path, {
      body: { start: '2027-05-07T13:00:00.000Z', end: '2027-05-07T14:00:00.000Z' },
      ifMatch: booked.json.etag,
    });
    expect(moved.status).toBe(200);
    expect(live(manager).find((e) => e.subject === booked.json.subject)?.start.dateTime).toMatch(/^2027-05-07T13:00/);
    const stale = await api(stack, manager, 'DELETE', path, { ifMatch: booked.json.etag });
    expect(stale.status).toBe(409);
    const cancelled = await api(stack, manager, 'DELETE', path, { ifMatch: moved.json.etag });
    expect(cancelled.status).toBe(200);
    expect(live(who(5, 18)).some((e) => e.subject === booked.json.subject)).toBe(false);
    const record = await api(
      stack,
      manager,
      'GET',
      `${people(who(5, 18))}/conversations/${booked.json.conversationId as string}`,
    );
    expect(record.json.record.status).toBe('cancelled');
  });

  it('a team round spreads over the chosen days', async () => {
    // In June: the earlier tests booked May's Regular conversation for some of the team (one a month).
    const team = [18, 19, 20, 21].map((n) => who(5, n));
    const res = await api(stack, manager, 'POST', '/api/v1/bookings/bulk', {
      body: {
        type: 'regular',
        employeeIds: team,
        days: ['2027-06-07', '2027-06-08'],
        dayStart: '09:00',
        dayEnd: '12:00',
        durationMinutes: 45,
      },
    });
    expect(res.status).toBe(201);
    expect(res.json.notBooked).toEqual([]);
    const days = (res.json.booked as { start: string }[]).map((b) => b.start.slice(0, 10));
    expect(days.filter((d) => d === '2027-06-07')).toHaveLength(2);
    expect(days.filter((d) => d === '2027-06-08')).toHaveLength(2);
    expect((res.json.booked as { start: string }[]).map((b) => b.start).sort()[0]).toBe('2027-06-07T08:00:00.000Z');
  });

  it('004: the coordinator books for staff without a PC only; another team’s manager cannot book', async () => {
    const coordinator = who(5, 13);
    const forNoPc = await api(stack, coordinator, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: who(5, 24),
        type: 'regular',
        start: '2027-05-12T09:00:00.000Z',
        end: '2027-05-12T10:00:00.000Z',
      },
    });
    expect(forNoPc.status).toBe(201);
    // The line manager organises it, so the pair hold the meeting in their own calendars.
    expect(live(who(5, 7)).some((e) => e.subject === forNoPc.json.subject)).toBe(true);
    const forOwnPc = await api(stack, coordinator, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague,
        type: 'regular',
        start: '2027-05-12T11:00:00.000Z',
        end: '2027-05-12T12:00:00.000Z',
      },
    });
    expect(forOwnPc.status).toBe(403);
    const stranger = await api(stack, who(5, 7), 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague,
        type: 'regular',
        start: '2027-05-12T11:00:00.000Z',
        end: '2027-05-12T12:00:00.000Z',
      },
    });
    expect(stranger.status).toBe(403);
    const tooLong = await api(stack, manager, 'POST', '/api/v1/bookings', {
      body: {
        employeeId: colleague,
        type: 'regular',
        start: '2027-05-12T09:00:00.000Z',
        end: '2027-05-12T17:00:00.000Z',
      },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.details[0].path).toBe('end');
  });
});
