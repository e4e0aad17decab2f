/**
 * Reading one event and following a calendar by delta query in the fake Graph: `GET
 * events/{id}` and `GET calendarView/delta` (a window's events, then the changes since with
 * `@removed` for deleted ones, through an opaque `$deltatoken` that keeps the window).
 */
import type { Caller, GraphReply } from './http.ts';
import { graphError, notFound, ok, toMillis } from './http.ts';
import type { GraphRequestLine } from './router.ts';
import type { FakeEvent, GraphState } from './state.ts';

export const getEvent = (state: GraphState, caller: Caller, mailbox: string, id: string): GraphReply => {
  const user = state.user(caller.tenantId, mailbox);
  const event = user === undefined ? undefined : state.calendar(user.id).get(id);
  if (caller.delegated && user !== undefined && user.id !== caller.oid) {
    return graphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
  return event === undefined ? notFound(id) : ok(event);
};

interface DeltaToken {
  readonly seq: number;
  readonly from: string;
  readonly to: string;
}

const encode = (token: DeltaToken): string => Buffer.from(JSON.stringify(token)).toString('base64url');
const decode = (text: string): DeltaToken | undefined => {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<DeltaToken>;
    return typeof token.seq === 'number' && typeof token.from === 'string' && typeof token.to === 'string'
      ? { seq: token.seq, from: token.from, to: token.to }
      : undefined;
  } catch {
    return undefined;
  }
};

const inWindow = (event: FakeEvent, from: string, to: string): boolean =>
  toMillis(event.start) < Date.parse(to) && toMillis(event.end) > Date.parse(from);

export const calendarViewDelta = (
  state: GraphState,
  caller: Caller,
  mailbox: string,
  request: GraphRequestLine,
): GraphReply => {
  const user = state.user(caller.tenantId, mailbox);
  if (user === undefined) return notFound(mailbox);
  const link = (token: DeltaToken) =>
    `${request.origin ?? 'http://graph.local'}/v1.0/users/${user.id}/calendarView/delta?$deltatoken=${encode(token)}`;
  const calendar = state.calendar(user.id);
  const tokenText = request.query.get('$deltatoken');
  const now = state.changeSeq();
  if (tokenText === null) {
    const from = request.query.get('startDateTime');
    const to = request.query.get('endDateTime');
    if (from === null || to === null || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to))) {
      return graphError(400, 'ErrorInvalidParameter', 'calendarView/delta needs startDateTime and endDateTime.');
    }
    const value = [...calendar.values()].filter((e) => !e.isCancelled && inWindow(e, from, to));
    return ok({ value, '@odata.deltaLink': link({ seq: now, from, to }) });
  }
  const token = decode(tokenText);
  if (token === undefined) return graphError(400, 'SyncStateNotFound', 'The sync state is not valid.');
  const value = state.changedSince(user.id, token.seq).map((id) => {
    const event = calendar.get(id);
    return event === undefined || event.isCancelled || !inWindow(event, token.from, token.to)
      ? { id, '@removed': { reason: 'deleted' } }
      : event;
  });
  return ok({ value, '@odata.deltaLink': link({ ...token, seq: now }) });
};
