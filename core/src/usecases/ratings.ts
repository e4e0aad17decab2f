import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { stableId } from '../feedback/ids.ts';
import type { Stored } from '../ports/repositories.ts';
import { loadForChange } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';

/** One release per record, so the event's id is the record's: a retry finds the event it wrote. */
const releaseEventId = (tenantId: string, personId: PersonId, conversationId: string): string =>
  stableId('audit-rating-released', tenantId, personId, conversationId);
const agreeEventId = (tenantId: string, personId: PersonId, conversationId: string): string =>
  stableId('audit-rating-agreed', tenantId, personId, conversationId);

/**
 * Step 3 review (002): once the recommendation has been reviewed above the manager,
 * it is released to the employee. The release is audited like any other disclosure: the
 * event is written first, under an id fixed by the record, so no release goes unrecorded and
 * a retry after a failure between the two writes finds its event and completes the release.
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
  // 002 Step 3: the grandparent's check comes before the release, and a returned one waits for the manager.
  const stepThree = packOf(tenant).ratingScale?.checkedBy === 'grandparent';
  if (stepThree && rating.review?.outcome === 'returned') {
    throw new AppError(
      'validation',
      'This recommendation went back to the manager for another look; it can be agreed once they have rated it again (002 Step 3).',
    );
  }
  const agreeing = stepThree && rating.review?.outcome !== 'agreed';
  const now = deps.clock.now();
  const recordOnce = async (id: string, action: 'rating.released' | 'rating.agreed'): Promise<void> => {
    try {
      await deps.repos.audit.append({
        tenantId: caller.tenantId,
        id,
        at: now,
        actorId: caller.userId,
        subjectId: personId,
        action,
        resource: { type: 'conversation', id: conversationId },
      });
    } catch (error) {
      // The event of an earlier attempt whose change did not land: it already records this step.
      if (!(isAppError(error) && error.code === 'conflict')) throw error;
    }
  };
  await recordOnce(releaseEventId(caller.tenantId, personId, conversationId), 'rating.released');
  // Releasing it straight from the record is the grandparent agreeing it: Step 3 is recorded with it.
  if (agreeing) await recordOnce(agreeEventId(caller.tenantId, personId, conversationId), 'rating.agreed');
  const review = agreeing ? { review: { outcome: 'agreed' as const, by: caller.userId, at: now } } : {};
  return deps.repos.conversations.update(
    { ...stored.item, rating: { ...rating, ...review, releasedToEmployeeAt: now }, updatedAt: now },
    etag,
  );
};
