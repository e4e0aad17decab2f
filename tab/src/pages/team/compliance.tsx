import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatDate } from '../../components/format.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  figures: { display: 'flex', gap: tokens.spacingHorizontalXXL, flexWrap: 'wrap', margin: 0 },
  figure: { display: 'flex', flexDirection: 'column-reverse' },
  number: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

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
        </>
      ) : null}
    </section>
  );
};
