import { buildNoticeCard } from '../cards/notice-card.ts';
import { formatDate } from '../cards/format.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { appealDeadline } from '../engine/appeal-deadline.ts';
import { stableId } from '../feedback/ids.ts';
import type { Notice, NoticeQueue } from '../ports/notices.ts';
import type { SchemePack } from '../scheme/types.ts';
import { addDays, type IsoDate } from '../time/dates.ts';
import type { UseCaseDeps } from './deps.ts';
import { labelOf, packOf } from './scheme.ts';
import { dueTodayFrom } from './checkins-reads.ts';

/** A deadline is announced once, when it comes this close. */
export const DEADLINE_NOTICE_DAYS = 7;
/** The person who may appeal is reminded once, this close to the window's last day. */
export const APPEAL_NOTICE_DAYS = 3;
/** Reviews held this long ago or less are looked at for an open appeal window. */
const APPEAL_LOOKBACK_DAYS = 120;

/** The conversations with a deadline worth a reminder of their own, and who the scheme says holds them. */
const REMINDED = {
  'probation-review': 'employee-and-managers', // 002 §5: at 4 weeks, 3 and 5 months, held by the line manager
  induction: 'employee-and-managers', // 003: on appointment or move, with the manager
  handover: 'managers', // 000 Internal Transfers: between the old and the new manager
} as const;

const isReminded = (type: string): type is keyof typeof REMINDED => type in REMINDED;

/**
 * The last day to lodge an appeal against a review whose window is still open: 002 counts 10
 * working days from notification (the released rating, else the conversation), 003 14 calendar days
 * from the conversation (see appealDeadline). Undefined when nothing can be appealed.
 */
export const openAppealLodgeBy = (
  pack: SchemePack,
  tenant: Tenant,
  record: ConversationRecord,
  today: IsoDate,
): IsoDate | undefined => {
  const rules = pack.appeal;
  if (rules === undefined || record.type !== 'annual-review' || record.appeal !== undefined) return undefined;
  if (record.status !== 'held' && record.status !== 'agreed') return undefined;
  const from =
    rules.lodgeFrom === 'conversation'
      ? record.date
      : (record.rating?.releasedToEmployeeAt?.slice(0, 10) ?? record.date);
  const { dueBy } = appealDeadline({ rules, step: 'lodge', from, nation: tenant.nation });
  return today <= dueBy ? dueBy : undefined;
};

/**
 * Reminders of one person's approaching deadlines (probation reviews, induction, handover) to
 * whom the scheme says holds them, once each, when the due date is a week away and nothing is
 * booked. What is due comes from `history` when the run read it (their status digest), else from
 * their records.
 */
export const deadlineNotices = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  person: Employee,
  today: IsoDate,
  notices: NoticeQueue,
  history?: readonly ConversationRecord[],
): Promise<Notice[]> => {
  const { report, labels } = await dueTodayFrom(deps, tenant, person, history);
  const horizon = addDays(today, DEADLINE_NOTICE_DAYS);
  const found: Notice[] = [];
  for (const item of report.items) {
    if (!isReminded(item.type) || item.bookedFor !== undefined) continue;
    if ((item.status !== 'due' && item.status !== 'upcoming') || item.dueDate < today || item.dueDate > horizon) {
      continue;
    }
    const title = labels[item.type] ?? labelOf(packOf(tenant), item.type);
    const recipients: PersonId[] = [
      ...(REMINDED[item.type] === 'managers' ? [] : [person.id]),
      ...item.withIds.filter((id) => id !== person.id),
    ];
    for (const recipientId of recipients) {
      // The engine's reason speaks to the employee; a manager reads whose it is and the policy.
      const lines =
        recipientId === person.id
          ? [item.reason]
          : [`${person.displayName}: ${title}, due by ${formatDate(item.dueDate)} (policy ${item.policyRef}).`];
      found.push({
        tenantId: tenant.tenantId,
        personId: recipientId,
        id: stableId('deadline', tenant.tenantId, person.id, item.type, item.dueDate, recipientId),
        card: buildNoticeCard(`${title} due by ${formatDate(item.dueDate)}`, lines, [
          { type: 'Action.OpenUrl', title: 'Book it', url: notices.tabLink(`/book/${person.id}/${item.type}`) },
        ]),
      });
    }
  }
  return found;
};

/** Whether any review in `history` (held or agreed, from `from` to today) may still have an open appeal window. */
export const mayHaveOpenWindow = (history: readonly ConversationRecord[], from: IsoDate, today: IsoDate): boolean =>
  history.some(
    (r) =>
      r.type === 'annual-review' && (r.status === 'held' || r.status === 'agreed') && r.date >= from && r.date <= today,
  );

/**
 * The person who may appeal a review, reminded once as the window's last day comes close. With
 * `history` read already (their status digest, which keeps no release dates), their records are
 * read only when it holds a review whose window may still be open.
 */
export const appealClosingNotices = async (
  deps: UseCaseDeps,
  tenant: Tenant,
  person: Employee,
  today: IsoDate,
  notices: NoticeQueue,
  history?: readonly ConversationRecord[],
): Promise<Notice[]> => {
  const pack = packOf(tenant);
  const rules = pack.appeal;
  const from = addDays(today, -APPEAL_LOOKBACK_DAYS);
  if (rules === undefined || (history !== undefined && !mayHaveOpenWindow(history, from, today))) return [];
  const records = await deps.repos.conversations.listForEmployee(
    tenant.tenantId,
    person.id,
    { from, to: today },
    { pageSize: 50 },
  );
  const found: Notice[] = [];
  for (const record of records.items) {
    const lodgeBy = openAppealLodgeBy(pack, tenant, record, today);
    if (lodgeBy === undefined || lodgeBy > addDays(today, APPEAL_NOTICE_DAYS)) continue;
    const title = labelOf(pack, record.type);
    found.push({
      tenantId: tenant.tenantId,
      personId: person.id,
      id: stableId('appeal-closing', tenant.tenantId, person.id, record.id, lodgeBy),
      card: buildNoticeCard(
        'Your time to appeal ends soon',
        [
          `If you disagree with your ${title} of ${formatDate(record.date)}, you can appeal in writing until ${formatDate(lodgeBy)} (${rules.policyRef}).`,
          'Nothing to do if you are content with it.',
        ],
        [
          {
            type: 'Action.OpenUrl',
            title: 'Open the record',
            url: notices.tabLink(`/conversations/${person.id}/${record.id}`),
          },
        ],
      ),
    });
  }
  return found;
};
