import type { FeedbackInputBody } from '../api/feedback.ts';
import type { ConversationRecord } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { visibleFeedback } from '../feedback/visibility.ts';
import { authorize } from '../permissions/decide.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { Page, PageRequest, Stored } from '../ports/repositories.ts';
import { loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

/** The subject's next booked regular conversation, whose agenda a note can join. */
const nextRegular = async (
  deps: UseCaseDeps,
  entry: FeedbackEntry,
): Promise<Stored<ConversationRecord> | undefined> => {
  const page = await deps.repos.conversations.listForEmployee(entry.tenantId, entry.subjectId, {
    type: 'regular',
    from: deps.clock.today(),
  });
  const booked = page.items.filter((c) => c.status === 'booked').sort((a, b) => a.date.localeCompare(b.date))[0];
  return booked === undefined ? undefined : deps.repos.conversations.get(entry.tenantId, entry.subjectId, booked.id);
};

const joinAgenda = async (deps: UseCaseDeps, entry: FeedbackEntry): Promise<string | undefined> => {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const stored = await nextRegular(deps, entry);
    if (stored === undefined) return undefined;
    const agenda = [
      ...stored.item.agenda,
      { id: entry.id, text: entry.text, source: 'feedback' as const, sourceId: entry.id },
    ];
    try {
      await deps.repos.conversations.update({ ...stored.item, agenda, updatedAt: deps.clock.now() }, stored.etag);
      return stored.item.id;
    } catch (error) {
      // Edited meanwhile: read it again and retry; anything else is a real failure.
      if (!(isAppError(error) && error.code === 'conflict')) throw error;
    }
  }
  return undefined;
};

/** In-the-moment feedback (004): anyone may log it about themself or a colleague in their organisation. */
export const createFeedback = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: FeedbackInputBody,
): Promise<Stored<FeedbackEntry>> => {
  const { actor } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, input.subjectId);
  authorize(actor, 'profile.read', subject);
  if (input.addToAgenda && input.visibility === 'subject-only') {
    throw new AppError('validation', 'Some answers need another look.', {
      details: [{ path: 'addToAgenda', message: 'The agenda is shared with the line manager: choose who can see it.' }],
    });
  }
  const pairManagerId = currentManagerIds(subject.employee)[0];
  const entry: FeedbackEntry = {
    tenantId: caller.tenantId,
    id: deps.newId(),
    authorId: caller.userId,
    subjectId: input.subjectId,
    ...(pairManagerId === undefined ? {} : { pairManagerId }),
    kind: input.kind,
    text: input.text,
    visibility: input.visibility,
    createdAt: deps.clock.now(),
  };
  const created = await deps.repos.feedback.create(entry);
  if (!input.addToAgenda) return created;
  const conversationId = await joinAgenda(deps, entry);
  if (conversationId === undefined) return created;
  return deps.repos.feedback.update({ ...created.item, agendaConversationId: conversationId }, created.etag);
};

/** Only the entries the caller may read: never wider than the author chose, and never to HR (004). */
export const listFeedback = async (
  deps: UseCaseDeps,
  caller: Caller,
  personId: PersonId,
  page?: PageRequest,
): Promise<Page<FeedbackEntry>> => {
  const { actor } = await loadActor(deps, caller);
  const subject = await loadSubject(deps, caller.tenantId, personId);
  authorize(actor, 'profile.read', subject);
  const found = await deps.repos.feedback.listForSubject(caller.tenantId, personId, page);
  return {
    items: visibleFeedback(found.items, caller.userId, currentManagerIds(subject.employee)),
    ...(found.continuationToken === undefined ? {} : { continuationToken: found.continuationToken }),
  };
};
