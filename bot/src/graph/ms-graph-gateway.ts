import type { Client } from '@microsoft/microsoft-graph-client';
import { AppError } from '@pc/core';
import { fromGraphSchedule, toGraphScheduleQuery, type GraphScheduleInformation } from './calendar-schedule.ts';
import type { GraphGateway, MailboxAccess } from './gateway.ts';
import { createGraphClient, tokenAuthProvider } from './graph-http.ts';
import { createKeyedLimiter } from './keyed-limiter.ts';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.ts';
import type { GraphTokenSource } from './token-source.ts';
import {
  fromGraphEvent,
  fromGraphSuggestion,
  toGraphChanges,
  toGraphEvent,
  toGraphSeries,
  toGraphTime,
  type GraphEvent,
  type GraphMeetingTimeSuggestion,
} from './wire.ts';

export interface MsGraphGatewayOptions {
  readonly tokens: GraphTokenSource;
  /** Defaults to https://graph.microsoft.com/v1.0. */
  readonly baseUrl?: string;
  readonly retry?: RetryPolicy;
  /** Outlook allows 4 concurrent requests per mailbox per app. */
  readonly maxConcurrentPerMailbox?: number;
}

const seg = (id: string): string => encodeURIComponent(id);

/** A chat member as Graph lists it (`aadUserConversationMember`); guests and bots may have no user id. */
interface GraphChatMember {
  readonly userId?: string | null;
}

export const createMsGraphGateway = (options: MsGraphGatewayOptions): GraphGateway => {
  const baseUrl = options.baseUrl ?? 'https://graph.microsoft.com/v1.0';
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const limiter = createKeyedLimiter(options.maxConcurrentPerMailbox ?? 4);
  const clientWith = (accessToken: string): Client =>
    createGraphClient(
      baseUrl,
      tokenAuthProvider(() => Promise.resolve(accessToken)),
    );

  /**
   * Every call takes one slot of its mailbox's limit, held across retries so backing off also eases
   * the load on Graph. The token is fetched before the SDK runs, so sign-in failures keep their meaning.
   */
  const call = <T>(
    mailbox: string,
    token: () => Promise<string>,
    request: (client: Client) => Promise<T>,
  ): Promise<T> =>
    limiter.run(mailbox.toLowerCase(), () =>
      withRetry(async () => {
        const accessToken = await token();
        return request(clientWith(accessToken));
      }, policy),
    );
  /** The owner's own delegated token when they are signed in, else the app's (see MailboxAccess). */
  const tokenFor = (access: MailboxAccess) => (): Promise<string> =>
    access.userToken === undefined
      ? options.tokens.appToken(access.tenantId)
      : options.tokens.delegatedToken(access.tenantId, access.userToken);
  const eventsOf = (access: MailboxAccess): string => `/users/${seg(access.mailboxId)}/events`;

  return {
    membersOf: async (tenantId, chatId) => {
      // App-only, with the resource-specific ChatMember.Read.Chat granted where the app is in the meeting.
      const found = await call(
        `chat:${chatId}`,
        () => options.tokens.appToken(tenantId),
        (client) => client.api(`/chats/${seg(chatId)}/members`).get() as Promise<{ value?: GraphChatMember[] }>,
      ).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not-found') return { value: [] };
        throw error;
      });
      return (found.value ?? []).flatMap((m) => (typeof m.userId === 'string' ? [m.userId] : []));
    },
    findMeetingTimes: async (caller, query) => {
      const delegated = (): Promise<string> => options.tokens.delegatedToken(caller.tenantId, caller.token);
      const result = await call(
        caller.userId,
        delegated,
        (client) =>
          client.api('/me/findMeetingTimes').post({
            attendees: query.attendees.map((a) => ({
              emailAddress: { address: a.email },
              type: a.optional === true ? 'optional' : 'required',
            })),
            timeConstraint: {
              activityDomain: query.workingHoursOnly === false ? 'unrestricted' : 'work',
              timeSlots: query.within.map((slot) => ({ start: toGraphTime(slot.start), end: toGraphTime(slot.end) })),
            },
            meetingDuration: `PT${query.durationMinutes}M`,
            maxCandidates: query.maxCandidates ?? 10,
            isOrganizerOptional: query.organizerOptional === true,
            // Ask for times everyone can make; Graph still rates some lower, so availability is passed on.
            minimumAttendeePercentage: 100,
            returnSuggestionReasons: false,
          }) as Promise<{ meetingTimeSuggestions?: GraphMeetingTimeSuggestion[] }>,
      );
      return (result.meetingTimeSuggestions ?? []).map(fromGraphSuggestion);
    },
    getSchedule: async (mailbox, query) => {
      const result = await call(
        mailbox.mailboxId,
        tokenFor(mailbox),
        (client) =>
          client
            .api(`/users/${seg(mailbox.mailboxId)}/calendar/getSchedule`)
            .post(toGraphScheduleQuery(query)) as Promise<{ value?: GraphScheduleInformation[] }>,
      );
      return (result.value ?? []).map(fromGraphSchedule);
    },
    createEvent: async (organizer, event) => {
      const created = await call(
        organizer.mailboxId,
        tokenFor(organizer),
        (client) => client.api(eventsOf(organizer)).post(toGraphEvent(event)) as Promise<GraphEvent>,
      );
      return fromGraphEvent(created);
    },
    updateEvent: async (organizer, eventId, changes) => {
      const updated = await call(
        organizer.mailboxId,
        tokenFor(organizer),
        (client) =>
          client.api(`${eventsOf(organizer)}/${seg(eventId)}`).patch(toGraphChanges(changes)) as Promise<GraphEvent>,
      );
      return fromGraphEvent(updated);
    },
    cancelEvent: async (organizer, eventId, comment) => {
      await call(
        organizer.mailboxId,
        tokenFor(organizer),
        (client) =>
          client
            .api(`${eventsOf(organizer)}/${seg(eventId)}/cancel`)
            .post({ comment: comment ?? '' }) as Promise<unknown>,
      );
    },
    createSeries: async (organizer, series) => {
      const created = await call(
        organizer.mailboxId,
        tokenFor(organizer),
        (client) => client.api(eventsOf(organizer)).post(toGraphSeries(series)) as Promise<GraphEvent>,
      );
      return fromGraphEvent(created);
    },
    seriesInstances: async (organizer, seriesId, within) => {
      const found = await call(
        organizer.mailboxId,
        tokenFor(organizer),
        (client) =>
          client
            .api(`${eventsOf(organizer)}/${seg(seriesId)}/instances`)
            .query({ startDateTime: within.start, endDateTime: within.end })
            .top(100) // a series books at most a year of weekly meetings
            .get() as Promise<{ value?: GraphEvent[] }>,
      );
      return (found.value ?? []).map(fromGraphEvent);
    },
  };
};
