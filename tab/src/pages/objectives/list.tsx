import { Badge, Button, Link, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useFirstScreen } from '../../api-home.ts';
import { formatDate, sentence } from '../../components/format.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor, navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { objectiveStatusText } from './draft.ts';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  list: { listStyle: 'none', padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  card: {
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
});

export const ObjectiveList = () => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const firstScreen = useFirstScreen();
  const [loaded, reload] = useLoad(
    async (signal) =>
      firstScreen === null
        ? await api.call('objectives.list', { params: { personId: me.person.id }, query: { pageSize: 100 }, signal })
        : { items: firstScreen.objectives },
    [api, me.person.id, firstScreen],
    firstScreen === null ? undefined : { items: firstScreen.objectives },
  );
  const kindTitle = (kind: string) => scheme?.objectiveKinds.find((k) => k.id === kind)?.title ?? sentence(kind);
  return (
    <>
      <div className={styles.top}>
        <Text as="h1" size={700} weight="semibold">
          My objectives
        </Text>
        <Button
          appearance="primary"
          onClick={() => {
            navigate('objectives', 'new');
          }}
        >
          Add an objective
        </Button>
      </div>
      {scheme?.objectiveRecording.mode === 'optional' ? <Text as="p">{scheme.objectiveRecording.note}</Text> : null}
      {loaded.state === 'loading' ? <Loading label="Loading your objectives…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
        <EmptyState title="You have no objectives yet">
          Agree objectives with your manager, then add each one here with “Add an objective”. We will check it is SMART
          as you type.
        </EmptyState>
      ) : null}
      {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
        <ul className={styles.list} aria-label="Objectives">
          {loaded.data.items.map((o) => (
            <li key={o.id} className={styles.card}>
              <Text as="h2" size={500} weight="semibold">
                <Link href={hrefFor('objectives', o.id)}>{o.title}</Link>
              </Text>
              <span>
                <Badge appearance="outline">{kindTitle(o.kind)}</Badge>{' '}
                <Badge appearance="tint">{objectiveStatusText(o.status, true)}</Badge>{' '}
                {o.targetDate === undefined ? null : <Text>Target: {formatDate(o.targetDate)}</Text>}
              </span>
              <ProgressBar value={o.progress / 100} thickness="large" aria-label={`Progress on ${o.title}`} />
              <Text size={200}>{o.progress}% done</Text>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
};
