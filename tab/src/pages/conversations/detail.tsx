import { conversationLabel } from '@pc/core/api';
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate, formatDateTime, sentence } from '../../components/format.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { AgreementPanel } from './agreement.tsx';
import type { ConversationFull } from './types.ts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
  },
  section: { marginTop: tokens.spacingVerticalXL },
  notes: { whiteSpace: 'pre-wrap' },
});

export const ConversationDetail = ({ personId, conversationId }: { personId: string; conversationId: string }) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('conversations.get', { params: { personId, conversationId }, signal }),
    [api, personId, conversationId],
  );
  const back = (
    <p>
      <Link href={hrefFor('conversations')}>All my conversations</Link>
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
  if (view.kind === 'facts') {
    const f = view.facts;
    return (
      <article>
        {back}
        <Text as="h1" size={700} weight="semibold">
          {conversationLabel(f.type, scheme)} on {formatDate(f.date)}
        </Text>
        <Text as="p" block>
          You can see the facts of this record but not its notes: notes are only for the colleague and their manager.
        </Text>
        <dl className={styles.facts}>
          <dt>Status</dt>
          <dd>{sentence(f.status)}</dd>
          <dt>Agreed by both</dt>
          <dd>{f.agreedByBoth ? 'Yes' : 'Not yet'}</dd>
          <dt>Disagreement recorded</dt>
          <dd>{f.disagreementRecorded ? 'Yes' : 'No'}</dd>
          {f.appealLodgedOn === undefined ? null : (
            <>
              <dt>Appeal lodged</dt>
              <dd>{formatDate(f.appealLodgedOn)}</dd>
            </>
          )}
        </dl>
      </article>
    );
  }
  return <FullRecord view={view} reload={reload} back={back} />;
};

const FullRecord = ({ view, reload, back }: { view: ConversationFull; reload: () => void; back: React.ReactNode }) => {
  const styles = useStyles();
  const { scheme } = useSession();
  const r = view.record;
  const sectionTitle = (id: string) => scheme?.annualReview?.sections.find((s) => s.id === id)?.title ?? sentence(id);
  const topicTitle = (id: string) => scheme?.topics.find((t) => t.id === id)?.title ?? sentence(id);
  return (
    <article>
      {back}
      <Text as="h1" size={700} weight="semibold">
        {conversationLabel(r.type, scheme)} on {formatDate(r.date)}
      </Text>
      <dl className={styles.facts}>
        <dt>Status</dt>
        <dd>{r.status === 'held' ? 'Waiting for agreement' : sentence(r.status)}</dd>
        {r.booking ? (
          <>
            <dt>Booked for</dt>
            <dd>{formatDateTime(r.booking.start)}</dd>
          </>
        ) : null}
        <dt>Topics</dt>
        <dd>{r.topics.length === 0 ? 'None chosen' : r.topics.map(topicTitle).join(', ')}</dd>
        {r.rating ? (
          <>
            <dt>Rating</dt>
            <dd>{scheme?.ratingScale?.options.find((o) => o.value === r.rating?.value)?.label ?? r.rating.value}</dd>
          </>
        ) : null}
      </dl>
      <section className={styles.section} aria-labelledby="issues-h">
        <Text as="h2" block id="issues-h" size={500} weight="semibold">
          Issues raised
        </Text>
        {r.issuesRaised.length === 0 ? (
          <Text as="p" block>
            None recorded.
          </Text>
        ) : (
          <ul>
            {r.issuesRaised.map((i, n) => (
              <li key={n}>{i}</li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="actions-h">
        <Text as="h2" block id="actions-h" size={500} weight="semibold">
          Actions agreed
        </Text>
        {r.actionsAgreed.length === 0 ? (
          <Text as="p" block>
            None recorded.
          </Text>
        ) : (
          <ul>
            {r.actionsAgreed.map((a) => (
              <li key={a.id}>
                {a.text} — {a.owner === 'both' ? 'both' : a.owner === 'manager' ? 'manager' : 'colleague'}
                {a.dueDate === undefined ? '' : `, by ${formatDate(a.dueDate)}`}
                {a.done ? ' (done)' : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      {Object.keys(r.sections).length > 0 ? (
        <section className={styles.section} aria-labelledby="sections-h">
          <Text as="h2" block id="sections-h" size={500} weight="semibold">
            Review sections
          </Text>
          {Object.entries(r.sections).map(([id, text]) => (
            <div key={id}>
              <Text as="h3" block size={400} weight="semibold">
                {sectionTitle(id)}
              </Text>
              <p className={styles.notes}>{text}</p>
            </div>
          ))}
        </section>
      ) : null}
      <section className={styles.section} aria-labelledby="notes-h">
        <Text as="h2" block id="notes-h" size={500} weight="semibold">
          Notes
        </Text>
        <p className={styles.notes}>{r.notes === '' ? 'No notes.' : r.notes}</p>
      </section>
      <AgreementPanel view={view} reload={reload} />
    </article>
  );
};
