import {
  Button,
  Field,
  Link,
  ProgressBar,
  SpinButton,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '@pc/core/api';
import { formatDate, formatDateTime, sentence } from '../../components/format.ts';
import { EmptyState, ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { hrefFor, navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { ALIGNMENT_LEVELS, SUPPORT_KINDS, objectiveStatusText, type Objective } from './draft.ts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

export const ObjectiveDetail = ({ objectiveId }: { objectiveId: string }) => {
  const { api, me } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('objectives.get', { params: { personId: me.person.id, objectiveId }, signal }),
    [api, me.person.id, objectiveId],
  );
  if (loaded.state === 'loading') return <Loading label="Loading the objective…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  return <ObjectiveView objective={loaded.data} reload={reload} />;
};

const ObjectiveView = ({ objective: o, reload }: { objective: Objective; reload: () => void }) => {
  const styles = useStyles();
  const { scheme } = useSession();
  const kind = scheme?.objectiveKinds.find((k) => k.id === o.kind)?.title ?? sentence(o.kind);
  return (
    <article>
      <p>
        <Link href={hrefFor('objectives')}>All my objectives</Link>
      </p>
      <Text as="h1" size={700} weight="semibold">
        {o.title}
      </Text>
      {o.description === '' ? null : (
        <Text as="p" block>
          {o.description}
        </Text>
      )}
      <dl className={styles.facts}>
        <dt>Kind</dt>
        <dd>{kind}</dd>
        <dt>Status</dt>
        <dd>{objectiveStatusText(o.status, true)}</dd>
        <dt>Horizon</dt>
        <dd>{sentence(o.horizon)} term</dd>
        <dt>Target date</dt>
        <dd>{o.targetDate === undefined ? 'Not set' : formatDate(o.targetDate)}</dd>
        <dt>Support</dt>
        <dd>
          {o.support.length === 0
            ? 'None asked for'
            : o.support.map((s) => SUPPORT_KINDS.find((k) => k.value === s)?.label ?? s).join(', ')}
        </dd>
        <dt>Progress</dt>
        <dd>
          <ProgressBar value={o.progress / 100} thickness="large" aria-label="Progress" /> {o.progress}%
        </dd>
      </dl>
      <div>
        <Button
          onClick={() => {
            navigate('objectives', o.id, 'edit');
          }}
        >
          Edit objective
        </Button>
      </div>
      <section className={styles.section} aria-labelledby="ms-h">
        <Text as="h2" id="ms-h" size={500} weight="semibold">
          Milestones
        </Text>
        {o.milestones.length === 0 ? (
          <Text>No milestones.</Text>
        ) : (
          <ul>
            {o.milestones.map((m) => (
              <li key={m.id}>
                {m.title}
                {m.dueDate === undefined ? '' : ` — due ${formatDate(m.dueDate)}`}
                {m.doneOn === undefined ? '' : ` (done ${formatDate(m.doneOn)})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby="me-h">
        <Text as="h2" id="me-h" size={500} weight="semibold">
          Measures and alignment
        </Text>
        <ul>
          {o.measures.map((m, i) => (
            <li key={`m${i}`}>
              {sentence(m.kind)}: {m.text}
            </li>
          ))}
          {o.alignment.map((a, i) => (
            <li key={`a${i}`}>
              Supports the {ALIGNMENT_LEVELS.find((l) => l.value === a.level)?.label ?? a.level}: {a.reference}
            </li>
          ))}
          {o.measures.length + o.alignment.length === 0 ? <li>None recorded yet.</li> : null}
        </ul>
      </section>
      <section className={styles.section} aria-labelledby="hist-h">
        <Text as="h2" id="hist-h" size={500} weight="semibold">
          Progress history
        </Text>
        {o.progressNotes.length === 0 ? (
          <EmptyState title="No progress recorded yet">
            Record progress below, or talk it through in your next conversation with your manager.
          </EmptyState>
        ) : (
          <ol>
            {[...o.progressNotes].reverse().map((n, i) => (
              <li key={i}>
                <strong>{formatDateTime(n.at)}</strong>
                {n.percent === undefined ? '' : ` — ${n.percent}%`}
                {n.conversationId === undefined ? '' : ' (in a conversation)'}: {n.text}
              </li>
            ))}
          </ol>
        )}
        <ProgressForm objective={o} reload={reload} />
      </section>
    </article>
  );
};

const ProgressForm = ({ objective: o, reload }: { objective: Objective; reload: () => void }) => {
  const styles = useStyles();
  const { api, me } = useSession();
  const [percent, setPercent] = useState(o.progress);
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const save = async () => {
    setError(null);
    try {
      await api.call('objectives.update', {
        params: { personId: me.person.id, objectiveId: o.id },
        body: { progress: percent, ...(note.trim() === '' ? {} : { progressNote: note.trim() }) },
        ifMatch: o.etag,
      });
      setStatus('Progress saved.');
      setNote('');
      reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      className={styles.form}
      aria-labelledby="prog-h"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Text as="h3" id="prog-h" size={400} weight="semibold">
        Record progress
      </Text>
      <LiveStatus message={status} />
      {error === null ? null : (
        <ErrorNotice error={error} {...(error instanceof ApiError && error.isConflict ? { onRetry: reload } : {})} />
      )}
      <Field label="Per cent done">
        <SpinButton
          min={0}
          max={100}
          step={5}
          value={percent}
          onChange={(_, d) => {
            const v = d.value ?? Number(d.displayValue);
            if (Number.isFinite(v)) setPercent(Math.max(0, Math.min(100, Math.round(v))));
          }}
        />
      </Field>
      <Field label="What has happened since last time">
        <Textarea
          value={note}
          onChange={(_, d) => {
            setNote(d.value);
          }}
        />
      </Field>
      <div>
        <Button type="submit" appearance="primary">
          Save progress
        </Button>
      </div>
    </form>
  );
};
