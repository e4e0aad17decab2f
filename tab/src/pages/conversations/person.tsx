import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, conversationLabel, reasonAbout, type ResponseOf, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { firstNameOf, usePersonName } from '../../components/people.ts';
import { EmptyState, ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { objectiveStatusText } from '../objectives/draft.ts';
import { factsOf } from './types.ts';
import { isMyReport } from '../team/my-reports.ts';

type Objective = ResponseOf<Routes['objectives.get']>;

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '56rem' },
  list: { display: 'grid', gap: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalL },
});

/** #/conversations/:personId — a manager (or a reviewer above them) opens one report's history and objectives. */
export const PersonRecord = ({ personId }: { personId: string }) => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const name = usePersonName(personId);
  const first = name === undefined ? 'them' : firstNameOf(name);
  const [status, setStatus] = useState('');
  const [loaded, reload] = useLoad(
    async (signal) => {
      const [isLineManager, due, history, objectives] = await Promise.all([
        isMyReport(api, personId, signal),
        api.call('person.due', { params: { personId }, signal }),
        api.call('conversations.list', { params: { personId }, query: { pageSize: 100 }, signal }),
        // HR and auditors see the record's facts but not the objectives (the pair's working notes).
        api.call('objectives.list', { params: { personId }, query: { pageSize: 100 }, signal }).catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 403) return null;
          throw e;
        }),
      ]);
      return {
        // Only the line manager records and agrees; a reviewer above them reads.
        isLineManager,
        due: due.items.filter((i) => i.status !== 'completed' && i.status !== 'suppressed'),
        history: history.items.map((v) => ({ v, f: factsOf(v) })).sort((a, b) => b.f.date.localeCompare(a.f.date)),
        objectives: objectives?.items ?? null,
      };
    },
    [api, personId],
  );
  const [agreeError, setAgreeError] = useState<unknown>(null);
  const agree = async (o: Objective) => {
    setAgreeError(null);
    try {
      await api.call('objectives.update', {
        params: { personId, objectiveId: o.id },
        body: { status: 'agreed' },
        ifMatch: o.etag,
      });
      setStatus(`You agreed “${o.title}”.`);
      reload();
    } catch (e) {
      setAgreeError(e);
    }
  };
  return (
    <>
      {me.reportCount > 0 ? (
        <p>
          <Link href={hrefFor('team')}>Back to my team</Link>
        </p>
      ) : null}
      <Text as="h1" block size={700} weight="semibold">
        {name === undefined ? 'Conversations and objectives' : `${name}: conversations and objectives`}
      </Text>
      <LiveStatus message={status} />
      {loaded.state === 'loading' ? <Loading label="Loading their record…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <>
          {loaded.data.isLineManager ? (
            <p>
              <Link href={hrefFor('conversations', 'new', personId)}>Record a conversation with {first}</Link>
            </p>
          ) : null}
          <section className={styles.section} aria-labelledby="p-due-h">
            <Text as="h2" block id="p-due-h" size={500} weight="semibold">
              What is due for {first}
            </Text>
            {loaded.data.due.length === 0 ? (
              <Text as="p" block>
                Nothing is due for {first} right now.
              </Text>
            ) : (
              <ul className={styles.list}>
                {loaded.data.due.map((d, i) => (
                  <li key={i}>
                    <Text weight="semibold">{conversationLabel(d.type, scheme)}</Text> by {formatDate(d.dueDate)}.{' '}
                    {name === undefined ? d.reason : reasonAbout(d.reason, name)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="p-hist-h">
            <Text as="h2" block id="p-hist-h" size={500} weight="semibold">
              Conversation history
            </Text>
            {loaded.data.history.length === 0 ? (
              <EmptyState title={`No conversations with ${first} yet`}>
                Conversations appear here once they are booked or recorded.
              </EmptyState>
            ) : (
              <ul className={styles.list} aria-label={`${first}'s conversations`}>
                {loaded.data.history.map(({ v, f }) => (
                  <li key={f.id}>
                    <Link href={hrefFor('conversations', f.employeeId, f.id)}>
                      {conversationLabel(f.type, scheme)} on {formatDate(f.date)}
                    </Link>{' '}
                    <Badge appearance="outline">
                      {f.status === 'held'
                        ? 'Waiting for agreement'
                        : f.status === 'agreed'
                          ? 'Agreed'
                          : f.status === 'booked'
                            ? 'Booked'
                            : 'Cancelled'}
                    </Badge>
                    {(v.kind === 'full' ? v.record.disagreement !== undefined : v.facts.disagreementRecorded) ? (
                      <>
                        {' '}
                        <Badge appearance="tint" color="danger">
                          Disagreement recorded
                        </Badge>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className={styles.section} aria-labelledby="p-obj-h">
            <Text as="h2" block id="p-obj-h" size={500} weight="semibold">
              Objectives
            </Text>
            {agreeError === null ? null : <ErrorNotice error={agreeError} />}
            {loaded.data.objectives === null ? (
              <Text as="p" block>
                Objectives are for {first} and their managers.
              </Text>
            ) : loaded.data.objectives.length === 0 ? (
              <EmptyState title={`${first} has no objectives yet`}>
                {scheme?.objectiveRecording.note ?? 'Objectives appear here once they are proposed.'}
              </EmptyState>
            ) : (
              <ul className={styles.list} aria-label={`${first}'s objectives`}>
                {loaded.data.objectives.map((o) => (
                  <li key={o.id}>
                    <Text weight="semibold">{o.title}</Text>{' '}
                    <Badge appearance="outline">{objectiveStatusText(o.status, false)}</Badge>
                    {o.targetDate === undefined ? null : <> · by {formatDate(o.targetDate)}</>} · {o.progress}% done
                    {o.status === 'draft' && loaded.data.isLineManager ? (
                      <>
                        {' '}
                        <Button size="small" onClick={() => void agree(o)}>
                          Agree<span className="visually-hidden"> “{o.title}”</span>
                        </Button>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      ) : null}
    </>
  );
};
