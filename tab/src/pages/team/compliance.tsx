import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
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

export const Compliance = () => {
  const styles = useStyles();
  const { api, me } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('team.compliance', { params: { personId: me.person.id }, signal }),
    [api, me.person.id],
  );
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
              <dt>completed on time</dt>
              <dd className={styles.number}>
                {loaded.data.onTimePercent === null
                  ? 'nothing due'
                  : `${String(Math.round(loaded.data.onTimePercent))}%`}
              </dd>
            </div>
            <div className={styles.figure}>
              <dt>reviews completed</dt>
              <dd className={styles.number}>
                {loaded.data.completed} of {loaded.data.expected}
              </dd>
            </div>
            <div className={styles.figure}>
              <dt>pay-step deferrals</dt>
              <dd className={styles.number}>{loaded.data.payDeferrals}</dd>
            </div>
          </dl>
          {loaded.data.overdue.length === 0 ? null : (
            <ul aria-label="Overdue reviews">
              {loaded.data.overdue.map((o) => (
                <li key={`${o.employeeId}-${o.type}`}>
                  {o.displayName}: due {formatDate(o.dueDate)}
                </li>
              ))}
            </ul>
          )}
          <CompletionsDownload />
        </>
      ) : null}
    </section>
  );
};
