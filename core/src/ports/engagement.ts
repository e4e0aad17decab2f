import type { PersonId, TenantId } from '../domain/people.ts';
import type { IsoDateTime } from '../time/dates.ts';
import type { Stored } from './repositories.ts';

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
  /** The latest answer to the check-in's "How are you doing?"; only the person and their line manager read it. */
  readonly wellbeing?: { readonly answer: 'good' | 'okay' | 'struggling'; readonly answeredOn: IsoDateTime };
  /** Nudges the person turned off on the settings page; absent, they get every one. */
  readonly mutedNudges?: readonly NudgeKind[];
  /** Where nudges reach them; absent, the bot chat. */
  readonly channel?: NudgeChannel;
  /** Whether their answers to a team deck carry their name unless they choose otherwise; absent, no. */
  readonly namedAnswers?: boolean;
  /** How often they get a check-in; absent, as often as their organisation's settings say. */
  readonly checkinCadence?: CheckinCadence;
  readonly updatedAt: IsoDateTime;
}

/** How often a person chose to get a check-in; 'never' leaves them out of the weekly run. */
export type CheckinCadence = 'weekly' | 'fortnightly' | 'monthly' | 'never';

/** The nudges a person may turn off: preparation the day before, a note told, the Friday digest, deadlines. */
export type NudgeKind = 'preparation' | 'note-told' | 'digest' | 'deadline';

/** The bot's personal chat, or the Teams activity feed. */
export type NudgeChannel = 'chat' | 'activity-feed';

export interface NudgeSettingsStore {
  get(tenantId: TenantId, personId: PersonId): Promise<StoredNudgeSettings | undefined>;
  /** The settings of those of `personIds` who have any, in one query per 100 people; else read one by one. */
  getMany?(tenantId: TenantId, personIds: readonly PersonId[]): Promise<readonly StoredNudgeSettings[]>;
  /** Only the person changes their own settings, so the last write wins. */
  put(settings: StoredNudgeSettings): Promise<void>;
  /** The settings with their version, for a save that must not undo a change made meanwhile. */
  read(tenantId: TenantId, personId: PersonId): Promise<Stored<StoredNudgeSettings> | undefined>;
  /**
   * Saves against the version read: `etag` undefined creates. AppError 'conflict' when the settings
   * changed since (or were created meanwhile).
   */
  save(settings: StoredNudgeSettings, etag: string | undefined): Promise<Stored<StoredNudgeSettings>>;
}
