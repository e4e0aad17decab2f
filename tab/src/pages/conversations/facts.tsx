import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { buildPath, conversationLabel, routes, type ResponseOf, type Routes } from '@pc/core/api';
import { useState, type ReactNode } from 'react';
import { formatDate, formatDateTime, sentence } from '../../components/format.ts';
import { firstNameOf } from '../../components/people.ts';
import { ErrorNotice, LiveStatus } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import type { ConversationFull } from './types.ts';

type Facts = Extract<ResponseOf<Routes['conversations.get']>, { kind: 'facts' }>;

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    '& dd': { margin: 0 },
  },
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
});

/** What someone outside the pair sees: the facts, and for a Bexley reviewer the rating to release (002 Step 3). */
export const FactsView = ({
  view,
  colleague,
  back,
  reload,
}: {
  view: Facts;
  colleague: string | undefined;
  back: ReactNode;
  reload: () => void;
}) => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const f = view.facts;
  const name = colleague === undefined ? 'the colleague' : firstNameOf(colleague);
  const ratingLabel =
    f.rating === undefined
      ? undefined
      : (scheme?.ratingScale?.options.find((o) => o.value === f.rating?.value)?.label ?? f.rating.value);
  // Only readers the rating is shown to outside the pair are those who review it above the manager (002).
  const mayRelease =
    me.tenant.schemeId === 'bexley-pms' &&
    f.rating !== undefined &&
    f.rating.releasedToEmployeeAt === undefined &&
    view.etag !== undefined &&
    !f.managerIds.includes(me.person.id);
  const release = async () => {
    setError(null);
    try {
      await api.call('conversations.releaseRating', {
        params: { personId: f.employeeId, conversationId: f.id },
        body: {},
        ...(view.etag === undefined ? {} : { ifMatch: view.etag }),
      });
      setStatus(`The rating is released: ${name} can now see it.`);
      reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <article>
      {back}
      <Text as="h1" size={700} weight="semibold">
        {conversationLabel(f.type, scheme)}
        {colleague === undefined ? '' : ` with ${colleague}`} on {formatDate(f.date)}
      </Text>
      <Text as="p" block>
        You can see the facts of this record but not its notes: notes are only for {name} and their manager.
      </Text>
      <LiveStatus message={status} />
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
            <dd>
              {formatDate(f.appealLodgedOn)} (<Link href={hrefFor('appeals')}>appeals you take part in</Link>)
            </dd>
          </>
        )}
        {ratingLabel === undefined ? null : (
          <>
            <dt>Rating</dt>
            <dd>
              {ratingLabel}
              {f.rating?.releasedToEmployeeAt === undefined
                ? me.tenant.schemeId === 'bexley-pms'
                  ? ` (not yet released to ${name})`
                  : ''
                : ` (released to ${name} on ${formatDateTime(f.rating.releasedToEmployeeAt)})`}
            </dd>
          </>
        )}
      </dl>
      {mayRelease ? (
        <section className={styles.section} aria-labelledby="release-h">
          <Text as="h2" id="release-h" size={500} weight="semibold">
            Step 3: release the rating
          </Text>
          <Text as="p" block>
            When you have checked this recommendation for consistency, release it so {name} can see it.
          </Text>
          {error === null ? null : <ErrorNotice error={error} />}
          <div>
            <Button appearance="primary" onClick={() => void release()}>
              Release the rating to {name}
            </Button>
          </div>
        </section>
      ) : null}
    </article>
  );
};

/** The completed annual review form as a PDF, for the pair, where the scheme has a form (000 export to iTrent). */
export const ExportForm = ({ record }: { record: ConversationFull['record'] }) => {
  const styles = useStyles();
  const { download, scheme } = useSession();
  const [error, setError] = useState<unknown>(null);
  if (download === undefined || record.type !== 'annual-review' || scheme?.annualReview === undefined) return null;
  if (record.status === 'booked' || record.status === 'cancelled') return null;
  const save = async () => {
    setError(null);
    try {
      const path = buildPath(routes['conversations.exportForm'].path, {
        personId: record.employeeId,
        conversationId: record.id,
      });
      const blob = await download(path);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `${scheme.annualReview?.title ?? 'annual-review'} ${record.date}.pdf`;
      a.click();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 10_000);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className={styles.section} aria-labelledby="form-h">
      <Text as="h2" id="form-h" size={500} weight="semibold">
        The {scheme.annualReview.title} form
      </Text>
      {error === null ? null : <ErrorNotice error={error} />}
      <div>
        <Button onClick={() => void save()}>Download the form (PDF)</Button>
      </div>
    </section>
  );
};
