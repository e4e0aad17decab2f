import { buildDigestCard } from '../cards/digest-card.ts';
import type { DueCardItem } from '../cards/due-items.ts';
import { buildMeetingPrepCard } from '../cards/meeting-card.ts';
import { buildNoticeCard } from '../cards/notice-card.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { FEEDBACK_KIND_LABELS, FEEDBACK_VISIBILITY_LABELS } from '../feedback/labels.ts';
import { stableId } from '../feedback/ids.ts';
import { canSeeFeedback } from '../permissions/visibility.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { NudgeKind, StoredNudgeSettings } from '../ports/engagement.ts';
import type { Notice, NoticeQueue } from '../ports/notices.ts';
import { addDays, toUtcDate } from '../time/dates.ts';
import { readAmong } from './checkins-reads.ts';
import { lookUpPerson } from './context.ts';
import type { UseCaseDeps } from './deps.ts';
import { managerDigest, reportsTo } from './digest.ts';
import { appealClosingNotices, deadlineNotices } from './nudges-deadlines.ts';
import { forActivityFeed } from './nudges-feed.ts';
import { quietHoursOfOrganisation } from './nudges-settings.ts';
import { isoWeekKey, isQuietTime, quietHoursOf } from './quiet-hours.ts';
import { labelOf, packOf } from './scheme.ts';
import { historiesOf, teamWithHistories, type TeamWithHistories } from './status-digest.ts';
import { zonedDate } from './zoned-time.ts';

/** A person's choices about proactive check-ins. */
export interface NudgeSettings {
  /** No check-ins about optional conversations before this date. */
  readonly snoozedUntil?: string;
  /** No check-ins about optional conversations at all. */
  readonly optedOut: boolean;
}

export const SNOOZE_DAYS = 7;

/**
 * What a check-in should mention today. Snoozing and opting out silence
 * optional conversations only: required reviews are always mentioned.
 */
export const itemsToNudge = (items: readonly DueCardItem[], settings: NudgeSettings, today: string): DueCardItem[] => {
  const quiet = settings.optedOut || (settings.snoozedUntil !== undefined && today < settings.snoozedUntil);
  return items.filter((item) => item.status !== 'upcoming' && (item.required || !quiet));
};

/** Notes older than this are not announced any more: the subject will have seen them in the app. */
const NOTE_TOLD_WITHIN_DAYS = 7;
/** ISO weekday of the managers' digest: Friday. */
export const DIGEST_WEEKDAY = 5;

const firstNameOf = (person: Employee): string => person.displayName.split(' ')[0] ?? person.displayName;

/**
 * Whether a person is in quiet hours now, in the employer's zone: the organisation's always hold
 * (its administrator's, else the working-day default), and the person's own come on top.
 */
const isQuietFor = (deps: UseCaseDeps, tenant: Tenant, settings: StoredNudgeSettings | undefined): boolean => {
  const at = new Date(deps.clock.now());
  const own = quietHoursOf(settings);
  return (
    isQuietTime(at, tenant.timeZone, quietHoursOfOrganisation(tenant)) ||
    (own !== undefined && isQuietTime(at, tenant.timeZone, own))
  );
};

/**
 * Tells the subject of an in-the-moment note that it exists, who wrote it and who can see it;
 * its words only when the subject may read them. Never for a note about oneself. Told by the
 * next nudge run rather than while the note is logged, so logging stays two store requests.
 */
const noteToldNotice = async (
  deps: UseCaseDeps,
  entry: FeedbackEntry,
  notices: NoticeQueue,
): Promise<Notice | undefined> => {
  if (entry.authorId === entry.subjectId) return undefined;
  const [subject, author] = await Promise.all([
    lookUpPerson(deps, entry.tenantId, entry.subjectId),
    lookUpPerson(deps, entry.tenantId, entry.authorId),
  ]);
  if (subject === undefined) return undefined;
  const readable = canSeeFeedback(subject.id, entry, currentManagerIds(subject));
  return {
    tenantId: entry.tenantId,
    personId: subject.id,
    id: stableId('note-told', entry.tenantId, entry.id),
    card: buildNoticeCard(
      'A note about you',
      [
        `${author?.displayName ?? 'A colleague'} logged in-the-moment feedback about you (${FEEDBACK_KIND_LABELS[entry.kind].toLowerCase()}).`,
        `Who can see it: ${FEEDBACK_VISIBILITY_LABELS[entry.visibility]}.`,
        ...(readable ? [`"${entry.text}"`] : []),
        'Type **feedback** to note something back, or see your notes in the app.',
      ],
      [{ type: 'Action.OpenUrl', title: 'See your notes', url: notices.tabLink('/notes') }],
    ),
  };
};

const whenOf = (start: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(start))
    .replace(/, /, ' at ')
    .replace(/^(\w+) /, '$1 ');

/** The day before a booked conversation: each side's preparation prompts and the agenda so far. */
const prepNotices = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  record: ConversationRecord,
  notices: NoticeQueue,
): Promise<Notice[]> => {
  const pack = packOf(tenant);
  const managerId = record.managerIds[0];
  const sides = [
    { personId: record.employeeId, role: 'employee' as const, otherId: managerId },
    ...(managerId === undefined ? [] : [{ personId: managerId, role: 'manager' as const, otherId: record.employeeId }]),
  ];
  const found: Notice[] = [];
  for (const side of sides) {
    const [person, other] = await Promise.all([
      lookUpPerson(deps, tenant.tenantId, side.personId),
      side.otherId === undefined ? undefined : lookUpPerson(deps, tenant.tenantId, side.otherId),
    ]);
    if (person === undefined) continue;
    found.push({
      tenantId: tenant.tenantId,
      personId: person.id,
      id: stableId('prep', tenant.tenantId, record.id, person.id),
      card: buildMeetingPrepCard({
        firstName: firstNameOf(person),
        conversationTitle: labelOf(pack, record.type),
        otherName: other?.displayName ?? 'your manager',
        when: record.booking === undefined ? `on ${record.date}` : whenOf(record.booking.start, tenant.timeZone),
        role: side.role,
        prompts: pack.preparation[side.role],
        agenda: record.agenda.map((a) => a.text),
        recordUrl: notices.tabLink(`/conversations/${record.employeeId}/${record.id}`),
      }),
    });
  }
  return found;
};

export interface NudgeRun {
  readonly queued: number;
  /** Nudges held back because their person was in quiet hours; a later run sends them. */
  readonly quiet: number;
}

/** A nudge and the kind a person may turn off. */
interface KindedNotice {
  readonly kind: NudgeKind;
  readonly notice: Notice;
}

const kinded = (kind: NudgeKind, found: readonly Notice[]): KindedNotice[] => found.map((notice) => ({ kind, notice }));

/**
 * Each person's nudges due now that this run looks at (preparation is gathered from tomorrow's
 * bookings): a recent note told, their approaching deadlines and appeal window, and a manager's
 * digest. What the run read with the person's page: their history from their status digest and,
 * on Fridays, the reports of everyone on the page with theirs.
 */
const personalNotices = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  person: Employee,
  today: string,
  notices: NoticeQueue,
  read: {
    readonly history: readonly ConversationRecord[] | undefined;
    readonly teams: TeamWithHistories | undefined;
  },
): Promise<KindedNotice[]> => {
  const { history, teams } = read;
  const found: KindedNotice[] = [
    ...kinded('deadline', await deadlineNotices(deps, tenant, person, today, notices, history)),
    ...kinded('deadline', await appealClosingNotices(deps, tenant, person, today, notices, history)),
  ];
  const since = new Date(Date.parse(deps.clock.now()) - NOTE_TOLD_WITHIN_DAYS * 86_400_000).toISOString();
  const notes = await deps.repos.feedback.listForSubject(tenant.tenantId, person.id, { pageSize: 20 });
  for (const entry of notes.items.filter((e) => e.createdAt >= since)) {
    const notice = await noteToldNotice(deps, entry, notices);
    if (notice !== undefined) found.push({ kind: 'note-told', notice });
  }
  const friday = toUtcDate(today).getUTCDay() === DIGEST_WEEKDAY;
  const manages = async (): Promise<boolean> =>
    teams === undefined
      ? (await deps.repos.employees.listReports(tenant.tenantId, person.id)).length > 0
      : teams.reports.some((r) => reportsTo(r, person.id));
  if (friday && (await manages())) {
    const content = await managerDigest(deps, tenant, person, today, teams);
    found.push({
      kind: 'digest',
      notice: {
        tenantId: tenant.tenantId,
        personId: person.id,
        id: stableId('digest', tenant.tenantId, person.id, isoWeekKey(today)),
        card: buildDigestCard({
          firstName: firstNameOf(person),
          weekOf: today,
          tabUrl: notices.tabLink('/team'),
          ...content,
        }),
      },
    });
  }
  return found;
};

/**
 * One run of timely nudges for a tenant, all through the paced, exactly-once notice queue and
 * never to someone in their quiet hours (they are looked at again next run) nor of a kind they
 * turned off: preparation the day before a booked conversation, the subject of a recent note told
 * it exists, approaching deadlines (probation, induction, handover, an appeal window closing), and
 * on Fridays each manager's weekly digest. Each nudge has a fixed id, so however many runs see it, it goes once.
 * People are read 100 at a time with their settings and status digests, one query each per page.
 */
export const queueTimelyNudges = async (deps: UseCaseDeps, tenantId: TenantId): Promise<NudgeRun> => {
  const notices = deps.notices;
  const tenant = (await deps.repos.tenants.get(tenantId))?.item;
  if (notices === undefined || tenant === undefined) return { queued: 0, quiet: 0 };
  const today = zonedDate(deps.clock.now(), tenant.timeZone);
  const run = { queued: 0, quiet: 0 };
  const settingsOf = new Map<PersonId, StoredNudgeSettings | undefined>();
  /** The person's settings, read once per person per run. */
  const settingsFor = async (personId: PersonId): Promise<StoredNudgeSettings | undefined> => {
    if (!settingsOf.has(personId)) settingsOf.set(personId, await deps.repos.nudges.get(tenantId, personId));
    return settingsOf.get(personId);
  };
  /** The settings of a page of people, in one query where the store can. */
  const readSettings = async (people: readonly Employee[]): Promise<void> => {
    if (people.length === 0) return;
    const found = await readAmong(deps.repos.nudges, tenantId, people);
    for (const p of people) settingsOf.set(p.id, found.get(p.id));
  };
  const send = async (found: readonly KindedNotice[]): Promise<void> => {
    for (const { kind, notice } of found) {
      const settings = await settingsFor(notice.personId);
      // A nudge the person turned off is never sent, not merely held back.
      if (settings?.mutedNudges?.includes(kind) === true) continue;
      const feed = settings?.channel === 'activity-feed' && deps.activityFeed !== undefined;
      if (isQuietFor(deps, tenant, settings)) run.quiet += 1;
      else if (await notices.queue(feed ? forActivityFeed(notice) : notice)) run.queued += 1;
    }
  };
  const tomorrow = addDays(today, 1);
  const fridays = toUtcDate(today).getUTCDay() === DIGEST_WEEKDAY;
  let token: string | undefined;
  do {
    const page = await deps.repos.conversations.listForTenant(
      tenantId,
      { from: tomorrow, to: tomorrow },
      { pageSize: 100, ...(token === undefined ? {} : { continuationToken: token }) },
    );
    for (const record of page.items.filter((r) => r.status === 'booked')) {
      await send(kinded('preparation', await prepNotices(deps, tenant, record, notices)));
    }
    token = page.continuationToken;
  } while (token !== undefined);
  do {
    const page = await deps.repos.employees.list(tenantId, {
      pageSize: 100,
      ...(token === undefined ? {} : { continuationToken: token }),
    });
    const employed = page.items.filter((p) => p.leftOn === undefined || p.leftOn > today);
    await readSettings(employed.filter((p) => !settingsOf.has(p.id)));
    // Someone in quiet hours is not even looked at: their nudges wait for a later run.
    const awake = employed.filter((p) => !isQuietFor(deps, tenant, settingsOf.get(p.id)));
    const histories =
      deps.repos.statusDigests === undefined || awake.length === 0
        ? undefined
        : await historiesOf(deps.repos, tenantId, awake);
    // On Fridays, the reports of everyone on the page and their digests' histories, for the managers' digests.
    const teams =
      fridays && histories !== undefined
        ? await teamWithHistories(
            deps.repos,
            tenantId,
            awake.map((p) => p.id),
          )
        : undefined;
    for (const person of awake) {
      const history = histories?.get(person.id);
      await send(await personalNotices(deps, tenant, person, today, notices, { history, teams }));
    }
    token = page.continuationToken;
  } while (token !== undefined);
  return run;
};
