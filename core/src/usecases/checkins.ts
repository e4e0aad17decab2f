import { buildCheckinCard } from '../cards/checkin-card.ts';
import { dueCardItemsFrom } from '../cards/due-items.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { stableId } from '../feedback/ids.ts';
import type { CheckinCadence, QuietHours, StoredNudgeSettings } from '../ports/engagement.ts';
import type { ConversationReferenceStore, SendQueueItem } from '../ports/proactive.ts';
import type { AdaptiveCard } from '../cards/elements.ts';
import { AppError } from '../errors.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { itemsToNudge, SNOOZE_DAYS } from './nudges.ts';
import { DEFAULT_QUIET_HOURS, isQuietTime, organisationQuietHours, quietHoursOf } from './quiet-hours.ts';
import { dueTodayFrom, readAmong } from './checkins-reads.ts';
import { dueToday } from './self-service.ts';
import { packOf } from './scheme.ts';
import { historiesOf } from './status-digest.ts';
import { addDays, daysBetween, type IsoDate } from '../time/dates.ts';

export interface CheckinTarget {
  readonly tenant: Tenant;
  readonly employee: Employee;
  /** What the targets' queries found of the person, so it is not read again for their check-in. */
  readonly found?: {
    /** Their nudge settings (none). */
    readonly settings: StoredNudgeSettings | undefined;
    /** Their conversations as their status digest holds them (no text), where the store keeps digests. */
    readonly history?: readonly ConversationRecord[];
  };
}

/** One check-in per person per cycle, whoever asks and however often. */
export const checkinSendId = (tenantId: string, personId: PersonId, cycleKey: string): string =>
  stableId('checkin', tenantId, personId, cycleKey);

/**
 * Whether someone is in quiet hours now: the organisation's always hold (as its administrator set
 * them, else the server's default), and the person's own come on top, as for every other nudge.
 */
export const inQuietHours = (
  settings: StoredNudgeSettings | undefined,
  tenant: Tenant,
  now: Date,
  fallback: QuietHours = DEFAULT_QUIET_HOURS,
): boolean => {
  const own = quietHoursOf(settings);
  return (
    isQuietTime(now, tenant.timeZone, organisationQuietHours(tenant) ?? fallback) ||
    (own !== undefined && isQuietTime(now, tenant.timeZone, own))
  );
};

/** A Monday: check-in weeks are counted from it, so every instance agrees which weeks they are. */
const CADENCE_EPOCH: IsoDate = '2024-01-01';

/** Weeks between a person's check-ins for each choice; none for 'never'. */
const CADENCE_WEEKS: Readonly<Record<CheckinCadence, number | undefined>> = {
  weekly: 1,
  fortnightly: 2,
  monthly: 4,
  never: undefined,
};

/** The organisation's default: every `checkinEveryWeeks` weeks as its administrator set them, else weekly. */
export const organisationCheckinEveryWeeks = (tenant: Tenant): number =>
  Math.max(1, Math.trunc(tenant.settings?.checkinEveryWeeks ?? 1));

/**
 * Whether `today` falls in one of this person's check-in weeks: weeks are counted from one Monday,
 * so a person on fortnightly is asked in every other week (the same weeks on every instance), on
 * monthly in every fourth, and without a choice of their own as often as the organisation says.
 */
export const isCheckinWeek = (tenant: Tenant, today: IsoDate, settings?: StoredNudgeSettings): boolean => {
  const every =
    settings?.checkinCadence === undefined
      ? organisationCheckinEveryWeeks(tenant)
      : CADENCE_WEEKS[settings.checkinCadence];
  if (every === undefined) return false;
  const week = Math.floor(daysBetween(CADENCE_EPOCH, today) / 7);
  return ((week % every) + every) % every === 0;
};

export interface CheckinTargets {
  readonly targets: CheckinTarget[];
  /** People with the app installed who were left for a later run because of quiet hours. */
  readonly quiet: number;
  /** People with the app installed whose check-in cadence skips this week (or who chose none). */
  readonly notThisWeek: number;
}

/**
 * Who in the tenant may get a check-in now: everyone still employed who installed the app (Teams
 * holds a conversation reference for them), whose cadence (their own, else the organisation's)
 * asks this week, and who is not in their quiet hours. Each comes with their settings and, where
 * the store keeps status digests, their history from their digest (rebuilt first when missing or
 * stale): per page of 100 people, one query each for references, settings and digests, so the
 * run's store operations grow with pages, not people.
 */
export const checkinTargets = async (
  deps: UseCaseDeps,
  references: Pick<ConversationReferenceStore, 'get' | 'getMany'>,
  tenant: Tenant,
  options: { readonly quietHours?: QuietHours; readonly stopped?: () => boolean } = {},
): Promise<CheckinTargets> => {
  const now = new Date(deps.clock.now());
  const today = deps.clock.today();
  const targets: CheckinTarget[] = [];
  let quiet = 0;
  let notThisWeek = 0;
  let token: string | undefined;
  do {
    const page = await deps.repos.employees.list(tenant.tenantId, {
      pageSize: 100,
      ...(token === undefined ? {} : { continuationToken: token }),
    });
    token = page.continuationToken;
    const employed = page.items.filter((e) => e.leftOn === undefined || e.leftOn > today);
    const referenceOf = await readAmong(references, tenant.tenantId, employed);
    const installed = employed.filter((e) => referenceOf.has(e.id));
    const settingsOf = await readAmong(deps.repos.nudges, tenant.tenantId, installed);
    const asked: Employee[] = [];
    for (const employee of installed) {
      const settings = settingsOf.get(employee.id);
      if (!isCheckinWeek(tenant, today, settings)) notThisWeek += 1;
      else if (inQuietHours(settings, tenant, now, options.quietHours)) quiet += 1;
      else asked.push(employee);
    }
    const histories =
      deps.repos.statusDigests === undefined || asked.length === 0
        ? undefined
        : await historiesOf(deps.repos, tenant.tenantId, asked);
    for (const employee of asked) {
      const history = histories?.get(employee.id);
      const settings = settingsOf.get(employee.id);
      targets.push({ tenant, employee, found: history === undefined ? { settings } : { settings, history } });
    }
  } while (token !== undefined && options.stopped?.() !== true);
  return { targets, quiet, notThisWeek };
};

/**
 * This cycle's check-in for one person, ready to queue, or undefined when there is nothing
 * to mention (snoozing and opting out silence optional conversations only). A target found by
 * `checkinTargets` costs no store operation here.
 */
export const checkinFor = async (
  deps: UseCaseDeps,
  { tenant, employee, found }: CheckinTarget,
  cycleKey: string,
): Promise<SendQueueItem | undefined> => {
  const stored = found === undefined ? await deps.repos.nudges.get(tenant.tenantId, employee.id) : found.settings;
  const settings = stored ?? { optedOut: false };
  const { report, labels } = await dueTodayFrom(deps, tenant, employee, found?.history);
  const items = itemsToNudge(dueCardItemsFrom(report, labels), settings, deps.clock.today());
  if (items.length === 0) return undefined;
  const id = checkinSendId(tenant.tenantId, employee.id, cycleKey);
  return {
    tenantId: tenant.tenantId,
    id,
    personId: employee.id,
    cycleKey,
    state: 'pending',
    card: buildCheckinCard({
      personName: employee.displayName.split(' ')[0] ?? employee.displayName,
      checkinId: id,
      items,
      preparationPrompts: packOf(tenant).preparation.employee,
    }),
    attempts: 0,
    enqueuedAt: deps.clock.now(),
  };
};

/**
 * The check-in card now, for the person who asked (the `checkin` command): the same card the
 * cadence sends, so it can be tried without waiting. Asked for, it shows everything due
 * (snoozing silences only the cadence) and says so when nothing is.
 */
export const checkinNow = async (deps: UseCaseDeps, caller: Caller): Promise<AdaptiveCard> => {
  const { tenant, employee } = await loadActor(deps, caller);
  const { report, labels } = await dueToday(deps, tenant, employee);
  return buildCheckinCard({
    personName: employee.displayName.split(' ')[0] ?? employee.displayName,
    checkinId: checkinSendId(tenant.tenantId, employee.id, `on-request:${deps.clock.today()}`),
    items: dueCardItemsFrom(report, labels),
    preparationPrompts: packOf(tenant).preparation.employee,
  });
};

/** Changes some of the caller's check-in settings, keeping the rest (quiet hours, wellbeing). */
const updateSettings = async (
  deps: UseCaseDeps,
  caller: Caller,
  change: Partial<Pick<StoredNudgeSettings, 'snoozedUntil' | 'optedOut' | 'wellbeing'>>,
): Promise<void> => {
  const current = await deps.repos.nudges.get(caller.tenantId, caller.userId);
  await deps.repos.nudges.put({
    ...current,
    tenantId: caller.tenantId,
    id: caller.userId,
    optedOut: current?.optedOut ?? false,
    ...change,
    updatedAt: deps.clock.now(),
  });
};

/** No reminders about optional conversations for a week; required reviews still come. Returns the end date. */
export const snoozeCheckins = async (deps: UseCaseDeps, caller: Caller): Promise<string> => {
  const until = addDays(deps.clock.today(), SNOOZE_DAYS);
  await updateSettings(deps, caller, { snoozedUntil: until });
  return until;
};

/** No reminders about optional conversations at all; required reviews still come. */
export const optOutOfCheckins = async (deps: UseCaseDeps, caller: Caller): Promise<void> => {
  await updateSettings(deps, caller, { optedOut: true });
};

export type WellbeingAnswer = NonNullable<StoredNudgeSettings['wellbeing']>['answer'];
const WELLBEING_ANSWERS: ReadonlySet<unknown> = new Set<WellbeingAnswer>(['good', 'okay', 'struggling']);

/**
 * Keeps the check-in's wellbeing answer, sent with whichever button the person pressed. "I'd
 * rather not say" or no choice keeps nothing. Returns the answer kept, if any.
 */
export const recordWellbeing = async (
  deps: UseCaseDeps,
  caller: Caller,
  answer: unknown,
): Promise<WellbeingAnswer | undefined> => {
  if (!WELLBEING_ANSWERS.has(answer)) return undefined;
  const kept = answer as WellbeingAnswer;
  await updateSettings(deps, caller, { wellbeing: { answer: kept, answeredOn: deps.clock.now() } });
  return kept;
};

/** A person's latest wellbeing answer, for them and their current line manager only (the pair). */
export const pairWellbeing = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
): Promise<StoredNudgeSettings['wellbeing']> => {
  const subject = await loadSubject(deps, caller.tenantId, personId);
  if (caller.userId !== personId && !currentManagerIds(subject.employee).includes(caller.userId)) {
    throw new AppError('forbidden', 'Only the person and their line manager can see how they said they are doing.');
  }
  return (await deps.repos.nudges.get(caller.tenantId, personId))?.wellbeing;
};
