import type { ConversationPatch } from '../api/conversations.ts';
import type { ActionItem, ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { authorize } from '../permissions/decide.ts';
import type { Stored } from '../ports/repositories.ts';
import { assertMeetingDate } from '../rules/record-checks.ts';
import { assertConversationMove, roleOnRecord } from '../rules/record-lifecycle.ts';
import { loadForChange } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { frequencyRuleOf, packOf, ratingRuleOf } from './scheme.ts';
import { zonedDate } from './zoned-time.ts';

const CONTENT_FIELDS = [
  'date',
  'jobIds',
  'topics',
  'sections',
  'notes',
  'issuesRaised',
  'actionsAgreed',
  'agenda',
  'forwardLooking',
  'agreedRegularEveryWeeks',
] as const;

/** The same actions, in the same order, with only their done marks changed. */
const onlyTicks = (before: readonly ActionItem[], after: readonly ActionItem[]): boolean =>
  after.length === before.length &&
  after.every((a, i) => {
    const b = before[i];
    return b !== undefined && b.id === a.id && b.text === a.text && b.owner === a.owner && b.dueDate === a.dueDate;
  });

export const updateConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  patch: ConversationPatch,
  etag: string,
): Promise<Stored<ConversationRecord>> => {
  const { stored, subject, actor, tenant } = await loadForChange(
    deps,
    caller,
    personId,
    conversationId,
    'conversation.content.write',
  );
  if (patch.rating) {
    authorize(actor, 'conversation.rating.write', subject, { recordManagerIds: stored.item.managerIds });
    ratingRuleOf(packOf(tenant))(patch.rating);
  }
  const weeks = patch.agreedRegularEveryWeeks;
  if (weeks !== undefined && weeks !== stored.item.agreedRegularEveryWeeks) {
    frequencyRuleOf(packOf(tenant))(weeks, roleOnRecord(caller.userId, stored.item.employeeId));
  }
  // Ticking an action done keeps the agreement: the pair agreed what would be done, not that it was (004).
  const ticksOnly =
    patch.actionsAgreed !== undefined &&
    patch.rating === undefined &&
    CONTENT_FIELDS.every((field) => field === 'actionsAgreed' || patch[field] === undefined) &&
    onlyTicks(stored.item.actionsAgreed, patch.actionsAgreed);
  const changesContent =
    !ticksOnly && (CONTENT_FIELDS.some((field) => patch[field] !== undefined) || patch.rating !== undefined);
  const defined = Object.fromEntries(
    CONTENT_FIELDS.filter((f) => patch[f] !== undefined).map((f) => [f, patch[f]]),
  ) as Partial<ConversationRecord>;
  const base = stored.item;
  if (patch.status) {
    assertConversationMove(base.status, patch.status, roleOnRecord(caller.userId, base.employeeId), base.type);
    // A record must not say cancelled while both calendars still hold the meeting.
    if (patch.status === 'cancelled' && base.status === 'booked' && base.booking !== undefined) {
      const message = 'This conversation is booked in your calendars; cancel the booking so the invitations go too.';
      throw new AppError('validation', message, { details: [{ path: 'status', message }] });
    }
  }
  // Changing an agreed record re-opens it: both must agree the new version (004).
  const reopened = changesContent && base.status === 'agreed';
  if (patch.date !== undefined || patch.status === 'held') {
    const status = patch.status ?? (reopened ? 'held' : base.status);
    assertMeetingDate(status, patch.date ?? base.date, zonedDate(deps.clock.now(), tenant.timeZone));
  }
  const next: ConversationRecord = {
    ...base,
    ...defined,
    ...(patch.rating ? { rating: { ...patch.rating } } : {}),
    ...(patch.status ? { status: patch.status } : reopened ? { status: 'held' as const } : {}),
    agreement: changesContent ? {} : base.agreement,
    updatedAt: deps.clock.now(),
    updatedBy: caller.userId,
  };
  return deps.repos.conversations.update(next, etag);
};
