import { conversationLabel } from '@pc/core/api';
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { CapabilityReferral } from '../../components/capability-referral.tsx';
import { formatDate, formatDateTime, sentence } from '../../components/format.ts';
import { firstNameOf, usePersonName } from '../../components/people.ts';
import { ErrorNotice, Loading, LiveStatus } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { ownerWords } from './action-rows.tsx';
import { AgendaPanel } from './agenda.tsx';
import { AgreementPanel } from './agreement.tsx';
import { ExportForm, FactsView } from './facts.tsx';
import { PayStepPanel } from './pay-step.tsx';
import { RecordBody } from './record-body.tsx';
import { RecordEditor } from './record-editor.tsx';
import { frequencyFact } from './frequency-field.tsx';
import { calendarChangeWords } from './calendar-change.ts';
import type { ConversationFull } from './types.ts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    '& dd': { margin: 0 },
  },
  actions: { marginTop: tokens.spacingVerticalL, display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export const ConversationDetail = ({ personId, conversationId }: { personId: string; conversationId: string }) => {
  const { api, me } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('conversations.get', { params: { personId, conversationId }, signal }),
    [api, personId, conversationId],
  );
  const colleague = usePersonName(personId);
  const back = (
    <p>
      {personId === me.person.id ? (
        <Link href={hrefFor('conversations')}>All my conversations</Link>
      ) : (
        <Link href={hrefFor('conversations', personId)}>
          {colleague === undefined
            ? 'Their conversations and objectives'
            : `${colleague}'s conversations and objectives`}
        </Link>
      )}
    </p>
  );
  if (loaded.state === 'loading') return <Loading label="Loading the conversation…" />;
  if (loaded.state === 'error')
    return (
      <>
        {back}
        <ErrorNotice error={loaded.error} onRetry={reload} />
      </>
    );
  const view = loaded.data;
  if (view.kind === 'facts')
    return (
      <>
        <FactsView view={view} colleague={colleague} back={back} reload={reload} />
        <PayStepPanel personId={personId} type={view.facts.type} />
      </>
    );
  return <FullRecord key={view.record.id} initial={view} colleague={colleague} back={back} />;
};

const FullRecord = ({
  initial,
  colleague,
  back,
}: {
  initial: ConversationFull;
  colleague: string | undefined;
  back: React.ReactNode;
}) => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const [view, setView] = useState(initial);
  const [editing, setEditing] = useState(initial.record.status === 'booked');
  const [status, setStatus] = useState('');
  const r = view.record;
  const readerIsEmployee = r.employeeId === me.person.id;
  const managerName = usePersonName(readerIsEmployee ? r.managerIds[0] : undefined);
  const otherFull = readerIsEmployee ? managerName : colleague;
  const other = otherFull === undefined ? undefined : firstNameOf(otherFull);
  const names: Record<string, string> = {
    [me.person.id]: me.person.displayName,
    ...(colleague === undefined ? {} : { [r.employeeId]: colleague }),
    ...(managerName === undefined || r.managerIds[0] === undefined ? {} : { [r.managerIds[0]]: managerName }),
  };
  const reload = async () => {
    const fresh = await api.call('conversations.get', { params: { personId: r.employeeId, conversationId: r.id } });
    if (fresh.kind === 'full') setView(fresh);
  };
  useEffect(() => {
    setView(initial);
  }, [initial]);
  const reviewer = usePersonName(r.rating?.review?.outcome === 'returned' ? r.rating.review.by : undefined);
  const label = conversationLabel(r.type, scheme);
  const calendarNote = (booking: NonNullable<typeof r.booking>) => {
    const words = calendarChangeWords(booking, me.person.id, names);
    return words === undefined ? null : ` · ${words}`;
  };
  const ratingLabel =
    r.rating === undefined
      ? undefined
      : (scheme?.ratingScale?.options.find((o) => o.value === r.rating?.value)?.label ?? r.rating.value);
  return (
    <article>
      {back}
      <Text as="h1" size={700} weight="semibold">
        {readerIsEmployee || colleague === undefined
          ? `${label} on ${formatDate(r.date)}`
          : `${label} with ${colleague} on ${formatDate(r.date)}`}
      </Text>
      <LiveStatus message={status} />
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>{r.status === 'held' ? 'Held, waiting for agreement' : sentence(r.status)}</dd>
        {r.booking ? (
          <>
            <dt>Booked for</dt>
            <dd>
              {formatDateTime(r.booking.start)}
              {calendarNote(r.booking)}
              {r.booking.onlineMeetingUrl === undefined ? null : (
                <>
                  {' '}
                  ·{' '}
                  <Link href={r.booking.onlineMeetingUrl} target="_blank" rel="noopener">
                    Join the Teams meeting
                  </Link>
                </>
              )}
            </dd>
          </>
        ) : null}
        {r.agreedRegularEveryWeeks === undefined ? null : (
          <>
            <dt>How often you meet</dt>
            <dd>{frequencyFact(r, scheme?.regularFrequency?.decidedBy)}</dd>
          </>
        )}
        {ratingLabel === undefined ? null : (
          <>
            <dt>Rating</dt>
            <dd>
              {ratingLabel}
              {r.rating?.shortfall === undefined ? '' : `. How it fell short: ${r.rating.shortfall}`}
              {r.rating?.bonusRecommended === true ? '. Bonus recommended.' : ''}
              {me.tenant.schemeId === 'bexley-pms' && !readerIsEmployee
                ? r.rating?.releasedToEmployeeAt === undefined
                  ? ` Not yet shown to ${other ?? 'the colleague'}: it is released after review above you (Step 3).`
                  : ` Released to ${other ?? 'the colleague'} on ${formatDateTime(r.rating.releasedToEmployeeAt)}.`
                : ''}
              {r.rating?.review?.outcome === 'returned' && !readerIsEmployee
                ? ` Returned to you by ${reviewer ?? 'your manager'} on ${formatDate(r.rating.review.at)}: ${r.rating.review.note ?? ''} Change the rating to send it back for the check.`
                : ''}
            </dd>
          </>
        )}
      </dl>
      {r.status === 'booked' || r.agenda.length > 0 ? (
        <AgendaPanel record={r} readerIsEmployee={readerIsEmployee} otherName={other} />
      ) : null}
      {r.status === 'booked' ? null : (
        <RecordBody
          view={view}
          owners={ownerWords(readerIsEmployee, other)}
          onSaved={(saved, message) => {
            setView(saved);
            setStatus(message);
          }}
        />
      )}
      {editing ? (
        <RecordEditor
          key={r.id}
          view={view}
          owners={ownerWords(readerIsEmployee, other)}
          other={other}
          names={names}
          onSaved={(saved, message) => {
            setView(saved);
            setStatus(message);
            if (saved.record.status !== 'booked') setEditing(false);
          }}
          onLatest={setView}
          {...(r.status === 'booked'
            ? {}
            : {
                onCancel: () => {
                  setEditing(false);
                },
              })}
        />
      ) : r.status === 'cancelled' ? null : (
        <div className={styles.actions}>
          <Button
            onClick={() => {
              setEditing(true);
              setStatus('');
            }}
          >
            Change the record
          </Button>
        </div>
      )}
      <ExportForm record={r} />
      {readerIsEmployee || colleague === undefined || r.status === 'booked' || r.status === 'cancelled' ? null : (
        <CapabilityReferral personName={colleague} conversationDate={r.date} />
      )}
      {readerIsEmployee ? null : <PayStepPanel personId={r.employeeId} type={r.type} />}
      {r.status === 'booked' ? null : (
        <AgreementPanel
          view={view}
          otherName={other}
          reload={() => {
            void reload();
          }}
        />
      )}
    </article>
  );
};
