import type { ConversationRecord } from '../domain/conversations.ts';
import type { PersonId } from '../domain/people.ts';
import type { Page, PageRequest, Stored } from '../ports/repositories.ts';
import { loadActor, loadSubject } from './context.ts';
import { callerView, listConversations, type StoredView } from './conversations.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';

/**
 * The list with an ETag on every full view, so the pair can edit straight from it. Facts
 * views carry none: whoever sees only facts can change nothing.
 */
export const listConversationViews = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  query: { type?: ConversationRecord['type'] } = {},
  page?: PageRequest,
): Promise<Page<StoredView>> => {
  const found = await listConversations(deps, caller, personId, query, page);
  const items = await Promise.all(
    found.items.map(async (view): Promise<StoredView> => {
      if (view.kind === 'facts') return { view, etag: '' };
      const stored = await deps.repos.conversations.get(caller.tenantId, personId, view.record.id);
      return { view, etag: stored?.etag ?? '' };
    }),
  );
  return { items, ...(found.continuationToken === undefined ? {} : { continuationToken: found.continuationToken }) };
};

/** The caller's view of a record a write just stored: every reply passes the rule a GET does. */
export const viewAfterWrite = async (
  deps: UseCaseDeps,
  caller: Caller,
  stored: Stored<ConversationRecord>,
): Promise<StoredView> => {
  const { actor, tenant } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, stored.item.employeeId);
  return callerView(actor, subject, stored, ratingPolicyOf(packOf(tenant)));
};
