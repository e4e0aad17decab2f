import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { fetchLocalConfig, fetchLocalPeople, localToken, type LocalPerson, type LocalSession } from '../auth/local.ts';
import { ErrorNotice, Loading } from '../components/status.tsx';
import { useLoad } from '../use-load.ts';

const useStyles = makeStyles({
  main: { maxWidth: '48rem', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  list: { listStyle: 'none', padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  person: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const organisationOf = (p: LocalPerson): string => p.email.split('@')[1] ?? p.tenantId;

/** Local development only: choose a demo person and get a token from the local issuer. */
export const SignIn = ({
  win,
  baseUrl,
  onSignedIn,
}: {
  win: Window;
  baseUrl: string;
  onSignedIn: (s: LocalSession) => void;
}) => {
  const styles = useStyles();
  const fetchFn = (i: RequestInfo | URL, o?: RequestInit) => win.fetch(i, o);
  const [loaded, reload] = useLoad(
    async () => ({
      config: await fetchLocalConfig(fetchFn, baseUrl),
      people: await fetchLocalPeople(fetchFn, baseUrl),
    }),
    [baseUrl],
  );
  const [organisation, setOrganisation] = useState('');
  const [search, setSearch] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const people = loaded.state === 'ready' ? loaded.data.people : [];
  const organisations = useMemo(() => [...new Set(people.map(organisationOf))], [people]);
  const chosenOrg = organisation || organisations[0] || '';
  const wanted = search.trim().toLowerCase();
  const shown = people.filter(
    (p) =>
      organisationOf(p) === chosenOrg &&
      [p.displayName, ...p.situations].some((words) => words.toLowerCase().includes(wanted)),
  );

  const signIn = async (person: LocalPerson) => {
    if (loaded.state !== 'ready') return;
    setBusy(person.id);
    setFailure(null);
    try {
      await localToken(fetchFn, loaded.data.config, person);
      onSignedIn({ person, config: loaded.data.config });
    } catch (error) {
      setFailure(error);
      setBusy(null);
    }
  };

  return (
    <main className={styles.main}>
      <Text as="h1" size={700} weight="semibold" block>
        Sign in to Performance conversations
      </Text>
      <Text as="p" block>
        This is the local development sign-in. Choose a demo person to see the tab as they would.
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading demo people…" /> : null}
      {loaded.state === 'error' ? (
        <ErrorNotice title="Local sign-in is not available" error={loaded.error} onRetry={reload} />
      ) : null}
      {failure === null ? null : <ErrorNotice error={failure} />}
      {loaded.state === 'ready' ? (
        <>
          <div className={styles.filters}>
            <Field label="Organisation">
              <Select
                value={chosenOrg}
                onChange={(_, d) => {
                  setOrganisation(d.value);
                }}
              >
                {organisations.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Search by name or situation" hint="For example: probation, maternity, acting up, handover">
              <Input
                value={search}
                onChange={(_, d) => {
                  setSearch(d.value);
                }}
              />
            </Field>
          </div>
          <Text as="h2" size={500} weight="semibold" block>
            People ({shown.length})
          </Text>
          <ul className={styles.list}>
            {shown.map((p) => (
              <li key={p.id} className={styles.person}>
                <span>
                  <strong>{p.displayName}</strong> — {p.roles.length > 0 ? p.roles.join(', ') : 'colleague'}
                  {p.situations.length > 0 ? <>; {p.situations.join(', ')}</> : null}
                </span>
                <Button
                  appearance="primary"
                  disabled={busy !== null}
                  aria-label={`Sign in as ${p.displayName}`}
                  onClick={() => void signIn(p)}
                >
                  {busy === p.id ? 'Signing in…' : 'Sign in'}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </main>
  );
};
