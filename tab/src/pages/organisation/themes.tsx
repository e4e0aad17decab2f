import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { formatDate } from '../../components/format.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

type Themes = ResponseOf<Routes['organisation.themes']>;
type Collated = Themes['training'];

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '56rem' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

const KINDS: readonly [keyof Pick<Themes, 'training' | 'systems' | 'resourcing' | 'other'>, string][] = [
  ['training', 'Training needs'],
  ['systems', 'Systems needs'],
  ['resourcing', 'Resourcing needs'],
  ['other', 'Other themes'],
];

const ThemeList = ({ title, items }: { title: string; items: Collated }) => {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <>
      <Text as="h3" block size={400} weight="semibold">
        {title}
      </Text>
      <ul className={styles.list} aria-label={title}>
        {items.map((t) => (
          <li key={t.text}>
            {t.text}: raised by {t.managers.join(', ')}
          </li>
        ))}
      </ul>
    </>
  );
};

/** Policy 000 Team Themes from the managers in view, collated: the needs only, never a note. */
export const OrganisationThemes = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [loaded, reload] = useLoad(async (signal) => api.call('organisation.themes', { signal }), [api]);
  return (
    <section className={styles.section} aria-labelledby="org-themes-h">
      <Text as="h2" block id="org-themes-h" size={500} weight="semibold">
        Team Themes
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading Team Themes…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.managers.length === 0 ? (
        <EmptyState title="No Team Themes yet">
          Managers record their team's themes once the team's reviews are done; they are collated here.
        </EmptyState>
      ) : null}
      {loaded.state === 'ready' && loaded.data.managers.length > 0 ? (
        <>
          <Text as="p" block>
            From {loaded.data.managers.length === 1 ? 'one manager' : `${String(loaded.data.managers.length)} managers`}
            :{' '}
            {loaded.data.managers
              .map((m) => `${m.displayName} (${m.period}, ${formatDate(m.updatedAt.slice(0, 10))})`)
              .join('; ')}
            .
          </Text>
          {KINDS.map(([kind, title]) => (
            <ThemeList key={kind} title={title} items={loaded.data[kind]} />
          ))}
        </>
      ) : null}
    </section>
  );
};
