import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useStep } from '../../components/use-step.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** HR archives leavers' records to their keeping under the scheme's rule; nothing is deleted (003 §6.1). */
export const Retention = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('retention.get', { signal }), [api]);
  const { run, busy, notice, status } = useStep(reload);
  return (
    <section className={styles.section} aria-labelledby="retention-h">
      <Text as="h2" id="retention-h" block size={500} weight="semibold">
        Leavers' records
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading the leavers' records…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <>
          <Text as="p" block>
            {loaded.data.rule} Archived records are kept for at least {loaded.data.keepYears} years and never deleted
            here.
          </Text>
          <LiveStatus message={status} />
          {notice}
          <div>
            <Button
              disabled={busy}
              onClick={() =>
                void run(
                  () => api.call('retention.archive', { body: {} }),
                  "Every leaver's records are now in HR's keeping.",
                )
              }
            >
              Archive leavers' records now
            </Button>
          </div>
          {loaded.data.inKeeping.length === 0 ? (
            <Text as="p" block>
              No leaver's records are archived yet.
            </Text>
          ) : (
            <ul className={styles.list} aria-label="Records in HR's keeping">
              {loaded.data.inKeeping.map((p) => (
                <li key={p.personId}>
                  {p.displayName}: archived on {formatDate(p.archive.archivedOn)}, kept until at least{' '}
                  {formatDate(p.archive.keepUntil)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
};
