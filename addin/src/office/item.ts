/**
 * Promise wrappers over the appointment item. Compose-mode properties are objects with
 * get/set callbacks; read-mode properties are plain values, so the two live apart.
 */
import { officeCall } from './async.ts';

export type ComposeItem = Office.AppointmentCompose;
export type ReadItem = Office.AppointmentRead;

export interface Attendee {
  readonly email: string;
  readonly displayName: string;
}

const toAttendee = (d: Office.EmailAddressDetails): Attendee => ({
  email: d.emailAddress,
  displayName: d.displayName,
});
const toDetails = (a: Attendee): Office.EmailAddressDetails =>
  ({ emailAddress: a.email, displayName: a.displayName }) as Office.EmailAddressDetails;

const html = (): { coercionType: Office.CoercionType } => ({ coercionType: Office.CoercionType.Html });

export const getSubject = (item: ComposeItem): Promise<string> =>
  officeCall('read the subject', (cb) => {
    item.subject.getAsync(cb);
  });
export const setSubject = (item: ComposeItem, subject: string): Promise<void> =>
  officeCall('set the subject', (cb) => {
    item.subject.setAsync(subject, cb);
  });

export const getRequiredAttendees = async (item: ComposeItem): Promise<Attendee[]> =>
  (
    await officeCall<Office.EmailAddressDetails[]>('read the attendees', (cb) => {
      item.requiredAttendees.getAsync(cb);
    })
  ).map(toAttendee);
export const setRequiredAttendees = (item: ComposeItem, attendees: readonly Attendee[]): Promise<void> =>
  officeCall('set the attendees', (cb) => {
    item.requiredAttendees.setAsync(attendees.map(toDetails), cb);
  });
export const addRequiredAttendees = (item: ComposeItem, attendees: readonly Attendee[]): Promise<void> =>
  officeCall('add attendees', (cb) => {
    item.requiredAttendees.addAsync(attendees.map(toDetails), cb);
  });

export const setBodyHtml = (item: ComposeItem, bodyHtml: string): Promise<void> =>
  officeCall('set the body', (cb) => {
    item.body.setAsync(bodyHtml, html(), cb);
  });
export const prependBodyHtml = (item: ComposeItem, bodyHtml: string): Promise<void> =>
  officeCall('add to the body', (cb) => {
    item.body.prependAsync(bodyHtml, html(), cb);
  });
/** Works in both modes: the body is the one property read mode also reads asynchronously. */
export const getBodyText = (item: ComposeItem | ReadItem): Promise<string> =>
  officeCall('read the body', (cb) => {
    item.body.getAsync(Office.CoercionType.Text, cb);
  });

export const getStart = (item: ComposeItem): Promise<Date> =>
  officeCall('read the start time', (cb) => {
    item.start.getAsync(cb);
  });
export const getEnd = (item: ComposeItem): Promise<Date> =>
  officeCall('read the end time', (cb) => {
    item.end.getAsync(cb);
  });
const setStart = (item: ComposeItem, start: Date): Promise<void> =>
  officeCall('set the start time', (cb) => {
    item.start.setAsync(start, cb);
  });
const setEnd = (item: ComposeItem, end: Date): Promise<void> =>
  officeCall('set the end time', (cb) => {
    item.end.setAsync(end, cb);
  });
export const setTimes = async (item: ComposeItem, start: Date, end: Date): Promise<void> => {
  // Start first: Outlook keeps the duration when only the start moves, so end is set last.
  await setStart(item, start);
  await setEnd(item, end);
};

export const getLocation = (item: ComposeItem): Promise<string> =>
  officeCall('read the location', (cb) => {
    item.location.getAsync(cb);
  });
export const setLocation = (item: ComposeItem, location: string): Promise<void> =>
  officeCall('set the location', (cb) => {
    item.location.setAsync(location, cb);
  });

/** Shows a banner on the item itself, so the message survives the task pane being closed. */
export const notify = (item: ComposeItem | ReadItem, key: string, message: string): Promise<void> =>
  officeCall('show a message on the appointment', (cb) => {
    item.notificationMessages.replaceAsync(
      key,
      {
        type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
        message,
        icon: 'Icon.16x16',
        persistent: false,
      },
      cb,
    );
  });

/** Outlook prompts to save or discard when the draft has changes; the user decides. */
export const closeDraft = (item: ComposeItem): void => {
  item.close();
};

/** A read-mode snapshot of the appointment. */
export interface AppointmentSnapshot {
  readonly itemId: string | undefined;
  readonly subject: string;
  readonly start: Date;
  readonly end: Date;
  readonly organizer: Attendee | undefined;
  readonly attendees: readonly Attendee[];
}

export const readAppointment = (item: ReadItem): AppointmentSnapshot => ({
  itemId: item.itemId,
  subject: item.subject,
  start: item.start,
  end: item.end,
  organizer: toAttendee(item.organizer),
  attendees: [...item.requiredAttendees, ...item.optionalAttendees].map(toAttendee),
});

/** Registers a handler for a change on the item; the handler's own failures are reported, not thrown. */
export const onItemChanged = (
  item: ComposeItem | ReadItem,
  type: Office.EventType.AppointmentTimeChanged | Office.EventType.RecipientsChanged,
  handler: () => Promise<void>,
  onError: (error: unknown) => void,
): Promise<void> =>
  officeCall('watch the appointment for changes', (cb) => {
    item.addHandlerAsync(
      type,
      () => {
        handler().catch(onError);
      },
      cb,
    );
  });
