import { AppError, isAppError } from '@pc/core';
import type { Client } from '@microsoft/microsoft-graph-client';
import { fetchUsers, type BatchResponse } from './batch.ts';
import type { DirectoryUser, GraphGateway } from './gateway.ts';
import { createGraphClient, tokenAuthProvider } from './graph-http.ts';
import { createKeyedLimiter } from './keyed-limiter.ts';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.ts';
import type { GraphTokenSource } from './token-source.ts';
import {
  USER_FIELDS,
  fromGraphEvent,
  fromGraphTime,
  fromGraphSchedule,
  toGraphChanges,
  toGraphEvent,
  toGraphTime,
  toUser,
  type GraphEvent,
  type GraphMeetingTimeSuggestion,
  type GraphScheduleInformation,
  type GraphUser,
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

/** undefined for Graph's 404, so reads of absent people are not errors. */
const orAbsent = async <T>(read: Promise<T>): Promise<T | undefined> => {
  try {
    return await read;
  } catch (error) {
    if (isAppError(error) && error.code === 'not-found') return undefined;
    throw error;
  }
};

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
  const app = (tenantId: string) => (): Promise<string> => options.tokens.appToken(tenantId);

  const getUser: GraphGateway['getUser'] = (tenantId, userId) =>
    orAbsent(
      call(
        userId,
        app(tenantId),
        (client) =>
          client
            .api(`/users/${seg(userId)}`)
            .select(USER_FIELDS)
            .get() as Promise<GraphUser>,
      ),
    ).then((u) => (u === undefined ? undefined : toUser(u)));

  const getManager: GraphGateway['getManager'] = (tenantId, userId) =>
    orAbsent(
      call(
        userId,
        app(tenantId),
        (client) =>
          client
            .api(`/users/${seg(userId)}/manager`)
            .select(USER_FIELDS)
            .get() as Promise<GraphUser>,
      ),
    ).then((u) => (u === undefined ? undefined : toUser(u)));

  return {
    getUser,
    getManager,
    getUsers: (tenantId, userIds) =>
      fetchUsers(
        userIds,
        async (requests) =>
          clientWith(await options.tokens.appToken(tenantId))
            .api('/$batch')
            .post({ requests }) as Promise<BatchResponse>,
        (run) => limiter.run(`$batch:${tenantId}`, run),
        policy,
      ),
    getDirectReports: async (tenantId, userId) => {
      const page = await call(
        userId,
        app(tenantId),
        (client) =>
          client
            .api(`/users/${seg(userId)}/directReports`)
            .select(USER_FIELDS)
            .get() as Promise<{ value: GraphUser[] }>,
      );
      return page.value.map(toUser);
    },
    getManagerChain: async (tenantId, userId, levels = 2) => {
      const chain: DirectoryUser[] = [];
      let current = userId;
      for (let level = 0; level < levels; level += 1) {
        const manager = await getManager(tenantId, current);
        // Stop at the top of the tree, and never loop on a directory that names someone their own manager.
        if (manager === undefined || manager.id === userId || chain.some((m) => m.id === manager.id)) break;
        chain.push(manager);
        current = manager.id;
      }
      return chain;
    },
    getSchedule: async (tenantId, mailboxId, query) => {
      if (query.schedules.length > 20) throw new AppError('validation', 'At most 20 calendars can be read at once');
      const result = await call(
        mailboxId,
        app(tenantId),
        (client) =>
          client.api(`/users/${seg(mailboxId)}/calendar/getSchedule`).post({
            schedules: query.schedules,
            startTime: toGraphTime(query.window.start),
            endTime: toGraphTime(query.window.end),
            availabilityViewInterval: query.intervalMinutes ?? 30,
          }) as Promise<{ value: GraphScheduleInformation[] }>,
      );
      return result.value.map(fromGraphSchedule);
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
            isOrganizerOptional: false,
            returnSuggestionReasons: false,
          }) as Promise<{ meetingTimeSuggestions?: GraphMeetingTimeSuggestion[] }>,
      );
      return (result.meetingTimeSuggestions ?? []).map((s) => ({
        confidence: s.confidence,
        start: fromGraphTime(s.meetingTimeSlot.start),
        end: fromGraphTime(s.meetingTimeSlot.end),
      }));
    },
    createEvent: async (tenantId, organizerId, event) => {
      const created = await call(
        organizerId,
        app(tenantId),
        (client) => client.api(`/users/${seg(organizerId)}/events`).post(toGraphEvent(event)) as Promise<GraphEvent>,
      );
      return fromGraphEvent(created);
    },
    updateEvent: async (tenantId, organizerId, eventId, changes) => {
      const updated = await call(
        organizerId,
        app(tenantId),
        (client) =>
          client
            .api(`/users/${seg(organizerId)}/events/${seg(eventId)}`)
            .patch(toGraphChanges(changes)) as Promise<GraphEvent>,
      );
      return fromGraphEvent(updated);
    },
    cancelEvent: async (tenantId, organizerId, eventId, comment) => {
      await call(
        organizerId,
        app(tenantId),
        (client) =>
          client
            .api(`/users/${seg(organizerId)}/events/${seg(eventId)}/cancel`)
            .post({ comment: comment ?? '' }) as Promise<unknown>,
      );
    },
  };
};
