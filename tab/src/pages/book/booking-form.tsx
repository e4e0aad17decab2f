import { Button, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { typeChoices, type BookableType } from './choices.ts';
import { Outcome } from './outcome.tsx';
import { SeriesChoice } from './series.tsx';
import { SlotList } from './slot-list.tsx';
import { useBooking } from './use-booking.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalL },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

const DURATIONS = [30, 45, 60, 90] as const;

/** Choosing what to book, the times free in both calendars, and Book. */
export const BookingForm = ({ employeeId, presetType }: { employeeId: string; presetType: string | undefined }) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const [due, reloadDue] = useLoad(
    (signal) => api.call('person.due', { params: { personId: employeeId }, signal }),
    [api, employeeId],
  );
  const booking = useBooking(employeeId, due.state === 'ready' ? due.data.on : undefined);
  if (due.state === 'loading') return <Loading label="Loading what is due…" />;
  if (due.state === 'error') return <ErrorNotice error={due.error} onRetry={reloadDue} />;
  const choices = typeChoices(scheme, due.data.items);
  const type: BookableType | undefined =
    choices.find((c) => c.type === booking.form.type)?.type ??
    choices.find((c) => c.type === presetType)?.type ??
    choices[0]?.type;
  const choice = choices.find((c) => c.type === type);
  if (type === undefined) return null;
  const bookRow = (
    <div className={styles.row}>
      <Button
        appearance="primary"
        disabled={booking.booking || booking.selected === undefined}
        onClick={() => void booking.book(type)}
      >
        {booking.booking ? 'Booking…' : 'Book'}
      </Button>
      {booking.selected === undefined ? <Text>Choose a time first.</Text> : null}
    </div>
  );
  return (
    <form
      className={styles.form}
      aria-label="Book a conversation"
      onSubmit={(e) => {
        e.preventDefault();
        void booking.find(type, 0);
      }}
    >
      <div className={styles.row}>
        <Field
          label="Conversation"
          hint={
            choice?.due === undefined
              ? 'Nothing of this kind is due: you can still meet early or more often.'
              : `${choice.due.status === 'overdue' ? 'Overdue since' : 'Due by'} ${formatDate(choice.due.dueDate)}. ${choice.due.reason}`
          }
        >
          <Select
            value={type}
            onChange={(_, d) => {
              booking.change({ type: d.value as BookableType });
            }}
          >
            {choices.map((c) => (
              <option key={c.type} value={c.type}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="How long">
          <Select
            value={String(booking.form.durationMinutes)}
            onChange={(_, d) => {
              booking.change({ durationMinutes: Number(d.value) });
            }}
          >
            {DURATIONS.map((m) => (
              <option key={m} value={m}>
                {m} minutes
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={booking.finding}>
          Find times
        </Button>
      </div>
      {booking.finding ? <Loading label="Looking at both calendars…" /> : null}
      {booking.found === undefined ? null : (
        <>
          <SlotList
            found={booking.found}
            selected={booking.selected}
            onSelect={booking.select}
            onLater={() => void booking.find(type, booking.found === undefined ? 1 : booking.found.later + 1)}
          />
          {type === 'regular' && booking.selected !== undefined ? (
            <SeriesChoice key={booking.selected.start} employeeId={employeeId} slot={booking.selected}>
              {bookRow}
            </SeriesChoice>
          ) : (
            bookRow
          )}
        </>
      )}
      <Outcome outcome={booking.outcome} onMove={() => void booking.moveExisting()} />
    </form>
  );
};
