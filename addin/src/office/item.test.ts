import { afterEach, describe, expect, it } from 'vitest';
import { installOfficeFake, uninstallOfficeFake, type OfficeFakeOptions } from '../../../test/support/office-fake.ts';
import { completing, OfficeCallError } from './async.ts';
import { appointmentContext, hostInfo, restIdOf } from './context.ts';
import {
  addRequiredAttendees,
  closeDraft,
  getBodyText,
  getEnd,
  getRequiredAttendees,
  getStart,
  getSubject,
  notify,
  onItemChanged,
  prependBodyHtml,
  readAppointment,
  setBodyHtml,
  setLocation,
  getLocation,
  setRequiredAttendees,
  setSubject,
  setTimes,
  type ComposeItem,
  type ReadItem,
} from './item.ts';

const manager = { email: 'sam.manager@example.gov.uk', displayName: 'Sam Manager' };
const report = { email: 'ali.report@example.gov.uk', displayName: 'Ali Report' };

const install = (mode: 'compose' | 'read', extra: Partial<OfficeFakeOptions> = {}) =>
  installOfficeFake({
    mode,
    user: manager,
    appointment: {
      itemId: 'AAMk/abc+def=',
      subject: 'Catch-up',
      start: '2026-03-03T10:00:00.000Z',
      end: '2026-03-03T11:00:00.000Z',
      organizer: manager,
      requiredAttendees: [report],
      bodyHtml: '<p>Hello</p>',
    },
    ...extra,
  });

const composeItem = (): ComposeItem => {
  const ctx = appointmentContext(Office);
  if (ctx.mode !== 'compose') throw new Error('expected compose');
  return ctx.item;
};
const readItem = (): ReadItem => {
  const ctx = appointmentContext(Office);
  if (ctx.mode !== 'read') throw new Error('expected read');
  return ctx.item;
};

afterEach(() => {
  uninstallOfficeFake();
});

describe('compose mode (organiser)', () => {
  it('reads and writes subject, attendees, times and location through the callbacks', async () => {
    const fake = install('compose');
    const item = composeItem();
    expect(await getSubject(item)).toBe('Catch-up');
    await setSubject(item, 'Big Picture conversation: Ali Report');
    expect(await getRequiredAttendees(item)).toEqual([report]);
    await addRequiredAttendees(item, [manager]);
    await setTimes(item, new Date('2026-03-05T09:00:00Z'), new Date('2026-03-05T10:00:00Z'));
    await setLocation(item, 'Microsoft Teams meeting');

    expect(fake.state()).toMatchObject({
      subject: 'Big Picture conversation: Ali Report',
      requiredAttendees: [report, manager],
      start: '2026-03-05T09:00:00.000Z',
      end: '2026-03-05T10:00:00.000Z',
      location: 'Microsoft Teams meeting',
    });
    expect((await getStart(item)).toISOString()).toBe('2026-03-05T09:00:00.000Z');
    expect((await getEnd(item)).toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(await getLocation(item)).toBe('Microsoft Teams meeting');
    await setRequiredAttendees(item, [report]);
    expect(fake.state().requiredAttendees).toEqual([report]);
  });

  it('sets the body as HTML and prepends to it', async () => {
    const fake = install('compose');
    const item = composeItem();
    await setBodyHtml(item, '<h2>Agenda</h2>');
    await prependBodyHtml(item, '<p>Join on Teams</p>');
    expect(fake.state().bodyHtml).toBe('<p>Join on Teams</p><h2>Agenda</h2>');
    expect(await getBodyText(item)).toBe('Join on Teams Agenda');
  });

  it('turns a failed AsyncResult into an error the user can read', async () => {
    const fake = install('compose');
    fake.failNext('subject.setAsync', 'ItemNotSaved');
    const error = await setSubject(composeItem(), 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeCallError);
    expect((error as OfficeCallError).officeName).toBe('ItemNotSaved');
    expect((error as Error).message).toMatch(/Outlook could not set the subject/);
    expect(fake.state().subject).toBe('Catch-up');
  });

  it('tells the add-in when the user changes the draft time or attendees in Outlook', async () => {
    const fake = install('compose');
    const item = composeItem();
    const seen: string[] = [];
    await onItemChanged(
      item,
      Office.EventType.AppointmentTimeChanged,
      async () => {
        seen.push(`time ${(await getStart(item)).toISOString()}`);
      },
      () => undefined,
    );
    await onItemChanged(
      item,
      Office.EventType.RecipientsChanged,
      async () => {
        seen.push(`people ${(await getRequiredAttendees(item)).length}`);
      },
      () => undefined,
    );
    fake.userChangesTime('2026-03-06T14:00:00.000Z', '2026-03-06T15:00:00.000Z');
    fake.userChangesAttendees([report, manager]);
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toEqual(['time 2026-03-06T14:00:00.000Z', 'people 2']);
  });

  it('reports a failing change handler instead of losing the error', async () => {
    const fake = install('compose');
    const errors: unknown[] = [];
    await onItemChanged(
      composeItem(),
      Office.EventType.AppointmentTimeChanged,
      () => Promise.reject(new Error('boom')),
      (e) => errors.push(e),
    );
    fake.userChangesTime('2026-03-06T14:00:00.000Z', '2026-03-06T15:00:00.000Z');
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toHaveLength(1);
  });

  it('shows a banner on the draft and closes it so Outlook can offer to discard it', async () => {
    const fake = install('compose');
    const item = composeItem();
    await notify(item, 'booked', 'Booked in both calendars.');
    closeDraft(item);
    expect(fake.state().notifications).toEqual({ booked: 'Booked in both calendars.' });
    expect(fake.state().closed).toBe(true);
  });
});

describe('read mode (an event in the calendar)', () => {
  it('reads the appointment as plain values and converts its id to the REST form', async () => {
    install('read');
    const snapshot = readAppointment(readItem());
    expect(snapshot).toMatchObject({
      itemId: 'AAMk/abc+def=',
      subject: 'Catch-up',
      organizer: manager,
      attendees: [report],
    });
    expect(snapshot.start.toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(restIdOf(Office, 'AAMk/abc+def=')).toBe('AAMk-abc_def=');
    expect(await getBodyText(readItem())).toBe('Hello');
  });

  it('knows the host and which requirement sets it supports', () => {
    install('read', { hostName: 'newOutlookWindows', requirementSets: { Mailbox: '1.8', NestedAppAuth: '1.1' } });
    expect(hostInfo(Office)).toEqual({
      hostName: 'newOutlookWindows',
      changeEvents: true,
      nestedAppAuth: true,
      userEmail: manager.email,
    });
    uninstallOfficeFake();
    install('read', { requirementSets: { Mailbox: '1.5' } });
    expect(hostInfo(Office)).toMatchObject({ changeEvents: false, nestedAppAuth: false });
  });

  it('is "none" outside Outlook', () => {
    expect(appointmentContext(undefined)).toEqual({ mode: 'none' });
  });
});

describe('Office event handlers', () => {
  it('complete in finally even when the work fails', async () => {
    const completed: unknown[] = [];
    const event = { completed: (o?: unknown) => completed.push(o ?? 'done') };
    await expect(completing(event, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await completing(event, () => Promise.resolve({ allowEvent: true }));
    expect(completed).toEqual(['done', { allowEvent: true }]);
  });
});
