import type { AdaptiveCard } from '../cards/elements.ts';
import type { PersonId, TenantId } from '../domain/people.ts';
import type { Page } from './repositories.ts';
import type { IsoDateTime } from '../time/dates.ts';

/**
 * Where the bot can reach a tenant (or one person) later: what the Bot
 * Connector needs to start or continue a conversation. Stored on installation.
 */
export interface StoredConversationReference {
  readonly tenantId: TenantId;
  /** TENANT_REFERENCE_KEY for the tenant-wide entry, or the person's id for their personal chat. */
  readonly id: string;
  readonly serviceUrl: string;
  readonly botId: string;
  readonly channelId: string;
  /** Present for a personal chat. */
  readonly conversationId?: string;
  readonly updatedAt: IsoDateTime;
}

export const TENANT_REFERENCE_KEY = 'tenant';

export interface ConversationReferenceStore {
  put(reference: StoredConversationReference): Promise<void>;
  get(tenantId: TenantId, id: string): Promise<StoredConversationReference | undefined>;
  /** Those of `ids` that exist, in one query per 100 ids; a store without it is read one by one. */
  getMany?(tenantId: TenantId, ids: readonly string[]): Promise<readonly StoredConversationReference[]>;
}

/** pending → sending → sent; a 'sending' item whose worker vanished becomes 'in-doubt', never resent blindly. */
export type SendState = 'pending' | 'sending' | 'sent' | 'in-doubt';

export interface SendQueueItem {
  readonly tenantId: TenantId;
  /** Deterministic from tenant + person + cycle: enqueueing the same nudge twice is a no-op. */
  readonly id: string;
  readonly personId: PersonId;
  readonly cycleKey: string;
  readonly state: SendState;
  readonly card: AdaptiveCard;
  readonly attempts: number;
  readonly enqueuedAt: IsoDateTime;
  /** Set when claimed; lets a later worker tell a live send from an abandoned one. */
  readonly sendingSince?: IsoDateTime;
  readonly sentAt?: IsoDateTime;
  readonly activityId?: string;
  /** The send lease whose holder marked it 'sending': once that lease has passed to another holder, the send is in doubt. */
  readonly claimedBy?: string;
}

export interface StoredSendItem {
  readonly item: SendQueueItem;
  readonly etag: string;
}

export interface SendQueueStore {
  /** Creates the item and returns it with its ETag; undefined when an item with its id already exists. */
  enqueue(item: SendQueueItem): Promise<StoredSendItem | undefined>;
  /**
   * One page of a cycle's items with their ETags, in enqueue order, whatever their state. A
   * cycle is its own partition, so finished cycles are never read again.
   */
  scan(tenantId: TenantId, cycleKey: string, continuationToken?: string): Promise<Page<StoredSendItem>>;
  /** As scan, for the items still to do: 'pending', or 'sending' under a claim that may have lapsed. */
  scanOpen(tenantId: TenantId, cycleKey: string, continuationToken?: string): Promise<Page<StoredSendItem>>;
  get(tenantId: TenantId, cycleKey: string, id: string): Promise<StoredSendItem | undefined>;
  /** ETag-guarded; AppError 'conflict' when another worker changed it first. */
  replace(item: SendQueueItem, etag: string): Promise<StoredSendItem>;
  /** Whether any item of the cycle is still open: one small query, for a sweep that runs every minute. */
  anyOpen(tenantId: TenantId, cycleKey: string): Promise<boolean>;
}

/** How a proactive send and its tenant's pacing tell each other about a 429's Retry-After. */
export interface ThrottleSignals {
  /** Told at once when the connector answers 429, even when the call is then retried by the client. */
  throttled(retryAfterMs: number): void;
  /** How long the tenant is still paused: no request leaves before then. */
  pausedForMs(): number;
}

/** The Bot Connector calls one proactive send makes: open the 1:1 chat, then post into it. */
export type ConnectorCall = 'create-conversation' | 'post';

/** Delivers one proactive card to one person; throws ConnectorThrottled on 429. */
export interface ProactiveSender {
  send(
    tenantId: TenantId,
    personId: PersonId,
    card: AdaptiveCard,
    idempotencyKey: string,
    /** Awaited right before each connector call, so the caller can keep within the rate limits. */
    pace?: (call: ConnectorCall) => Promise<void>,
    /** The tenant's pause: told of every 429 at once, and asked right before each request leaves. */
    throttle?: ThrottleSignals,
  ): Promise<{ activityId: string }>;
}

export const SEND_LEASE_KEY = 'send-lease';

/**
 * Who sends to a tenant now: one holder at a time across every instance, renewed by heartbeat
 * and given up by expiry, so the tenant's Teams budget and a Retry-After are honoured by all.
 */
export interface SendLease {
  readonly tenantId: TenantId;
  /** SEND_LEASE_KEY: one lease per tenant, because Teams' budget is per tenant. */
  readonly id: string;
  /** Unique to one acquisition; sends it marks carry it as `claimedBy`. */
  readonly holder: string;
  /** The cycle the holder is working on, for the record. */
  readonly cycleKey: string;
  readonly expiresAt: IsoDateTime;
  /** From a 429's Retry-After: nobody sends to the tenant before this. */
  readonly pausedUntil?: IsoDateTime;
}

export interface StoredSendLease {
  readonly item: SendLease;
  readonly etag: string;
}

export interface SendLeaseStore {
  get(tenantId: TenantId): Promise<StoredSendLease | undefined>;
  /** Undefined when the tenant already has a lease document. */
  create(lease: SendLease): Promise<StoredSendLease | undefined>;
  /** ETag-guarded; AppError 'conflict' when another instance changed it first. */
  replace(lease: SendLease, etag: string): Promise<StoredSendLease>;
}
