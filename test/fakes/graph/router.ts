import { sendActivityNotification } from './activity-feed.ts';
import { calendarViewDelta, getEvent } from './calendar-reads.ts';
import { chatMembers } from './chats.ts';
import { cancelEvent, createEvent, listEvents, updateEvent, type EventInput } from './calendar.ts';
import { servicePrincipals } from './app-roles.ts';
import { usersDelta } from './delta.ts';
import { getDirectReports, getManager, getUser, meId } from './directory.ts';
import type { Caller, GraphReply } from './http.ts';
import { graphError } from './http.ts';
import { listInstances } from './recurrence.ts';
import { getSchedule, type GetScheduleRequest } from './schedule.ts';
import { findMeetingTimes, type FindMeetingTimesRequest } from './scheduling.ts';
import type { GraphState } from './state.ts';

export interface GraphRequestLine {
  readonly method: string;
  /** Path below /v1.0, e.g. `/users/abc/manager`. */
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  /** Scheme and host the request came to, for links in replies (`@odata.nextLink`). */
  readonly origin?: string;
  readonly prefer?: string;
}

/** The mailbox a request touches, for per-mailbox concurrency accounting; undefined for tenant-wide calls. */
export const mailboxOf = (state: GraphState, caller: Caller, path: string): string | undefined => {
  const [root, id] = path.split('/').filter(Boolean);
  if (root === 'me') return caller.oid;
  if (root === 'users' && id !== undefined) return state.user(caller.tenantId, id)?.id ?? decodeURIComponent(id);
  return undefined;
};

export const dispatch = (state: GraphState, caller: Caller, request: GraphRequestLine): GraphReply => {
  const segments = request.path.split('/').filter(Boolean);
  let mailbox: string;
  let rest: string[];
  if (request.method === 'POST' && request.path.replace(/\/+$/, '') === '/me/findMeetingTimes') {
    // Graph answers an app-only token here with 403 rather than the generic /me 400.
    return findMeetingTimes(state, caller, request.body as FindMeetingTimesRequest);
  }
  if (request.method === 'GET' && request.path.replace(/\/+$/, '') === '/users/delta')
    return usersDelta(state, caller, request);
  if (request.method === 'GET' && segments[0] === 'servicePrincipals') return servicePrincipals(state, caller, request);
  if (request.method === 'GET' && segments[0] === 'chats' && segments[2] === 'members' && segments.length === 3) {
    return chatMembers(state, caller, decodeURIComponent(segments[1] ?? ''));
  }
  if (segments[0] === 'me') {
    const me = meId(caller);
    if (typeof me !== 'string') return me;
    mailbox = me;
    rest = segments.slice(1);
  } else if (segments[0] === 'users' && segments[1] !== undefined) {
    mailbox = segments[1];
    rest = segments.slice(2);
  } else {
    return graphError(400, 'BadRequest', `Unsupported path ${request.path}`);
  }
  const route = `${request.method} ${rest.map((s, i) => (i === 1 && rest[0] === 'events' ? '{id}' : s)).join('/')}`;
  // The fake trusts request bodies to have Graph's shape; each handler reads the fields it needs.
  const body: unknown = request.body ?? {};
  const eventId = rest[1] ?? '';
  switch (route) {
    case 'GET ':
      return getUser(state, caller, mailbox);
    case 'GET manager':
      return getManager(state, caller, mailbox);
    case 'GET directReports':
      return getDirectReports(state, caller, mailbox);
    case 'POST findMeetingTimes':
      return segments[0] === 'me'
        ? findMeetingTimes(state, caller, body as FindMeetingTimesRequest)
        : graphError(403, 'ErrorAccessDenied', 'findMeetingTimes is available on /me only.');
    case 'POST calendar/getSchedule':
      return getSchedule(state, caller, mailbox, body as GetScheduleRequest);
    case 'GET events':
      return listEvents(state, caller, mailbox, request.query, false);
    case 'GET events/{id}':
      return getEvent(state, caller, mailbox, eventId);
    case 'GET events/{id}/instances':
      return listInstances(state, caller, mailbox, eventId, request.query);
    case 'GET calendarView/delta':
      return calendarViewDelta(state, caller, mailbox, request);
    case 'GET calendarView':
    case 'GET calendar/calendarView':
      return listEvents(state, caller, mailbox, request.query, true);
    case 'POST events':
    case 'POST calendar/events':
      return createEvent(state, caller, mailbox, body as EventInput);
    case 'PATCH events/{id}':
      return updateEvent(state, caller, mailbox, eventId, body as EventInput);
    case 'DELETE events/{id}':
      return cancelEvent(state, caller, mailbox, eventId, 204);
    case 'POST events/{id}/cancel':
      return cancelEvent(state, caller, mailbox, eventId, 202);
    case 'POST teamwork/sendActivityNotification':
      return sendActivityNotification(state, caller, mailbox, body);
    default:
      return graphError(400, 'BadRequest', `Unsupported request ${request.method} ${request.path}`);
  }
};
