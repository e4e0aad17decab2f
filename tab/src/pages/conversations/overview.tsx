import { conversationLabel } from '@pc/core/api';
import { Badge, Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../components/format.ts';
import { BookedOrBook, startOf, whenOf } from '../book/due-link.tsx';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor, navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { factsOf, type DueItem } from './types.ts';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    padding: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    paddingLeft: tokens.spacingHorizontalM,
  },
});

const STATUS_TEXT: Readonly<Record<DueItem['status'], string>> = {
  upcoming: 'Coming up',
  due: 'Due now',
  overdue: 'Overdue',
  suppressed: 'Not needed',
  completed: 'Done',
};
const STATUS_COLOUR = {
  upcoming: 'informative',
  due: 'warning',
  overdue: 'danger',
  suppressed: 'subtle',
  completed: 'success',
} as const;

export const ConversationOverview = () => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const personId = me.person.id;
  const [loaded, reload] = useLoad(
    async (signal) => {
      const [due, history] = await Promise.all([
        api.call('person.due', { params: { personId }, signal }),
        api.call('conversations.list', { params: { personId }, query: { pageSize: 100 }, signal }),
      ]);
      return { due, history: history.items };
    },
    [api, personId],
  );
  const prompts = scheme?.preparation.employee ?? [];
  // At the top of the organisation nobody holds these conversations with you: nothing is overdue, nobody to ask.
  const topOfOrg = me.managerIds.length === 0;
  return (
    <>
      <div className={styles.top}>
        <Text as="h1" size={700} weight="semibold">
          My conversations
        </Text>
        {topOfOrg ? null : (
          <Button
            appearance="primary"
            onClick={() => {
              navigate('conversations', 'new');
            }}
          >
            Record a conversation
          </Button>
        )}
      </div>
      {loaded.state === 'loading' ? <Loading label="Loading your conversations…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready'
        ? (() => {
            const due = topOfOrg ? [] : loaded.data.due.items.filter((i) => i.status !== 'completed');
            const views = loaded.data.history.map((v) => ({ v, f: factsOf(v) }));
            const booked = views
              .filter((x) => x.f.status === 'booked')
              .sort((a, b) => startOf(a).localeCompare(startOf(b)));
            const past = views.filter((x) => x.f.status !== 'booked').sort((a, b) => b.f.date.localeCompare(a.f.date));
            return (
              <>
                <section className={styles.section} aria-labelledby="due-h">
                  <Text as="h2" id="due-h" size={500} weight="semibold">
                    What is due, and why
                  </Text>
                  {topOfOrg ? (
                    <EmptyState title="No line manager on record">
                      Nobody is recorded as your line manager, so no conversations are due for you here. If that is
                      wrong, ask HR to update the organisation chart.
                    </EmptyState>
                  ) : due.length === 0 ? (
                    <EmptyState title="Nothing is due right now">
                      You are up to date. We will tell you here when your next conversation is due.
                    </EmptyState>
                  ) : (
                    <ul className={styles.list}>
                      {due.map((d, i) => (
                        <li key={i} className={styles.item}>
                          <Text weight="semibold">{conversationLabel(d.type, scheme)}</Text>{' '}
                          <Badge appearance="tint" color={STATUS_COLOUR[d.status]}>
                            {STATUS_TEXT[d.status]}
                          </Badge>
                          <Text as="p" block>
                            Due by {formatDate(d.dueDate)}. {d.reason} <Text size={200}>(Policy {d.policyRef})</Text>
                          </Text>
                          <BookedOrBook item={d} personId={personId} booked={booked} />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
                <section className={styles.section} aria-labelledby="booked-h">
                  <Text as="h2" id="booked-h" size={500} weight="semibold">
                    Coming up
                  </Text>
                  {booked.length === 0 ? (
                    <EmptyState
                      title="No conversations booked"
                      action={topOfOrg ? undefined : <Link href={hrefFor('book')}>Book a conversation</Link>}
                    >
                      {topOfOrg
                        ? 'Conversations you book with the bot in Teams appear here.'
                        : 'Book one with your manager, and it appears here.'}
                    </EmptyState>
                  ) : (
                    <ul className={styles.list}>
                      {booked.map(({ v, f }) => (
                        <li key={f.id} className={styles.item}>
                          <Link href={hrefFor('conversations', f.employeeId, f.id)}>
                            {conversationLabel(f.type, scheme)}: agenda and preparation
                          </Link>{' '}
                          {whenOf({ v, f })}
                          {v.kind === 'full' && v.record.booking?.onlineMeetingUrl ? (
                            <>
                              {' '}
                              ·{' '}
                              <Link href={v.record.booking.onlineMeetingUrl} target="_blank" rel="noopener">
                                Join the Teams meeting
                              </Link>
                            </>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  )}
                  {booked.length > 0 && prompts.length > 0 ? (
                    <section aria-labelledby="prep-h">
                      <Text as="h3" id="prep-h" size={400} weight="semibold">
                        Before you meet: questions to think about
                      </Text>
                      <ul>
                        {prompts.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    </section>
                  ) : null}
                </section>
                <section className={styles.section} aria-labelledby="hist-h">
                  <Text as="h2" id="hist-h" size={500} weight="semibold">
                    History
                  </Text>
                  {past.length === 0 ? (
                    <EmptyState title="No conversations recorded yet">
                      After you meet your manager, use “Record a conversation” to write down the issues raised and the
                      actions agreed.
                    </EmptyState>
                  ) : (
                    <ul className={styles.list} aria-label="Conversation history">
                      {past.map(({ v, f }) => (
                        <li key={f.id} className={styles.item}>
                          <Link href={hrefFor('conversations', f.employeeId, f.id)}>
                            {conversationLabel(f.type, scheme)} on {formatDate(f.date)}
                          </Link>{' '}
                          <Badge appearance="outline">
                            {f.status === 'agreed'
                              ? 'Agreed'
                              : f.status === 'held'
                                ? 'Waiting for agreement'
                                : 'Cancelled'}
                          </Badge>
                          {v.kind === 'facts' ? <Text size={200}> (facts only)</Text> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            );
          })()
        : null}
    </>
  );
};
