import { Button, Checkbox, Field, Link, Select, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { conversationLabel, mayRecordHeld, ApiError } from '@pc/core/api';
import { DateField } from '../../components/date-input.tsx';
import { firstNameOf, usePersonName } from '../../components/people.ts';
import { ErrorNotice } from '../../components/status.tsx';
import { hrefFor, navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { ActionRows, actionsOut, ownerWords, type ActionDraft } from './action-rows.tsx';
import { FrequencyField, frequencyOut } from './frequency-field.tsx';
import { RECORD_TYPES, type ConversationBody, type RecordType } from './types.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '48rem' },
  topics: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))' },
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

export const RecordConversation = ({ personId }: { personId?: string }) => {
  const styles = useStyles();
  const { api, me, scheme, today } = useSession();
  const subject = personId ?? me.person.id;
  // The formal reviews are recorded by the manager; a colleague writes up only what they may (004).
  const role = subject === me.person.id ? 'employee' : 'manager';
  const colleague = usePersonName(role === 'manager' ? subject : undefined);
  const managerName = usePersonName(role === 'employee' ? me.managerIds[0] : undefined);
  const other = role === 'manager' ? colleague : managerName;
  const otherFirst = other === undefined ? undefined : firstNameOf(other);
  const types = (
    scheme ? RECORD_TYPES.filter((t) => scheme.conversations.some((c) => c.type === t)) : RECORD_TYPES
  ).filter((t) => mayRecordHeld(role, t));
  const [type, setType] = useState<RecordType>(types[0] ?? 'regular');
  const [date, setDate] = useState(today);
  const [topics, setTopics] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const [issues, setIssues] = useState('');
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [sections, setSections] = useState<Record<string, string>>({});
  const [frequency, setFrequency] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const maxTopics = scheme?.topicsPerConversation.max ?? 6;
  const reviewSections = type === 'annual-review' ? (scheme?.annualReview?.sections ?? []) : [];
  const fieldError = (path: string) => (error instanceof ApiError ? error.detailFor(path) : undefined);

  const save = async () => {
    setSaving(true);
    setError(null);
    const body: ConversationBody = {
      type,
      date,
      topics,
      notes,
      issuesRaised: lines(issues),
      actionsAgreed: actionsOut(actions),
      sections: Object.fromEntries(Object.entries(sections).filter(([, v]) => v.trim() !== '')),
      ...frequencyOut(frequency),
    };
    try {
      const saved = await api.call('conversations.create', { params: { personId: subject }, body });
      navigate('conversations', saved.record.employeeId, saved.record.id);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  return (
    <>
      <Text as="h1" size={700} weight="semibold">
        {role === 'manager' && colleague !== undefined
          ? `Record a conversation with ${colleague}`
          : 'Record a conversation'}
      </Text>
      <p>
        <Link href={role === 'manager' ? hrefFor('conversations', subject) : hrefFor('conversations')}>
          Back without saving
        </Link>
      </p>
      <form
        className={styles.form}
        aria-label="Record a conversation"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {error === null ? null : <ErrorNotice error={error} />}
        <Field label="Type of conversation" required>
          <Select
            value={type}
            onChange={(_, d) => {
              setType(d.value as RecordType);
            }}
          >
            {types.map((t) => (
              <option key={t} value={t}>
                {conversationLabel(t, scheme)}
              </option>
            ))}
          </Select>
        </Field>
        <DateField
          label="Date you met"
          required
          value={date}
          onChange={setDate}
          validationMessage={fieldError('date')}
        />
        {scheme && scheme.topics.length > 0 ? (
          <fieldset>
            <legend>Topics you talked about (up to {maxTopics})</legend>
            {scheme.strengthsFirst ? (
              <Text as="p" block>
                Start with what is going well.
              </Text>
            ) : null}
            <div className={styles.topics}>
              {scheme.topics.map((t) => (
                <Checkbox
                  key={t.id}
                  label={t.title}
                  checked={topics.includes(t.id)}
                  disabled={!topics.includes(t.id) && topics.length >= maxTopics}
                  onChange={(_, d) => {
                    setTopics((ts) => (d.checked === true ? [...ts, t.id] : ts.filter((x) => x !== t.id)));
                  }}
                />
              ))}
            </div>
          </fieldset>
        ) : null}
        {reviewSections.map((s) => (
          <Field key={s.id} label={s.title} hint={s.guidance}>
            <Textarea
              rows={4}
              value={sections[s.id] ?? ''}
              onChange={(_, d) => {
                setSections((all) => ({ ...all, [s.id]: d.value }));
              }}
            />
          </Field>
        ))}
        <Field
          label="Issues raised"
          hint="One per line. This, with the actions agreed, is the minimum record."
          validationMessage={fieldError('issuesRaised')}
        >
          <Textarea
            rows={4}
            value={issues}
            onChange={(_, d) => {
              setIssues(d.value);
            }}
          />
        </Field>
        <ActionRows actions={actions} onChange={setActions} owners={ownerWords(role === 'employee', otherFirst)} />
        <FrequencyField
          role={role}
          other={otherFirst}
          value={frequency}
          onChange={setFrequency}
          validationMessage={fieldError('agreedRegularEveryWeeks')}
        />
        <Field
          label="Notes"
          hint={`Only you and ${otherFirst ?? (role === 'manager' ? 'the colleague' : 'your manager')} can read these notes.`}
        >
          <Textarea
            rows={6}
            value={notes}
            onChange={(_, d) => {
              setNotes(d.value);
            }}
          />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save the record'}
          </Button>
        </div>
      </form>
    </>
  );
};
