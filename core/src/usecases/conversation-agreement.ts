import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { assertMinimumRecord } from '../rules/record-checks.ts';
import { callerView, loadForChange, type StoredView } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { openDisagreement } from './disagreements.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';

export const agreeConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  etag: string,
): Promise<StoredView> => {
  const { stored, actor, tenant, subject } = await loadForChange(
    deps,
    caller,
    personId,
    conversationId,
    'conversation.agree',
  );
  const record = stored.item;
  if (record.status === 'booked' || record.status === 'cancelled') {
    throw new AppError('validation', 'Only a conversation that has taken place can be agreed.');
  }
  assertMinimumRecord(tenant.schemeId, packOf(tenant).minimumRecord, record);
  const now = deps.clock.now();
  const isEmployee = caller.userId === record.employeeId;
  const agreement = isEmployee
    ? { ...record.agreement, employeeAgreedAt: now }
    : { ...record.agreement, managerAgreedAt: now };
  const both = agreement.employeeAgreedAt !== undefined && agreement.managerAgreedAt !== undefined;
  const saved = await deps.repos.conversations.update(
    { ...record, agreement, status: both ? 'agreed' : 'held', updatedAt: now, updatedBy: caller.userId },
    etag,
  );
  return callerView(actor, subject, saved, ratingPolicyOf(packOf(tenant)));
};

export const disagreeConversation = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  text: string,
  etag: string,
): Promise<StoredView> => {
  const { stored, actor, tenant, subject } = await loadForChange(
    deps,
    caller,
    personId,
    conversationId,
    'conversation.disagree',
  );
  const now = deps.clock.now();
  const { employeeAgreedAt: _withdrawn, ...agreement } = stored.item.agreement;
  const saved = await deps.repos.conversations.update(
    {
      ...stored.item,
      disagreement: { recordedAt: now, text },
      agreement,
      status: stored.item.status === 'agreed' ? 'held' : stored.item.status,
      updatedAt: now,
      updatedBy: caller.userId,
    },
    etag,
  );
  // HR is told through its disagreements list (004), with the facts and never the text.
  await openDisagreement(deps, saved.item);
  return callerView(actor, subject, saved, ratingPolicyOf(packOf(tenant)));
};
