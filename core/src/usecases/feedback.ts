import type { ConversationRecord } from '../domain/conversations.ts';
import type { FeedbackEntry } from '../domain/feedback.ts';
import type { Employee, PersonId } from '../domain/people.ts';
import { AppError, isAppError } from '../errors.ts';
import { feedbackIdFor } from '../feedback/ids.ts';
import { invalidFeedback, type FeedbackInput } from '../feedback/submission.ts';
import { visibleFeedback } from '../feedback/visibility.ts';
import { authorize } from '../permissions/decide.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import { mayWriteFeedbackAbout } from '../permissions/working-relationship.ts';
import type { Page, PageRequest, Stored } from '../ports/repositories.ts';
import { retryOnConflict } from './concurrency.ts';
import { loadActor, loadSubject, lookUpPerson } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

export interface FeedbackLogged {
  readonly entry: Stored<FeedbackEntry>;
  readonly subject: Employee;
  /** The same idempotency key came before: nothing new was stored. */
  readonly alreadyRecorded: boolean;
  /** The note is on the agenda of the subject's next booked regular conversation. */
  readonly addedToAgenda: boolean;
}

/** The same refusal for a stranger, someone who has left and an id that names nobody, on every edge. */
const subjectRefused = (): AppError =>
  invalidFeedback([{ path: 'subjectId', message: 'Choose yourself or a colleague you work with' }]);

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

/** Adds the note to the next regular agenda unless it is there already; the conversation's id, if any. */
const joinAgenda = (deps: UseCaseDeps, entry: FeedbackEntry): Promise<string | undefined> =>
  retryOnConflict(async () => {
    const stored = await nextRegular(deps, entry);
    if (stored === undefined) return undefined;
    if (!stored.item.agenda.some((item) => item.source === 'feedback' && item.sourceId === entry.id)) {
      const agenda = [
        ...stored.item.agenda,
        { id: entry.id, text: entry.text, source: 'feedback' as const, sourceId: entry.id },
      ];
      await deps.repos.conversations.update({ ...stored.item, agenda, updatedAt: deps.clock.now() }, stored.etag);
    }
    return stored.item.id;
  });

/** Marks the entry as on that agenda, so no booking offers it again (agenda.ts `feedbackForAgenda`). */
const markOnAgenda = (
  deps: UseCaseDeps,
  first: Stored<FeedbackEntry>,
  conversationId: string,
): Promise<Stored<FeedbackEntry>> => {
  let current = first;
  return retryOnConflict(async () => {
    if (current.item.agendaConversationId !== undefined) return current;
    try {
      return await deps.repos.feedback.update({ ...current.item, agendaConversationId: conversationId }, current.etag);
    } catch (error) {
      const fresh = await deps.repos.feedback.get(current.item.tenantId, current.item.subjectId, current.item.id);
      if (fresh !== undefined) current = fresh;
      throw error;
    }
  });
};

/** Stores the entry, or finds the one an earlier delivery of the same request stored. */
const storeOnce = async (
  deps: UseCaseDeps,
  entry: FeedbackEntry,
): Promise<{ stored: Stored<FeedbackEntry>; alreadyRecorded: boolean }> => {
  try {
    return { stored: await deps.repos.feedback.create(entry), alreadyRecorded: false };
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
    const earlier = await deps.repos.feedback.get(entry.tenantId, entry.subjectId, entry.id);
    if (earlier?.item.authorId !== entry.authorId) {
      throw new AppError('conflict', 'That idempotency key was already used for a different note.', { cause: error });
    }
    return { stored: earlier, alreadyRecorded: true };
  }
};

/**
 * In-the-moment feedback (004), from the bot or the API: anyone may note something about
 * themself or a colleague they work with (`mayWriteFeedbackAbout`). With an idempotency key
 * (the Teams activity id, or the API's Idempotency-Key header) the entry id derives from it,
 * so a repeated delivery stores nothing new and finishes what the first one left undone: the
 * agenda step is safe to repeat and the entry records which agenda it joined.
 */
export const logFeedback = async (
  deps: UseCaseDeps,
  caller: Caller,
  input: FeedbackInput,
  idempotencyKey?: string,
): Promise<FeedbackLogged> => {
  if (input.addToAgenda && input.visibility === 'subject-only') {
    // An agenda is shared by the pair, so the manager would read a note meant for the subject alone.
    throw invalidFeedback([
      { path: 'addToAgenda', message: 'The agenda is shared with the line manager: choose who can see it or untick' },
    ]);
  }
  const [author, subject] = await Promise.all([
    lookUpPerson(deps, caller.tenantId, caller.userId),
    lookUpPerson(deps, caller.tenantId, input.subjectId),
  ]);
  if (author === undefined)
    throw new AppError('forbidden', 'You are not in the staff directory for your organisation yet.');
  if (subject === undefined || !mayWriteFeedbackAbout(author, subject)) throw subjectRefused();
  const pairManagerId = currentManagerIds(subject)[0];
  const entry: FeedbackEntry = {
    tenantId: caller.tenantId,
    id: idempotencyKey === undefined ? deps.newId() : feedbackIdFor(caller.tenantId, idempotencyKey),
    authorId: caller.userId,
    subjectId: subject.id,
    ...(pairManagerId === undefined ? {} : { pairManagerId }),
    kind: input.kind,
    text: input.text,
    visibility: input.visibility,
    createdAt: deps.clock.now(),
  };
  const { stored, alreadyRecorded } = await storeOnce(deps, entry);
  let final = stored;
  if (input.addToAgenda && stored.item.agendaConversationId === undefined) {
    const conversationId = await joinAgenda(deps, stored.item);
    if (conversationId !== undefined) final = await markOnAgenda(deps, stored, conversationId);
  }
  return { entry: final, subject, alreadyRecorded, addedToAgenda: final.item.agendaConversationId !== undefined };
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
