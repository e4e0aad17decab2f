import type { Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { CheckinCadence, NudgeChannel, NudgeKind, QuietHours, StoredNudgeSettings } from '../ports/engagement.ts';
import { organisationCheckinEveryWeeks } from './checkins.ts';
import { loadActor } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { DEFAULT_QUIET_HOURS, quietHoursOf } from './quiet-hours.ts';

export const NUDGE_KINDS: readonly NudgeKind[] = ['preparation', 'note-told', 'digest', 'deadline'];

/** The If-Match of someone who never saved their settings. */
export const NO_NUDGE_SETTINGS_ETAG = '"defaults"';

/** A person's settings as the settings page shows them. */
export interface MyNudgeSettings {
  /** Each nudge, on or off. */
  readonly nudges: Readonly<Record<NudgeKind, boolean>>;
  readonly channel: NudgeChannel;
  /** Whether the activity feed can be chosen (Graph is configured for it). */
  readonly activityFeedAvailable: boolean;
  /** The person's own quiet hours, kept on top of the organisation's; null, the organisation's only. */
  readonly quietHours: QuietHours | null;
  /** The organisation's quiet hours, which always apply. */
  readonly organisationQuietHours: QuietHours;
  readonly namedAnswers: boolean;
  /** How often they get a check-in; 'organisation', as often as the organisation's settings say. */
  readonly checkinCadence: CheckinCadence | 'organisation';
  /** The organisation's check-in cadence in weeks, which 'organisation' follows. */
  readonly organisationCheckinEveryWeeks: number;
  readonly etag: string;
}

export interface MyNudgeSettingsInput {
  readonly nudges: Readonly<Record<NudgeKind, boolean>>;
  readonly channel: NudgeChannel;
  readonly quietHours: QuietHours | null;
  readonly namedAnswers: boolean;
  /** Absent, the cadence stays as it was. */
  readonly checkinCadence?: CheckinCadence | 'organisation' | undefined;
}

const viewOf = (
  deps: UseCaseDeps,
  tenant: Tenant,
  stored: { readonly item: StoredNudgeSettings; readonly etag: string } | undefined,
): MyNudgeSettings => {
  const muted = new Set(stored?.item.mutedNudges ?? []);
  return {
    nudges: Object.fromEntries(NUDGE_KINDS.map((k) => [k, !muted.has(k)])) as Record<NudgeKind, boolean>,
    channel: stored?.item.channel ?? 'chat',
    activityFeedAvailable: deps.activityFeed !== undefined,
    quietHours: quietHoursOf(stored?.item) ?? null,
    organisationQuietHours: quietHoursOfOrganisation(tenant),
    namedAnswers: stored?.item.namedAnswers === true,
    checkinCadence: stored?.item.checkinCadence ?? 'organisation',
    organisationCheckinEveryWeeks: organisationCheckinEveryWeeks(tenant),
    etag: stored?.etag ?? NO_NUDGE_SETTINGS_ETAG,
  };
};

/** The organisation's quiet hours: the administrator's, else the working-day default. */
export const quietHoursOfOrganisation = (tenant: Tenant): QuietHours =>
  tenant.settings?.quietHours ?? DEFAULT_QUIET_HOURS;

/** The caller's own nudge settings, for the settings page. */
export const getMyNudgeSettings = async (deps: UseCaseDeps, caller: Caller): Promise<MyNudgeSettings> => {
  const { tenant } = await loadActor(deps, caller);
  return viewOf(deps, tenant, await deps.repos.nudges.read(caller.tenantId, caller.userId));
};

const CONFLICT =
  'Your settings were changed somewhere else since this page loaded (in another window, or by snoozing a check-in). Reload to see them, then make your change again.';

/**
 * Saves the caller's choices against the version they loaded, keeping what the page does not show
 * (snooze, opt-out, the latest wellbeing answer). A stale version is a conflict, never a silent undo.
 */
export const saveMyNudgeSettings = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: MyNudgeSettingsInput,
  ifMatch: string,
): Promise<MyNudgeSettings> => {
  const { tenant } = await loadActor(deps, caller);
  const current = await deps.repos.nudges.read(caller.tenantId, caller.userId);
  if ((current?.etag ?? NO_NUDGE_SETTINGS_ETAG) !== ifMatch) throw new AppError('conflict', CONFLICT);
  if (input.channel === 'activity-feed' && deps.activityFeed === undefined) {
    throw new AppError('validation', 'The Teams activity feed is not available in your organisation; choose the chat.');
  }
  if (input.quietHours !== null && input.quietHours.start === input.quietHours.end) {
    throw new AppError('validation', 'Quiet hours need a start and an end that differ.');
  }
  const {
    quietHours: _old,
    mutedNudges: _muted,
    checkinCadence: ownCadence,
    ...kept
  } = current?.item ?? {
    optedOut: false,
  };
  const cadence = input.checkinCadence === undefined ? ownCadence : input.checkinCadence;
  const next: StoredNudgeSettings = {
    ...kept,
    tenantId: caller.tenantId,
    id: caller.userId,
    ...(input.quietHours === null ? {} : { quietHours: input.quietHours }),
    mutedNudges: NUDGE_KINDS.filter((k) => !input.nudges[k]),
    channel: input.channel,
    namedAnswers: input.namedAnswers,
    ...(cadence === undefined || cadence === 'organisation' ? {} : { checkinCadence: cadence }),
    updatedAt: deps.clock.now(),
  };
  try {
    return viewOf(deps, tenant, await deps.repos.nudges.save(next, current?.etag));
  } catch (error) {
    throw error instanceof AppError && error.code === 'conflict'
      ? new AppError('conflict', CONFLICT, { cause: error })
      : error;
  }
};
