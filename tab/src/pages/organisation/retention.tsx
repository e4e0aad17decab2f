import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useStep } from '../../components/use-step.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

type Kept = ResponseOf<Routes['retention.get']>['inKeeping'][number];

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const keptLine = ({ displayName, archive }: Kept): string =>
  `${displayName}: archived on ${formatDate(archive.archivedOn)}, kept until ${formatDate(archive.keepUntil)}` +
  (archive.keepingEndedOn === undefined
    ? ''
    : `. The keeping period ended on ${formatDate(archive.keepUntil)}: HR to decide what happens to these records`);

/**
 * Leavers' records under the scheme's rule (003 §6.1): the keeping period and who set it, the
 * leavers the daily run will archive (HR may archive them now), and the records in keeping.
 */
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
            {loaded.data.rule}
          </Text>
          <Text as="p" block>
            Archived records are kept for {loaded.data.period.explained} Nothing is deleted here.
          </Text>
          <LiveStatus message={status} />
          {notice}
          {loaded.data.waiting.length === 0 ? (
            <Text as="p" block>
              No leaver is waiting to be archived.
            </Text>
          ) : (
            <>
              <ul className={styles.list} aria-label="Leavers to archive">
                {loaded.data.waiting.map((p) => (
                  <li key={p.personId}>
                    {p.displayName}: left on {formatDate(p.leftOn)}
                  </li>
                ))}
              </ul>
              <Text as="p" block>
                They are archived to {loaded.data.archivedTo} at the next daily run, or now:
              </Text>
              <div>
                <Button
                  disabled={busy}
                  onClick={() =>
                    void run(
                      () => api.call('retention.archive', { body: {} }),
                      `Every leaver's records are now archived to ${loaded.data.archivedTo}.`,
                    )
                  }
                >
                  Archive leavers' records now
                </Button>
              </div>
            </>
          )}
          {loaded.data.inKeeping.length === 0 ? (
            <Text as="p" block>
              No leaver's records are archived yet.
            </Text>
          ) : (
            <ul className={styles.list} aria-label="Records in keeping">
              {loaded.data.inKeeping.map((p) => (
                <li key={p.personId}>{keptLine(p)}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
};
