import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { Stored } from '../ports/repositories.ts';
import { loadForChange } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';

/**
 * Step 3 review (002): once the recommendation has been reviewed above the manager,
 * it is released to the employee. The release is audited like any other disclosure.
 */
export const releaseRating = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  conversationId: string,
  etag: string,
): Promise<Stored<ConversationRecord>> => {
  const { stored, tenant } = await loadForChange(deps, caller, personId, conversationId, 'conversation.rating.release');
  const { rating } = stored.item;
  if (rating === undefined) throw new AppError('validation', 'There is no rating on this record to release.');
  if (!ratingPolicyOf(packOf(tenant)).hiddenFromEmployeeUntilReleased) {
    throw new AppError('validation', 'In your scheme the agreed rating is seen by the colleague straight away.');
  }
  if (rating.releasedToEmployeeAt !== undefined) {
    throw new AppError('conflict', 'This rating has already been released to the colleague.');
  }
  const now = deps.clock.now();
  const updated = await deps.repos.conversations.update(
    { ...stored.item, rating: { ...rating, releasedToEmployeeAt: now }, updatedAt: now },
    etag,
  );
  await deps.repos.audit.append({
    tenantId: caller.tenantId,
    id: deps.newId(),
    at: now,
    actorId: caller.userId,
    subjectId: personId,
    action: 'rating.released',
    resource: { type: 'conversation', id: conversationId },
  });
  return updated;
};
