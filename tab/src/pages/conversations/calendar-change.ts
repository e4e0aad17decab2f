import { formatDate } from '../../components/format.ts';
import { firstNameOf } from '../../components/people.ts';
import type { ConversationFull } from './types.ts';

type Booking = NonNullable<ConversationFull['record']['booking']>;

/**
 * What someone did to the meeting in Outlook itself, which the record followed: said beside the
 * booking so neither of the pair wonders why the time or status changed.
 */
export const calendarChangeWords = (
  booking: Booking,
  readerId: string,
  names: Readonly<Record<string, string>>,
): string | undefined => {
  const change = booking.changedInCalendar;
  const declined = (booking.declinedBy ?? []).map((id) =>
    id === readerId ? 'you' : firstNameOf(names[id] ?? 'the other person'),
  );
  const parts: string[] = [];
  if (change?.kind === 'moved') parts.push(`Moved in Outlook on ${formatDate(change.at)}.`);
  if (change?.kind === 'cancelled') parts.push(`Cancelled in Outlook on ${formatDate(change.at)}.`);
  if (declined.length > 0) parts.push(`Declined in Outlook by ${declined.join(' and ')}.`);
  return parts.length === 0 ? undefined : parts.join(' ');
};
