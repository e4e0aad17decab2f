import type { FeedbackEntry } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';
import { canSeeFeedback } from '../permissions/visibility.ts';

/**
 * Who may read an entry's text: the one rule in permissions/visibility.ts (004: private
 * to the pair unless the author chose otherwise; HR sees counts, never note text).
 */
export const canViewFeedback = (
  entry: FeedbackEntry,
  viewerId: PersonId,
  subjectCurrentManagerIds: readonly PersonId[],
): boolean => canSeeFeedback(viewerId, entry, subjectCurrentManagerIds);

/** Only entries the viewer may read, in the order given. */
export const visibleFeedback = (
  entries: readonly FeedbackEntry[],
  viewerId: PersonId,
  subjectCurrentManagerIds: readonly PersonId[],
): FeedbackEntry[] => entries.filter((e) => canViewFeedback(e, viewerId, subjectCurrentManagerIds));
