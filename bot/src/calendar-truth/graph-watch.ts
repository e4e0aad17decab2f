import { isAppError } from '@pc/core';
import type { CalendarWatchGateway, EventDelta, ObservedEvent } from '@pc/core/usecases';
import type { Client } from '@microsoft/microsoft-graph-client';
import { createGraphClient, pathOnGraph, tokenAuthProvider } from '../graph/graph-http.ts';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from '../graph/retry.ts';
import { fromGraphTime, type GraphEvent } from '../graph/wire.ts';

export interface GraphWatchOptions {
  /** App-only Graph tokens per tenant (Calendars.Read is enough to subscribe and read). */
  readonly appToken: (tenantId: string) => Promise<string>;
  readonly baseUrl: string;
  readonly retry?: RetryPolicy;
}

interface WatchedGraphEvent extends GraphEvent {
  readonly isCancelled?: boolean;
  readonly attendees?: readonly {
    readonly emailAddress: { readonly address: string };
    readonly status?: { readonly response?: string };
  }[];
  readonly '@removed'?: unknown;
}

const seg = (id: string): string => encodeURIComponent(id);

const observe = (event: WatchedGraphEvent): ObservedEvent => ({
  start: fromGraphTime(event.start),
  end: fromGraphTime(event.end),
  cancelled: event.isCancelled === true,
  declinedBy: (event.attendees ?? [])
    .filter((a) => a.status?.response === 'declined')
    .map((a) => a.emailAddress.address),
});

const EVENT_FIELDS = 'id,start,end,isCancelled,attendees';

/** Change notifications and event reads over Microsoft Graph with the app's own token. */
export const createGraphWatch = (options: GraphWatchOptions): CalendarWatchGateway => {
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const base = options.baseUrl.replace(/\/+$/, '');
  // Links Graph hands out are followed on the configured host only.
  const onGraph = (link: string): string => pathOnGraph(base, link, 'calendar');
  const call = <T>(tenantId: string, request: (client: Client) => Promise<T>): Promise<T> =>
    withRetry(async () => {
      const token = await options.appToken(tenantId);
      return request(
        createGraphClient(
          options.baseUrl,
          tokenAuthProvider(() => Promise.resolve(token)),
        ),
      );
    }, policy);

  return {
    subscribe: async (tenantId, mailboxId, request) => {
      const made = await call(
        tenantId,
        (client) =>
          client.api('/subscriptions').post({
            changeType: 'updated,deleted',
            resource: `/users/${seg(mailboxId)}/events`,
            notificationUrl: request.notificationUrl,
            lifecycleNotificationUrl: request.lifecycleNotificationUrl,
            clientState: request.clientState,
            expirationDateTime: request.expiresAt,
          }) as Promise<{ id: string; expirationDateTime: string }>,
      );
      return { subscriptionId: made.id, expiresAt: new Date(made.expirationDateTime).toISOString() };
    },
    renew: async (tenantId, subscriptionId, expiresAt) => {
      try {
        await call(tenantId, (client) =>
          client.api(`/subscriptions/${seg(subscriptionId)}`).patch({ expirationDateTime: expiresAt }),
        );
        return true;
      } catch (error) {
        if (isAppError(error) && error.code === 'not-found') return false;
        throw error;
      }
    },
    readEvent: async (tenantId, mailboxId, eventId) => {
      try {
        const event = await call(
          tenantId,
          (client) =>
            client
              .api(`/users/${seg(mailboxId)}/events/${seg(eventId)}`)
              .select(EVENT_FIELDS)
              .get() as Promise<WatchedGraphEvent>,
        );
        return observe(event);
      } catch (error) {
        if (isAppError(error) && error.code === 'not-found') return undefined;
        throw error;
      }
    },
    eventChanges: async (tenantId, mailboxId, since) => {
      const changes: EventDelta[] = [];
      let path =
        since.deltaLink === undefined
          ? `/users/${seg(mailboxId)}/calendarView/delta?startDateTime=${since.from}&endDateTime=${since.to}`
          : onGraph(since.deltaLink);
      for (;;) {
        const url = path;
        const page = await call(
          tenantId,
          (client) =>
            client.api(url).get() as Promise<{
              value?: WatchedGraphEvent[];
              '@odata.nextLink'?: string;
              '@odata.deltaLink'?: string;
            }>,
        );
        for (const event of page.value ?? []) {
          changes.push({ eventId: event.id, observed: event['@removed'] === undefined ? observe(event) : undefined });
        }
        const nextLink = page['@odata.nextLink'];
        if (nextLink !== undefined) {
          path = onGraph(nextLink);
          continue;
        }
        return { changes, deltaLink: page['@odata.deltaLink'] ?? `${base}${url}` };
      }
    },
  };
};
