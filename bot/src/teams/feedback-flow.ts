import { isAppError, type ConversationRecord, type Employee, type FeedbackEntry, type Stored } from '@pc/core';
import { buildFeedbackConfirmationCard, type AdaptiveCard } from '@pc/core/cards';
import { feedbackEntryFrom, type LogFeedbackCommand } from '@pc/core/feedback';
import { currentManagersOf } from './colleagues.ts';
import type { TeamsBotDeps } from './deps.ts';

/** The subject's next booked regular conversation, whose agenda the note joins. */
const nextRegular = async (
  deps: TeamsBotDeps,
  entry: FeedbackEntry,
): Promise<Stored<ConversationRecord> | undefined> => {
  const page = await deps.store.conversations.listForEmployee(entry.tenantId, entry.subjectId, {
    type: 'regular',
    from: deps.clock.today(),
  });
  const booked = page.items.filter((c) => c.status === 'booked').sort((a, b) => a.date.localeCompare(b.date))[0];
  return booked === undefined ? undefined : deps.store.conversations.get(entry.tenantId, entry.subjectId, booked.id);
};

/** Adds the note once, even when the same submission arrives twice; false when nothing is booked. */
const addToAgenda = async (deps: TeamsBotDeps, entry: FeedbackEntry): Promise<boolean> => {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await nextRegular(deps, entry);
    if (stored === undefined) return false;
    if (stored.item.agenda.some((item) => item.sourceId === entry.id)) return true;
    const agenda = [
      ...stored.item.agenda,
      { id: entry.id, text: entry.text, source: 'feedback' as const, sourceId: entry.id },
    ];
    try {
      await deps.store.conversations.update({ ...stored.item, agenda, updatedAt: deps.clock.now() }, stored.etag);
      return true;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'conflict')) throw error;
      // Someone else edited the record meanwhile: read it again and retry.
    }
  }
  return false;
};

/**
 * Records one in-the-moment note. The id comes from the Teams activity, so a
 * resent activity finds its entry already there and nothing is stored twice.
 */
export const logFeedback = async (
  deps: TeamsBotDeps,
  command: LogFeedbackCommand,
  /** The subject's record when the caller has just read it. */
  known?: Employee,
): Promise<AdaptiveCard> => {
  const subject =
    known?.id === command.subjectId ? known : await deps.directory.person(command.tenantId, command.subjectId);
  const pairManagerId = subject === undefined ? undefined : currentManagersOf(subject)[0];
  const entry = feedbackEntryFrom(command, pairManagerId);
  let alreadyRecorded = false;
  try {
    await deps.store.feedback.create(entry);
  } catch (error) {
    if (!(isAppError(error) && error.code === 'conflict')) throw error;
    alreadyRecorded = true;
  }
  const addedToAgenda = command.addToAgenda ? await addToAgenda(deps, entry) : false;
  deps.logger.info({ feedbackId: entry.id, alreadyRecorded, addedToAgenda }, 'feedback logged');
  return buildFeedbackConfirmationCard({
    subjectName: subject?.displayName ?? 'your colleague',
    aboutSelf: command.subjectId === command.authorId,
    kind: entry.kind,
    visibility: entry.visibility,
    addedToAgenda,
    alreadyRecorded,
  });
};
