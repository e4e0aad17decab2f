import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { type BodyOf, ApiError, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

type ThemesBody = BodyOf<Routes['team.themes.put']>;
const LISTS = [
  ['trainingNeeds', 'Training needs'],
  ['systemNeeds', 'System needs'],
  ['resourcingNeeds', 'Resourcing needs'],
  ['otherThemes', 'Other themes'],
] as const;

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
});
const lines = (t: string) =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const currentQuarter = (today: string): string => {
  const [y, m] = today.split('-').map(Number);
  return `${y ?? ''} Q${Math.floor(((m ?? 1) - 1) / 3) + 1}`;
};

/** Policy 000 Team Themes: collective needs for the senior manager, never an individual's notes. */
export const ThemesForm = () => {
  const styles = useStyles();
  const { api, me, today } = useSession();
  const params = { personId: me.person.id };
  const [loaded, reload] = useLoad(
    async (signal) => {
      try {
        return await api.call('team.themes.get', { params, signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    [api, me.person.id],
  );
  return (
    <section className={styles.section} aria-labelledby="themes-h">
      <Text as="h2" id="themes-h" size={500} weight="semibold">
        Team Themes
      </Text>
      <Text as="p">
        When your team's reviews are done, record what the team needs as a whole. Your senior manager collates these for
        the service. Do not include anything about one person.
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading Team Themes…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? (
        <Editor
          key={loaded.data?.etag ?? 'new'}
          initial={loaded.data}
          period={loaded.data?.period ?? currentQuarter(today)}
          onSaved={reload}
        />
      ) : null}
    </section>
  );
};

const Editor = ({
  initial,
  period: initialPeriod,
  onSaved,
}: {
  initial: ThemesBody | null;
  period: string;
  onSaved: () => void;
}) => {
  const { api, me } = useSession();
  const [period, setPeriod] = useState(initialPeriod);
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(LISTS.map(([k]) => [k, (initial?.[k] ?? []).join('\n')])),
  );
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const save = async () => {
    setError(null);
    try {
      const body: ThemesBody = {
        period,
        summary,
        ...Object.fromEntries(LISTS.map(([k]) => [k, lines(text[k] ?? '')])),
      };
      await api.call('team.themes.put', { params: { personId: me.person.id }, body });
      setStatus('Team Themes saved.');
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      aria-labelledby="themes-h"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      style={{ display: 'grid', gap: tokens.spacingVerticalM }}
    >
      <LiveStatus message={status} />
      {error === null ? null : <ErrorNotice error={error} />}
      <Field label="Period" required>
        <Input
          value={period}
          onChange={(_, d) => {
            setPeriod(d.value);
          }}
        />
      </Field>
      {LISTS.map(([k, label]) => (
        <Field key={k} label={label} hint="One per line.">
          <Textarea
            value={text[k] ?? ''}
            onChange={(_, d) => {
              setText((t) => ({ ...t, [k]: d.value }));
            }}
          />
        </Field>
      ))}
      <Field label="Summary for your senior manager">
        <Textarea
          value={summary}
          onChange={(_, d) => {
            setSummary(d.value);
          }}
        />
      </Field>
      <div>
        <Button appearance="primary" type="submit">
          Save Team Themes
        </Button>
      </div>
    </form>
  );
};
