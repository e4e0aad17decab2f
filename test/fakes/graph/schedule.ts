import type { Caller, DateTimeTimeZone, GraphReply } from './http.ts';
import { fromMillis, graphError, notFound, ok, toMillis } from './http.ts';
import type { GraphState } from './state.ts';

export interface GetScheduleRequest {
  readonly schedules?: readonly string[];
  readonly startTime?: DateTimeTimeZone;
  readonly endTime?: DateTimeTimeZone;
}

/**
 * POST /users/{id}/calendar/getSchedule, as Graph answers it: each address's items in the window
 * (cancelled and free events left out) and the working hours its mailbox sets, the zone by its
 * IANA name; an address the tenant does not know gets an error entry rather than an empty calendar.
 * A delegated token may ask through its own mailbox only; the app's own token through any.
 */
export const getSchedule = (
  state: GraphState,
  caller: Caller,
  mailbox: string,
  body: GetScheduleRequest,
): GraphReply => {
  const owner = state.user(caller.tenantId, mailbox);
  if (owner === undefined) return notFound(mailbox);
  if (caller.delegated && owner.id !== caller.oid) {
    return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  if (body.startTime === undefined || body.endTime === undefined || (body.schedules ?? []).length === 0) {
    return graphError(400, 'ErrorInvalidRequest', 'getSchedule needs schedules, startTime and endTime.');
  }
  const [lo, hi] = [toMillis(body.startTime), toMillis(body.endTime)];
  const value = (body.schedules ?? []).map((address) => {
    const user = state.user(caller.tenantId, address);
    if (user === undefined) {
      return {
        scheduleId: address,
        error: { message: 'The user was not found.', responseCode: 'ErrorMailRecipientNotFound' },
      };
    }
    const scheduleItems = [...state.calendar(user.id).values()]
      .filter((e) => !e.isCancelled && e.showAs !== 'free' && toMillis(e.start) < hi && toMillis(e.end) > lo)
      .sort((a, b) => toMillis(a.start) - toMillis(b.start))
      .map((e) => ({ status: e.showAs, start: fromMillis(toMillis(e.start)), end: fromMillis(toMillis(e.end)) }));
    const hours = user.workingHours;
    return {
      scheduleId: address,
      scheduleItems,
      ...(hours === undefined
        ? {}
        : {
            workingHours: {
              daysOfWeek: hours.daysOfWeek,
              startTime: `${hours.start}:00.0000000`,
              endTime: `${hours.end}:00.0000000`,
              timeZone: { name: hours.timeZone },
            },
          }),
    };
  });
  return ok({ value });
};
