import type { Employee } from '../domain/people.ts';
import { currentManagerIds } from './relationships.ts';

/**
 * A working relationship: one is the other's current line manager, or both report to a
 * same current line manager. People who have left have none. This is the one rule for who
 * may be the subject of someone's in-the-moment feedback (004) and so whose agenda their note
 * may join: the bot's feedback form offers exactly these people, and the bot and the API refuse
 * everyone else alike. Org-wide roles (HR, coordinator, auditor) do not count: reading a
 * record is not the same as working with the person.
 */
export const worksWith = (person: Employee, other: Employee): boolean => {
  if (person.id === other.id || person.tenantId !== other.tenantId) return false;
  if (person.leftOn !== undefined || other.leftOn !== undefined) return false;
  const mine = currentManagerIds(person);
  const theirs = currentManagerIds(other);
  return mine.includes(other.id) || theirs.includes(person.id) || mine.some((id) => theirs.includes(id));
};

/** Who an author may write in-the-moment feedback about: themself, or someone they work with. */
export const mayWriteFeedbackAbout = (author: Employee, subject: Employee): boolean =>
  (author.id === subject.id && author.tenantId === subject.tenantId) || worksWith(author, subject);
