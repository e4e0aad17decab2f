/**
 * Change notifications of the fake Graph, as Graph sends them for Outlook events: `POST
 * /subscriptions` validates both URLs with a `validationToken` round trip (10 s), refuses an
 * expiry past the events limit (10,080 minutes), and from then on each change to an event in the
 * mailbox is POSTed to the notification URL with the subscription's clientState. `PATCH` renews,
 * `DELETE` ends one; lifecycle events (reauthorizationRequired, subscriptionRemoved, missed) go to
 * the lifecycle URL when a test asks. A paused fake keeps changes to itself, as a lost
 * notification would, so the product's delta catch-up can be tested.
 */
import { randomUUID } from 'node:crypto';
import type { Caller, GraphReply } from './http.ts';
import { graphError, notFound, ok } from './http.ts';
import type { GraphState } from './state.ts';

/** Graph's longest subscription to Outlook events without resource data, in minutes. */
const MAX_EVENT_MINUTES = 10_080;
const VALIDATION_TIMEOUT_MS = 10_000;

export interface FakeSubscription {
  readonly id: string;
  readonly tenantId: string;
  readonly mailboxId: string;
  readonly resource: string;
  readonly changeType: string;
  readonly notificationUrl: string;
  readonly lifecycleNotificationUrl?: string;
  readonly clientState?: string;
  expirationDateTime: string;
}

export interface DeliveredNotification {
  readonly url: string;
  readonly status: number;
  readonly body: unknown;
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

interface SubscriptionInput {
  readonly changeType?: string;
  readonly notificationUrl?: string;
  readonly lifecycleNotificationUrl?: string;
  readonly resource?: string;
  readonly expirationDateTime?: string;
  readonly clientState?: string;
}

const validated = async (url: string): Promise<boolean> => {
  const token = `Validation: ${randomUUID()}`;
  const target = new URL(url);
  target.searchParams.set('validationToken', token);
  try {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
    });
    return res.status === 200 && (await res.text()) === token;
  } catch {
    return false;
  }
};

/** `/users/{id}/events` or `/me/events` (any case), the only resource this fake watches. */
const mailboxOfResource = (resource: string, caller: Caller): string | undefined => {
  const path = resource.replace(/^\/+/, '').toLowerCase();
  if (path === 'me/events') return caller.delegated ? caller.oid : undefined;
  return /^users\/([^/]+)\/events$/.exec(path)?.[1];
};

export class FakeSubscriptions {
  readonly #state: GraphState;
  readonly #subs = new Map<string, FakeSubscription>();
  readonly #delivered: DeliveredNotification[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  #paused = false;
  readonly #now: () => number;

  constructor(state: GraphState, now: () => number = Date.now) {
    this.#state = state;
    this.#now = now;
    state.onEventChange((mailboxId, eventId, change) => {
      this.#changed(mailboxId, eventId, change);
    });
  }

  /** Handles `/subscriptions` and `/subscriptions/{id}`; undefined for any other path. */
  async route(caller: Caller, method: string, path: string, body: unknown): Promise<GraphReply | undefined> {
    const match = /^\/subscriptions(?:\/([^/]+))?\/?$/.exec(path);
    if (match === null) return undefined;
    const id = match[1];
    if (id === undefined && method === 'POST') return this.#create(caller, body ?? {});
    if (id === undefined && method === 'GET') {
      return ok({ value: [...this.#subs.values()].filter((s) => s.tenantId === caller.tenantId).map(this.#json) });
    }
    const sub = id === undefined ? undefined : this.#subs.get(id);
    if (sub === undefined || sub.tenantId !== caller.tenantId) return notFound(id ?? 'subscriptions');
    if (method === 'GET') return ok(this.#json(sub));
    if (method === 'DELETE') {
      this.#subs.delete(sub.id);
      return { status: 204 };
    }
    if (method === 'PATCH') {
      const expiry = (body as SubscriptionInput | undefined)?.expirationDateTime;
      const refused = this.#badExpiry(expiry);
      if (refused !== undefined) return refused;
      sub.expirationDateTime = new Date(expiry ?? '').toISOString();
      return ok(this.#json(sub));
    }
    return graphError(405, 'MethodNotAllowed', `${method} is not allowed here.`);
  }

  list(): readonly FakeSubscription[] {
    return [...this.#subs.values()].map((s) => ({ ...s }));
  }

  delivered(): readonly DeliveredNotification[] {
    return [...this.#delivered];
  }

  /** While paused, changes are not notified (as if the notifications were lost). */
  pause(paused: boolean): void {
    this.#paused = paused;
  }

  /** Ends a subscription on Graph's side without telling anyone, as an expiry or an admin would. */
  drop(subscriptionId: string): void {
    this.#subs.delete(subscriptionId);
  }

  /** Sends a lifecycle notification for a subscription to its lifecycle URL. */
  async lifecycle(subscriptionId: string, event: LifecycleEvent): Promise<number> {
    const sub = this.#subs.get(subscriptionId);
    if (sub?.lifecycleNotificationUrl === undefined) throw new Error(`no lifecycle URL for ${subscriptionId}`);
    if (event === 'subscriptionRemoved') this.#subs.delete(subscriptionId);
    return this.#post(sub.lifecycleNotificationUrl, {
      value: [
        {
          subscriptionId: sub.id,
          subscriptionExpirationDateTime: sub.expirationDateTime,
          tenantId: sub.tenantId,
          clientState: sub.clientState ?? null,
          lifecycleEvent: event,
        },
      ],
    });
  }

  /** Waits for notifications already on their way. */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
  }

  #json = (sub: FakeSubscription): Record<string, unknown> => ({
    id: sub.id,
    resource: sub.resource,
    changeType: sub.changeType,
    notificationUrl: sub.notificationUrl,
    lifecycleNotificationUrl: sub.lifecycleNotificationUrl ?? null,
    clientState: sub.clientState ?? null,
    expirationDateTime: sub.expirationDateTime,
  });

  #badExpiry(expiry: string | undefined): GraphReply | undefined {
    const at = Date.parse(expiry ?? '');
    if (Number.isNaN(at)) return graphError(400, 'InvalidRequest', 'expirationDateTime is required.');
    if (at <= this.#now()) return graphError(400, 'InvalidRequest', 'expirationDateTime must be in the future.');
    if (at > this.#now() + MAX_EVENT_MINUTES * 60_000) {
      return graphError(
        400,
        'InvalidRequest',
        `Subscription expiration can only be ${MAX_EVENT_MINUTES} minutes in the future.`,
      );
    }
    return undefined;
  }

  async #create(caller: Caller, input: SubscriptionInput): Promise<GraphReply> {
    const mailboxId = mailboxOfResource(input.resource ?? '', caller);
    const user = mailboxId === undefined ? undefined : this.#state.user(caller.tenantId, mailboxId);
    if (user === undefined) return graphError(400, 'ExtensionError', `Unsupported resource ${input.resource ?? ''}.`);
    if (caller.delegated && user.id !== caller.oid) {
      return graphError(403, 'ExtensionError', 'Access is denied to the requested resource.');
    }
    if (input.notificationUrl === undefined || input.changeType === undefined) {
      return graphError(400, 'InvalidRequest', 'notificationUrl and changeType are required.');
    }
    const refused = this.#badExpiry(input.expirationDateTime);
    if (refused !== undefined) return refused;
    for (const url of [input.notificationUrl, input.lifecycleNotificationUrl]) {
      if (url !== undefined && !(await validated(url))) {
        return graphError(400, 'InvalidRequest', `Subscription validation request failed for ${url}.`);
      }
    }
    const sub: FakeSubscription = {
      id: randomUUID(),
      tenantId: caller.tenantId,
      mailboxId: user.id,
      resource: input.resource ?? '',
      changeType: input.changeType,
      notificationUrl: input.notificationUrl,
      ...(input.lifecycleNotificationUrl === undefined
        ? {}
        : { lifecycleNotificationUrl: input.lifecycleNotificationUrl }),
      ...(input.clientState === undefined ? {} : { clientState: input.clientState }),
      expirationDateTime: new Date(input.expirationDateTime ?? '').toISOString(),
    };
    this.#subs.set(sub.id, sub);
    return ok(this.#json(sub), 201);
  }

  #changed(mailboxId: string, eventId: string, change: 'created' | 'updated' | 'deleted'): void {
    if (this.#paused) return;
    for (const sub of this.#subs.values()) {
      if (sub.mailboxId !== mailboxId || Date.parse(sub.expirationDateTime) <= this.#now()) continue;
      if (!sub.changeType.split(',').includes(change)) continue;
      const resource = `Users/${mailboxId}/Events/${eventId}`;
      const body = {
        value: [
          {
            subscriptionId: sub.id,
            subscriptionExpirationDateTime: sub.expirationDateTime,
            changeType: change,
            resource,
            resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': resource, id: eventId },
            clientState: sub.clientState ?? null,
            tenantId: sub.tenantId,
          },
        ],
      };
      const sending = this.#post(sub.notificationUrl, body).then(() => undefined);
      this.#inFlight.add(sending);
      void sending.finally(() => this.#inFlight.delete(sending));
    }
  }

  async #post(url: string, body: unknown): Promise<number> {
    let status = 0;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = 0;
    }
    this.#delivered.push({ url, status, body });
    return status;
  }
}
