import type { FeedbackEntry } from '../domain/feedback.ts';
import type { PersonId } from '../domain/people.ts';

/**
 * Who may read an entry's text. The author and the subject always can; the
 * pair's manager when the visibility is 'pair'; every current line manager
 * when it is 'subject-and-managers'. No one else, whatever their role: HR sees
 * counts, never note text.
 */
export const canViewFeedback = (
  entry: FeedbackEntry,
  viewerId: PersonId,
  subjectCurrentManagerIds: readonly PersonId[],
): boolean => {
  if (viewerId === entry.authorId || viewerId === entry.subjectId) return true;
  switch (entry.visibility) {
    case 'subject-only':
      return false;
    case 'pair':
      return entry.pairManagerId === viewerId;
    case 'subject-and-managers':
      return entry.pairManagerId === viewerId || subjectCurrentManagerIds.includes(viewerId);
  }
};

/** Only entries the viewer may read, in the order given. */
export const visibleFeedback = (
  entries: readonly FeedbackEntry[],
  viewerId: PersonId,
  subjectCurrentManagerIds: readonly PersonId[],
): FeedbackEntry[] => entries.filter((e) => canViewFeedback(e, viewerId, subjectCurrentManagerIds));
