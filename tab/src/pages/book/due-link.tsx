import { Link, Text } from '@fluentui/react-components';
import { bookedTime } from '@pc/core/api';
import type { ConversationView } from '../conversations/types.ts';
import { factsOf } from '../conversations/types.ts';
import { formatDate } from '../../components/format.ts';
import { hrefFor } from '../../router.ts';
import { readerZone, type DueItem } from './choices.ts';

interface BookedView {
  readonly v: ConversationView;
  readonly f: ReturnType<typeof factsOf>;
}

/** When a booked conversation starts, for sorting "Coming up" by date (its day when only facts are shown). */
export const startOf = ({ v, f }: BookedView): string =>
  v.kind === 'full' && v.record.booking ? v.record.booking.start : f.date;

/** "12 Dec, 10:00" as the reader's clock reads it; the day alone when only the record's facts are shown. */
export const whenOf = (b: BookedView): string =>
  b.v.kind === 'full' && b.v.record.booking ? bookedTime(b.v.record.booking.start, readerZone()) : formatDate(b.f.date);

/**
 * Beside a due conversation: "Booked for 12 Dec, 10:00" with a link to it when one is booked,
 * otherwise a link to book it. In-the-moment conversations are never booked, nor one not needed this time
 * (004: no Regular conversation in a Big Picture month).
 */
export const BookedOrBook = ({
  item,
  personId,
  booked,
}: {
  item: DueItem;
  personId: string;
  booked: readonly BookedView[];
}) => {
  if (item.type === 'in-the-moment' || item.status === 'suppressed') return null;
  const match =
    item.bookedFor === undefined
      ? undefined
      : booked.find((b) => b.f.type === item.type && b.f.date === item.bookedFor);
  if (match !== undefined) {
    return (
      <Text as="p" block>
        <Link href={hrefFor('conversations', match.f.employeeId, match.f.id)}>Booked for {whenOf(match)}</Link>
      </Text>
    );
  }
  if (item.bookedFor !== undefined) return <Text as="p">Booked for {formatDate(item.bookedFor)}</Text>;
  return (
    <Text as="p" block>
      <Link href={hrefFor('book', personId, item.type)}>Book</Link>
    </Text>
  );
};
