import type { AdaptiveCard } from '@pc/core/cards';
import type { IsoDateTime, Page, PersonId, TenantId } from '@pc/core';

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
  ): Promise<{ activityId: string }>;
}

export interface StarterState {
  readonly tenantId: TenantId;
  readonly id: string;
  readonly audience: 'pair' | 'team';
  readonly topicIds: readonly string[];
  readonly participantIds: readonly PersonId[];
  readonly answers: readonly {
    readonly topicId: string;
    readonly authorId: PersonId;
    readonly authorName: string;
    readonly text: string;
    /** The activity that carried the answer: a resend adds nothing. */
    readonly activityId: string;
  }[];
  readonly createdAt: IsoDateTime;
}

export interface StarterStore {
  get(tenantId: TenantId, id: string): Promise<{ readonly item: StarterState; readonly etag: string } | undefined>;
  /** False when it already exists. */
  create(state: StarterState): Promise<boolean>;
  /** AppError 'conflict' when stale. */
  replace(state: StarterState, etag: string): Promise<void>;
}

/**
 * Hours (in the employer's time zone) when no check-in is started. `start` after `end`
 * wraps past midnight; `days` are ISO weekdays (1 Monday … 7 Sunday) that are quiet all day.
 */
export interface QuietHours {
  readonly start: string;
  readonly end: string;
  readonly days?: readonly number[];
}

export interface StoredNudgeSettings {
  readonly tenantId: TenantId;
  /** The person's id. */
  readonly id: PersonId;
  readonly snoozedUntil?: string;
  readonly optedOut: boolean;
  /** The person's own quiet hours; absent, the scheduler's working-day default applies. */
  readonly quietHours?: QuietHours;
  readonly updatedAt: IsoDateTime;
}

export interface NudgeSettingsStore {
  get(tenantId: TenantId, personId: PersonId): Promise<StoredNudgeSettings | undefined>;
  /** Only the person changes their own settings, so the last write wins. */
  put(settings: StoredNudgeSettings): Promise<void>;
}
