import {
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { bookedTime, seriesUntilByDefault, type ResponseOf, type Routes } from '@pc/core/api';
import { useRef, useState, type ReactNode } from 'react';
import { DateField } from '../../components/date-input.tsx';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { intentKeys, readerZone, type Slot } from './choices.ts';

type Plan = ResponseOf<Routes['bookings.series.plan']>;
type Booked = ResponseOf<Routes['bookings.series.create']>;

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL },
});

const monthOf = (date: string): string =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** Why a meeting of the pattern is left out: the month holds the Big Picture conversation (004), or the server's reason. */
const whyLeftOut = (s: Plan['skipped'][number]): string =>
  s.why === 'big-picture' ? `${monthOf(s.date)} holds your Big Picture conversation.` : s.reason;

const PlanView = ({ plan }: { plan: Plan }) => {
  const styles = useStyles();
  return (
    <section aria-label="Planned series" className={styles.box}>
      <Text weight="semibold">
        Repeats {plan.every} until {formatDate(plan.until)}: {plan.occurrences.length} conversations.
      </Text>
      <ol className={styles.list} aria-label="Planned dates">
        {plan.occurrences.map((o) => (
          <li key={o.date}>{bookedTime(o.start, readerZone())}</li>
        ))}
      </ol>
      {plan.skipped.length === 0 ? null : (
        <>
          <Text weight="semibold">Left out</Text>
          <ul className={styles.list} aria-label="Left out">
            {plan.skipped.map((s) => (
              <li key={s.date}>
                {formatDate(s.date)} is left out: {whyLeftOut(s)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

/**
 * Repeating a Regular conversation (004 Regular: monthly, or as often as the pair agreed) as one
 * Outlook series until a chosen date. The planned dates, and the months left out with the reason
 * (a Big Picture month, a bank holiday), show before anything is booked. While it is ticked it
 * takes the place of the single booking (`children`).
 */
export const SeriesChoice = ({
  employeeId,
  slot,
  children,
}: {
  employeeId: string;
  slot: Slot;
  children: ReactNode;
}) => {
  const styles = useStyles();
  const { api } = useSession();
  const [repeat, setRepeat] = useState(false);
  const [until, setUntil] = useState(() => seriesUntilByDefault(slot.start));
  const [plan, setPlan] = useState<Plan>();
  const [busy, setBusy] = useState<'planning' | 'booking'>();
  const [booked, setBooked] = useState<Booked>();
  const [error, setError] = useState<unknown>();
  const inFlight = useRef(false);
  const keys = useRef(intentKeys()).current;
  const body = { employeeId, start: slot.start, end: slot.end, until };

  const run = async (what: 'planning' | 'booking') => {
    if (inFlight.current || until === '') return;
    inFlight.current = true;
    setBusy(what);
    setError(undefined);
    try {
      if (what === 'planning') {
        setPlan(await api.call('bookings.series.plan', { body: { ...body, agenda: [] } }));
      } else {
        const key = keys.keyFor(body);
        setBooked(await api.call('bookings.series.create', { idempotencyKey: key, body: { ...body, agenda: [] } }));
        keys.done();
      }
    } catch (e) {
      setError(e);
    } finally {
      inFlight.current = false;
      setBusy(undefined);
    }
  };

  if (booked !== undefined) {
    return (
      <div role="status" aria-live="polite">
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Series booked</MessageBarTitle>
            {booked.booked.length} Regular conversations, {booked.every}, are in both calendars as one series
            {booked.skipped.length === 0
              ? '.'
              : `, leaving out ${booked.skipped.map((s) => formatDate(s.date)).join(', ')}.`}{' '}
            <Link href={hrefFor('conversations')}>See them in My conversations</Link>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={styles.box}>
      <Checkbox
        checked={repeat}
        label="Repeat at your agreed frequency"
        onChange={(_, d) => {
          setRepeat(d.checked === true);
          setPlan(undefined);
        }}
      />
      {repeat ? (
        <>
          <div className={styles.row}>
            <DateField
              label="Until"
              value={until}
              onChange={(iso) => {
                setUntil(iso);
                setPlan(undefined);
              }}
            />
            <Button disabled={busy !== undefined || until === ''} onClick={() => void run('planning')}>
              Show the dates
            </Button>
          </div>
          {busy === 'planning' ? <Loading label="Planning the series…" /> : null}
          {plan === undefined ? null : (
            <>
              <PlanView plan={plan} />
              <div>
                <Button appearance="primary" disabled={busy !== undefined} onClick={() => void run('booking')}>
                  {busy === 'booking' ? 'Booking…' : 'Book the series'}
                </Button>
              </div>
            </>
          )}
          <div role="status" aria-live="polite">
            {error === undefined ? null : <ErrorNotice error={error} title="Not booked" />}
          </div>
        </>
      ) : (
        children
      )}
    </div>
  );
};
