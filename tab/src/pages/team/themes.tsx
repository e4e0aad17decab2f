import { Button, Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { BodyOf, ResponseOf, Routes } from '@pc/core/api';
import { useState } from 'react';
import { quarterOf } from '../../components/format.ts';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

type ThemesBody = BodyOf<Routes['team.themes.put']>;
type ThemesStored = ResponseOf<Routes['team.themes.put']>;
const LISTS = [
  ['trainingNeeds', 'Training needs'],
  ['systemNeeds', 'System needs'],
  ['resourcingNeeds', 'Resourcing needs'],
  ['otherThemes', 'Other themes'],
] as const;

const SUMMARY = 'Summary for your senior manager';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
});
const lines = (t: string) =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Each heading's prompt as the organisation worded it (the administrator's Team Themes template). */
const usePrompts = (): ReadonlyMap<string, string> => {
  const { scheme } = useSession();
  return new Map((scheme?.teamThemes?.headings ?? []).map((h) => [h.id, h.prompt]));
};

/** The heading's prompt under its label (unless it only repeats the label), then how to fill it in. */
const hintOf = (label: string, prompt: string | undefined, rest: string): string | undefined => {
  const asked = prompt?.replace(/[.:\s]+$/, '') ?? '';
  const text = [asked === '' || asked.toLowerCase() === label.toLowerCase() ? '' : `${asked}.`, rest];
  return text.filter(Boolean).join(' ') || undefined;
};

/** Policy 000 Team Themes: collective needs for the senior manager, never an individual's notes. */
export const ThemesForm = () => {
  const styles = useStyles();
  const { api, me, today } = useSession();
  const params = { personId: me.person.id };
  const [loaded, reload] = useLoad(
    async (signal) => await api.call('team.themes.get', { params, signal }),
    [api, me.person.id],
  );
  // Kept here, not in the editor: the editor is remounted with the saved version.
  const [status, setStatus] = useState('');
  return (
    <section className={styles.section} aria-labelledby="themes-h">
      <Text as="h2" block id="themes-h" size={500} weight="semibold">
        Team Themes
      </Text>
      <Text as="p" block>
        When your team's reviews are done, record what the team needs as a whole. Your senior manager collates these for
        the service. Do not include anything about one person.
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading Team Themes…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      <LiveStatus message={status} />
      {loaded.state === 'ready' ? (
        <Editor
          key={loaded.data?.etag ?? 'new'}
          initial={loaded.data}
          period={loaded.data?.period ?? quarterOf(today)}
          onSaved={(saved) => {
            setStatus(`Team Themes for ${saved.period} saved. Your senior manager can read them.`);
            reload();
          }}
          onEdit={() => {
            setStatus('');
          }}
        />
      ) : null}
    </section>
  );
};

const Editor = ({
  initial,
  period: initialPeriod,
  onSaved,
  onEdit,
}: {
  initial: ThemesStored | null;
  period: string;
  onSaved: (saved: ThemesStored) => void;
  onEdit: () => void;
}) => {
  const { api, me } = useSession();
  const [period, setPeriod] = useState(initialPeriod);
  const [text, setText] = useState<Record<string, string>>(() =>
    Object.fromEntries(LISTS.map(([k]) => [k, (initial?.[k] ?? []).join('\n')])),
  );
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const prompts = usePrompts();
  const [error, setError] = useState<unknown>(null);
  const [emptyError, setEmptyError] = useState('');
  const save = async () => {
    setError(null);
    const body: ThemesBody = {
      period: period.trim(),
      summary: summary.trim(),
      ...Object.fromEntries(LISTS.map(([k]) => [k, lines(text[k] ?? '')])),
    };
    if (body.period === '') {
      setEmptyError('Give the period these themes cover, for example 2027-Q2.');
      return;
    }
    if (body.summary === '' && LISTS.every(([k]) => (body[k] ?? []).length === 0)) {
      setEmptyError('Write at least one theme or a summary before saving.');
      return;
    }
    setEmptyError('');
    try {
      // The version loaded: without it the server would try to create the themes again.
      const saved = await api.call('team.themes.put', {
        params: { personId: me.person.id },
        body,
        ...(initial === null ? {} : { ifMatch: initial.etag }),
      });
      onSaved(saved);
    } catch (e) {
      setError(e);
    }
  };
  const edited = () => {
    setEmptyError('');
    onEdit();
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
      {error === null ? null : <ErrorNotice error={error} />}
      {emptyError === '' ? null : (
        <Text as="p" block role="alert">
          {emptyError}
        </Text>
      )}
      <Field label="Period" required>
        <Input
          value={period}
          onChange={(_, d) => {
            setPeriod(d.value);
            edited();
          }}
        />
      </Field>
      {LISTS.map(([k, label]) => (
        <Field key={k} label={label} hint={hintOf(label, prompts.get(k), 'One per line.')}>
          <Textarea
            value={text[k] ?? ''}
            onChange={(_, d) => {
              setText((t) => ({ ...t, [k]: d.value }));
              edited();
            }}
          />
        </Field>
      ))}
      <Field label={SUMMARY} hint={hintOf(SUMMARY, prompts.get('summary'), '')}>
        <Textarea
          value={summary}
          onChange={(_, d) => {
            setSummary(d.value);
            edited();
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
