import {
  Button,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, type BodyOf, type ResponseOf, type Routes } from '@pc/core/api';
import {
  DEFAULT_FEEDBACK_VISIBILITY,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_VISIBILITIES,
  FEEDBACK_VISIBILITY_LABELS,
  FORM_FEEDBACK_KINDS,
} from '@pc/core/feedback';
import { useState } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import type { Person } from './load.ts';

type FeedbackBody = BodyOf<Routes['feedback.create']>;
type Kind = FeedbackBody['kind'];
type Visibility = FeedbackBody['visibility'];
export type Logged = ResponseOf<Routes['feedback.create']>;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

const newKey = (): string => crypto.randomUUID();

/**
 * Logs an in-the-moment note about the reader or a colleague they work with. One key per note:
 * pressing the button again after a lost reply sends the same Idempotency-Key, so nothing is stored twice.
 */
export const NoteForm = ({
  colleagues,
  onLogged,
}: {
  colleagues: readonly Person[];
  onLogged: (note: Logged) => void;
}) => {
  const styles = useStyles();
  const { api, me } = useSession();
  const [subjectId, setSubjectId] = useState(me.person.id);
  const [kind, setKind] = useState<Kind | ''>('');
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(DEFAULT_FEEDBACK_VISIBILITY);
  const [addToAgenda, setAddToAgenda] = useState(false);
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const fieldError = (path: string) => (error instanceof ApiError ? error.detailFor(path) : undefined);
  const aboutSelf = subjectId === me.person.id;
  const subjectName = colleagues.find((c) => c.id === subjectId)?.displayName ?? 'your';
  const agendaLabel = aboutSelf
    ? 'Add to the agenda of your next regular conversation'
    : `Add to the agenda of ${subjectName}'s next regular conversation`;
  const agendaShared = visibility !== 'subject-only';

  const save = async () => {
    const missing = [
      ...(kind === '' ? [{ path: 'kind', message: 'Choose what kind of note this is.' }] : []),
      ...(text.trim() === '' ? [{ path: 'text', message: 'Write what happened.' }] : []),
    ];
    if (missing.length > 0) {
      setError(new ApiError(400, 'validation', 'Some fields need another look.', { details: missing }));
      return;
    }
    setSaving(true);
    setError(null);
    const agendaAsked = agendaShared && addToAgenda;
    try {
      const body = { subjectId, kind, text, visibility, addToAgenda: agendaAsked } as FeedbackBody;
      const logged = await api.call('feedback.create', { body, idempotencyKey: key });
      setText('');
      setKind('');
      setAddToAgenda(false);
      setKey(newKey());
      onLogged(logged);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      noValidate
      className={styles.form}
      aria-label="Log a note"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error === null ? null : <ErrorNotice error={error} />}
      <Field label="Who it is about" required validationMessage={fieldError('subjectId')}>
        <Select
          value={subjectId}
          onChange={(_, d) => {
            setSubjectId(d.value);
          }}
        >
          <option value={me.person.id}>Myself</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="What kind" required validationMessage={fieldError('kind')}>
        <RadioGroup
          value={kind}
          onChange={(_, d) => {
            setKind(d.value as Kind);
          }}
        >
          {FORM_FEEDBACK_KINDS.map((k) => (
            <Radio key={k} value={k} label={FEEDBACK_KIND_LABELS[k]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="What happened"
        required
        validationMessage={fieldError('text')}
        hint={`A few sentences, up to ${String(FEEDBACK_TEXT_MAX)} characters.`}
      >
        <Textarea
          value={text}
          maxLength={FEEDBACK_TEXT_MAX}
          resize="vertical"
          onChange={(_, d) => {
            setText(d.value);
          }}
        />
      </Field>
      <Field label="Who can see it" required validationMessage={fieldError('visibility')}>
        <RadioGroup
          value={visibility}
          onChange={(_, d) => {
            setVisibility(d.value as Visibility);
          }}
        >
          {FEEDBACK_VISIBILITIES.map((v) => (
            <Radio key={v} value={v} label={FEEDBACK_VISIBILITY_LABELS[v]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        validationMessage={fieldError('addToAgenda')}
        hint={
          agendaShared
            ? undefined
            : 'An agenda is shared with the line manager, so a note only the person can see stays off it.'
        }
      >
        <Checkbox
          label={agendaLabel}
          checked={agendaShared && addToAgenda}
          disabled={!agendaShared}
          onChange={(_, d) => {
            setAddToAgenda(d.checked === true);
          }}
        />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Logging…' : 'Log the note'}
        </Button>
      </div>
    </form>
  );
};
