import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { useMemo, useState } from 'react';
import { useShowMore } from '../../components/show-more.tsx';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, Loading, messageOf } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', margin: 0 },
  figure: { display: 'flex', flexDirection: 'column-reverse' },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

/** Hands the CSV to the browser as a file; nothing is kept in the page. */
const downloadCsv = (csv: string, filename: string): void => {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL; revoking later keeps slow browsers safe.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 60_000);
};

/** The dated completion records of the last twelve months for the HR system (000 iTrent), facts only. */
const CompletionsDownload = () => {
  const { api, today } = useSession();
  const [status, setStatus] = useState('');
  const download = async (): Promise<void> => {
    setStatus('Preparing the completions file…');
    try {
      const csv = await api.call('exports.completions', { query: {} });
      downloadCsv(csv, `completions-${today}.csv`);
      setStatus('The completions of the last twelve months have been downloaded.');
    } catch (error) {
      setStatus(messageOf(error));
    }
  };
  return (
    <Text as="p" block>
      <Link
        as="button"
        onClick={() => {
          void download();
        }}
      >
        Download completions (CSV)
      </Link>{' '}
      <span role="status">{status}</span>
    </Text>
  );
};

type Figures = ResponseOf<Routes['team.compliance']>;
type Overdue = Figures['overdue'][number];

/** Reviews overdue now across the whole team, a page at a time, earliest due first. */
const OverdueList = ({ figures }: { figures: Figures }) => {
  const { api, me } = useSession();
  const { items, control } = useShowMore<Overdue>(
    useMemo(() => ({ items: figures.overdue, ...figures }), [figures]),
    async (continuationToken) => {
      const page = await api.call('team.compliance', {
        params: { personId: me.person.id },
        query: { continuationToken },
      });
      return { items: page.overdue, ...page };
    },
    { one: 'overdue review', many: 'overdue reviews' },
  );
  if (figures.overdueCount === 0) return null;
  return (
    <>
      <ul aria-label="Overdue reviews">
        {items.map((o) => (
          <li key={`${o.employeeId}-${o.type}-${o.dueDate}`}>
            {o.displayName}: due {formatDate(o.dueDate)}
            {o.fromEarlierQuarter ? ' (an earlier quarter)' : ''}
          </li>
        ))}
      </ul>
      {control}
    </>
  );
};

/** What "nothing fell due" leaves out: reviews still overdue from before the quarter. */
const earlierNote = (figures: Figures): string | null => {
  const earlier = figures.overdueFromEarlierQuarters;
  if (earlier === 0) return null;
  const reviews = earlier === 1 ? '1 review' : `${String(earlier)} reviews`;
  return `${reviews} that fell due before ${figures.quarter} ${earlier === 1 ? 'is' : 'are'} still overdue and not counted in this quarter's figures.`;
};

export const Compliance = () => {
  const styles = useStyles();
  const { api, me } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('team.compliance', { params: { personId: me.person.id }, signal }),
    [api, me.person.id],
  );
  const note = loaded.state === 'ready' ? earlierNote(loaded.data) : null;
  return (
    <section className={styles.section} aria-labelledby="comp-h">
      <Text as="h2" block id="comp-h" size={500} weight="semibold">
        Reviews on time
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading compliance figures…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <Text as="p" block>
            {loaded.data.scope}, {loaded.data.quarter}
          </Text>
          <dl className={styles.figures}>
            <div className={styles.figure}>
              <dt>completed on time this quarter</dt>
              <dd className={styles.number}>
                {loaded.data.onTimePercent === null
                  ? 'nothing fell due'
                  : `${String(Math.round(loaded.data.onTimePercent))}%`}
              </dd>
            </div>
            <div className={styles.figure}>
              <dt>reviews due this quarter completed</dt>
              <dd className={styles.number}>
                {loaded.data.completed} of {loaded.data.expected}
              </dd>
            </div>
            <div className={styles.figure}>
              <dt>overdue now</dt>
              <dd className={styles.number}>{loaded.data.overdueCount}</dd>
            </div>
            <div className={styles.figure}>
              <dt>pay-step deferrals</dt>
              <dd className={styles.number}>{loaded.data.payDeferrals}</dd>
            </div>
          </dl>
          {note === null ? null : (
            <Text as="p" block>
              {note}
            </Text>
          )}
          <OverdueList figures={loaded.data} />
          <CompletionsDownload />
        </>
      ) : null}
    </section>
  );
};
