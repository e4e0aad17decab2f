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
import { freshPerson, loadActor, loadSubject } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

export interface FeedbackLogged {
  readonly entry: Stored<FeedbackEntry>;
  readonly subject: Employee;
  /** The same idempotency key came before: nothing new was stored. */
  readonly alreadyRecorded: boolean;
  /** The note is on the agenda of the subject's next booked regular conversation. */
  readonly addedToAgenda: boolean;
  /** What became of "add to the agenda": done, not asked for, or asked with nothing booked to join. */
  readonly agenda: AgendaOutcome;
}

export type AgendaOutcome = 'added' | 'not-requested' | 'nothing-booked';

/** The same refusal for a stranger, someone who has left and an id that names nobody, on every edge. */
const subjectRefused = (): AppError =>
  invalidFeedback([{ path: 'subjectId', message: 'Choose yourself or a colleague you work with' }]);

/** The subject's next booked regular conversation, whose agenda a note can join. */
const nextRegularId = async (deps: UseCaseDeps, entry: FeedbackEntry): Promise<string | undefined> => {
  const page = await deps.repos.conversations.listForEmployee(entry.tenantId, entry.subjectId, {
    type: 'regular',
    from: deps.clock.today(),
  });
  return page.items.filter((c) => c.status === 'booked').sort((a, b) => a.date.localeCompare(b.date))[0]?.id;
};

/** Looks for the next booked conversation again when the one found was cancelled or held meanwhile. */
const JOIN_LOOKUPS = 3;

/**
 * Adds the note to the next regular agenda unless it is there already; the conversation's id, if
 * any. The append is one conditional write that never conflicts with other notes joining the
 * same agenda at the same moment, so none is turned away however many arrive at once.
 */
const joinAgenda = async (deps: UseCaseDeps, entry: FeedbackEntry): Promise<string | undefined> => {
  const item = { id: entry.id, text: entry.text, source: 'feedback' as const, sourceId: entry.id };
  for (let lookup = 0; lookup < JOIN_LOOKUPS; lookup += 1) {
    const conversationId = await nextRegularId(deps, entry);
    if (conversationId === undefined) return undefined;
    const outcome = await deps.repos.conversations.appendToAgenda(
      entry.tenantId,
      entry.subjectId,
      conversationId,
      item,
      deps.clock.now(),
    );
    if (outcome !== 'not-booked') return conversationId;
  }
  return undefined;
};

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
  // Fresh point reads, never the directory cache: who may write about whom and the manager
  // stamped on the note must follow a manager change at once, on every instance.
  const aboutSelf = input.subjectId === caller.userId;
  const [author, other] = await Promise.all([
    freshPerson(deps, caller.tenantId, caller.userId),
    aboutSelf ? undefined : freshPerson(deps, caller.tenantId, input.subjectId),
  ]);
  const subject = aboutSelf ? author : other;
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
  const addedToAgenda = final.item.agendaConversationId !== undefined;
  const agenda: AgendaOutcome = addedToAgenda ? 'added' : input.addToAgenda ? 'nothing-booked' : 'not-requested';
  return { entry: final, subject, alreadyRecorded, addedToAgenda, agenda };
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
