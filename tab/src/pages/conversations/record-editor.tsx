import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, mayRecordHeld, type BodyOf, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { DateField } from '../../components/date-input.tsx';
import { ErrorNotice, LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { ActionRows, actionsOut, type OwnerWords } from './action-rows.tsx';
import { ConflictNotice, type Conflict } from './conflict-notice.tsx';
import { FrequencyField, frequencyOut } from './frequency-field.tsx';
import { ReviewSectionFields, TopicChoices } from './discussion-fields.tsx';
import { RatingFields } from './rating-fields.tsx';
import { useRecordDraft } from './record-draft.ts';
import type { ConversationFull } from './types.ts';

type Patch = BodyOf<Routes['conversations.update']>;

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '48rem', marginTop: tokens.spacingVerticalXL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/**
 * Writing up a booked or held conversation, or changing a saved one. Every save names the version
 * it started from (If-Match), so two people typing at once never overwrite each other unseen.
 */
export const RecordEditor = ({
  view,
  owners,
  other,
  names,
  onSaved,
  onLatest,
  onCancel,
}: {
  view: ConversationFull;
  owners: OwnerWords;
  /** The other person's first name, once loaded. */
  other?: string | undefined;
  /** Display names by person id, for saying who changed the record. */
  names: Readonly<Record<string, string>>;
  onSaved: (saved: ConversationFull, message: string) => void;
  /** Show the version someone else saved, leaving this form (and its typing) as it is. */
  onLatest: (latest: ConversationFull) => void;
  onCancel?: () => void;
}) => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const r = view.record;
  const role = r.employeeId === me.person.id ? 'employee' : 'manager';
  const draft = useRecordDraft(view);
  const { date, topics, sections, issues, actions, notes, rating, shortfall, bonus, frequency } = draft;
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const scale = scheme?.ratingScale;
  // The rating is the line manager's to give (002 manager's recommendation; 003 agreed rating entered by the manager).
  const rates = role === 'manager' && scale !== undefined && r.type === 'annual-review';
  const option = scale?.options.find((o) => o.value === rating);
  const bonusOffered = scale?.bonus !== undefined && scale.bonus.eligibleRatings.includes(rating);
  const reviewSections = r.type === 'annual-review' ? (scheme?.annualReview?.sections ?? []) : [];
  const maxTopics = scheme?.topicsPerConversation.max ?? 6;
  const fieldError = (path: string) => (error instanceof ApiError ? error.detailFor(path) : undefined);

  const save = async (markHeld: boolean) => {
    setBusy(true);
    setError(null);
    setStatus('');
    const body: Patch = {
      date,
      topics,
      sections: Object.fromEntries(Object.entries(sections).filter(([, v]) => v.trim() !== '')),
      notes,
      issuesRaised: lines(issues),
      actionsAgreed: actionsOut(actions),
      ...frequencyOut(frequency),
      ...(markHeld ? { status: 'held' as const } : {}),
      ...(rates && rating !== ''
        ? {
            rating: {
              value: rating,
              ...(option?.requiresShortfall === true && shortfall.trim() !== '' ? { shortfall: shortfall.trim() } : {}),
              ...(bonusOffered ? { bonusRecommended: bonus } : {}),
            },
          }
        : {}),
    };
    try {
      const saved = await api.call('conversations.update', {
        params: { personId: r.employeeId, conversationId: r.id },
        body,
        ifMatch: draft.etag,
      });
      draft.setBase(saved);
      setConflict(null);
      onSaved(saved, markHeld ? 'Saved, and marked as held. You can now both agree the record.' : 'Saved.');
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) {
        await explainConflict(e);
      } else {
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const explainConflict = async (e: ApiError) => {
    try {
      const latest = await api.call('conversations.get', { params: { personId: r.employeeId, conversationId: r.id } });
      if (latest.kind !== 'full') throw e;
      const by = latest.record.updatedBy;
      setConflict({
        by: by === undefined ? 'Someone' : by === me.person.id ? 'You (in another window)' : (names[by] ?? 'Someone'),
        at: latest.record.updatedAt,
        latest,
      });
    } catch {
      setError(e);
    }
  };

  const heldAllowed = r.status === 'booked' && mayRecordHeld(role, r.type);
  return (
    <form
      className={styles.form}
      aria-labelledby="edit-h"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <Text as="h2" id="edit-h" size={500} weight="semibold">
        {r.status === 'booked' ? 'Write up the conversation' : 'Change the record'}
      </Text>
      {r.status === 'agreed' ? (
        <Text as="p" block>
          This record has been agreed. If you change it, you will both be asked to agree it again.
        </Text>
      ) : null}
      <LiveStatus message={status} />
      {conflict === null ? null : (
        <ConflictNotice
          conflict={conflict}
          onLoad={() => {
            draft.takeTheirs(conflict.latest);
            onLatest(conflict.latest);
            setStatus('Their changes are in; what you typed is still in the form. Save again to keep it.');
            setConflict(null);
          }}
        />
      )}
      {error === null ? null : <ErrorNotice error={error} />}
      <DateField
        label={r.status === 'booked' ? 'Date of the conversation' : 'Date you met'}
        required
        value={date}
        onChange={draft.setDate}
        validationMessage={fieldError('date')}
      />
      {scheme && scheme.topics.length > 0 && r.type !== 'annual-review' ? (
        <TopicChoices choices={scheme.topics} max={maxTopics} topics={topics} setTopics={draft.setTopics} />
      ) : null}
      <ReviewSectionFields reviewSections={reviewSections} sections={sections} setSections={draft.setSections} />
      <Field
        label="Issues raised"
        hint="One per line. This, with the actions agreed, is the minimum record."
        validationMessage={fieldError('issuesRaised')}
      >
        <Textarea
          rows={4}
          value={issues}
          onChange={(_, d) => {
            draft.setIssues(d.value);
          }}
        />
      </Field>
      <ActionRows actions={actions} onChange={draft.setActions} owners={owners} />
      <FrequencyField
        role={role}
        other={other}
        value={frequency}
        onChange={draft.setFrequency}
        validationMessage={fieldError('agreedRegularEveryWeeks')}
      />
      <Field
        label="Notes"
        hint={`Only you and ${role === 'manager' ? owners.employee : owners.manager} can read these notes.`}
      >
        <Textarea
          rows={6}
          value={notes}
          onChange={(_, d) => {
            draft.setNotes(d.value);
          }}
        />
      </Field>
      {rates ? (
        <RatingFields
          scale={scale}
          option={option}
          bonusOffered={bonusOffered}
          rating={rating}
          onRating={draft.setRating}
          shortfall={shortfall}
          onShortfall={draft.setShortfall}
          bonus={bonus}
          onBonus={draft.setBonus}
          fieldError={fieldError}
        />
      ) : null}
      <div className={styles.buttons}>
        <Button appearance={heldAllowed ? 'secondary' : 'primary'} type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </Button>
        {heldAllowed ? (
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => {
              void save(true);
            }}
          >
            Save and mark as held
          </Button>
        ) : null}
        {onCancel === undefined ? null : (
          <Button appearance="subtle" onClick={onCancel}>
            Stop changing
          </Button>
        )}
      </div>
    </form>
  );
};
