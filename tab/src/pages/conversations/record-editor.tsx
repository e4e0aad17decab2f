import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError, mayRecordHeld, type BodyOf, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { DateField } from '../../components/date-input.tsx';
import { formatDateTime } from '../../components/format.ts';
import { ErrorNotice, LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { ActionRows, actionsOut, type ActionDraft, type OwnerWords } from './action-rows.tsx';
import type { ConversationFull } from './types.ts';

type Patch = BodyOf<Routes['conversations.update']>;

const actionDrafts = (r: ConversationFull['record']): ActionDraft[] =>
  r.actionsAgreed.map((a) => ({ ...a, dueDate: a.dueDate ?? '' }));

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '48rem', marginTop: tokens.spacingVerticalXL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** Someone else saved first: who, when, and a way to carry on from their version without losing the typing. */
interface Conflict {
  readonly by: string;
  readonly at: string;
  readonly latest: ConversationFull;
}

/**
 * Writing up a booked or held conversation, or changing a saved one. Every save names the version
 * it started from (If-Match), so two people typing at once never overwrite each other unseen.
 */
export const RecordEditor = ({
  view,
  owners,
  names,
  onSaved,
  onLatest,
  onCancel,
}: {
  view: ConversationFull;
  owners: OwnerWords;
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
  // The version the form started from: what this person typed is whatever differs from it.
  const [base, setBase] = useState(view);
  const etag = base.etag;
  const [date, setDate] = useState(r.date);
  const [topics, setTopics] = useState<string[]>([...r.topics]);
  const [sections, setSections] = useState<Record<string, string>>({ ...r.sections });
  const [issues, setIssues] = useState(r.issuesRaised.join('\n'));
  const [actions, setActions] = useState<ActionDraft[]>(() => actionDrafts(r));
  const [notes, setNotes] = useState(r.notes);
  const [rating, setRating] = useState(r.rating?.value ?? '');
  const [shortfall, setShortfall] = useState(r.rating?.shortfall ?? '');
  const [bonus, setBonus] = useState(r.rating?.bonusRecommended ?? false);

  /** Their version in every field this person left alone; their own typing everywhere else. */
  const takeTheirs = (latest: ConversationFull) => {
    const was = base.record;
    const now = latest.record;
    const keep = <T,>(mine: T, before: T, theirs: T, set: (v: T) => void) => {
      if (JSON.stringify(mine) === JSON.stringify(before)) set(theirs);
    };
    keep(date, was.date, now.date, setDate);
    keep(topics, [...was.topics], [...now.topics], setTopics);
    keep(issues, was.issuesRaised.join('\n'), now.issuesRaised.join('\n'), setIssues);
    keep(notes, was.notes, now.notes, setNotes);
    keep(actions, actionDrafts(was), actionDrafts(now), setActions);
    setSections((mine) => {
      const ids = new Set([...Object.keys(mine), ...Object.keys(now.sections)]);
      return Object.fromEntries(
        [...ids].map((id) => [
          id,
          (mine[id] ?? '') === (was.sections[id] ?? '') ? (now.sections[id] ?? '') : (mine[id] ?? ''),
        ]),
      );
    });
    setBase(latest);
  };
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
        ifMatch: etag,
      });
      setBase(saved);
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
        <MessageBar intent="warning" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed by someone else</MessageBarTitle>
            {conflict.by} changed this record at {formatDateTime(conflict.at)}, after you opened it. Nothing you typed
            is lost: load their changes into the fields you have not touched, check the form, then save again.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                takeTheirs(conflict.latest);
                onLatest(conflict.latest);
                setStatus('Their changes are in; what you typed is still in the form. Save again to keep it.');
                setConflict(null);
              }}
            >
              Load their changes and keep my typing
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error === null ? null : <ErrorNotice error={error} />}
      <DateField
        label={r.status === 'booked' ? 'Date of the conversation' : 'Date you met'}
        required
        value={date}
        onChange={setDate}
        validationMessage={fieldError('date')}
      />
      {scheme && scheme.topics.length > 0 && r.type !== 'annual-review' ? (
        <fieldset>
          <legend>Topics you talked about (up to {maxTopics})</legend>
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
        </fieldset>
      ) : null}
      {reviewSections.map((s) => (
        <Field
          key={s.id}
          label={s.title}
          hint={
            s.timeSharePercent === undefined
              ? s.guidance
              : `${s.guidance} (About ${String(s.timeSharePercent)}% of the time.)`
          }
        >
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
      <ActionRows actions={actions} onChange={setActions} owners={owners} />
      <Field
        label="Notes"
        hint={`Only you and ${role === 'manager' ? owners.employee : owners.manager} can read these notes.`}
      >
        <Textarea
          rows={6}
          value={notes}
          onChange={(_, d) => {
            setNotes(d.value);
          }}
        />
      </Field>
      {rates ? (
        <fieldset>
          <legend>{scale.setBy === 'agreed' ? 'Agreed rating' : 'Your rating'}</legend>
          <Field label="Rating" validationMessage={fieldError('rating.value') ?? fieldError('rating')}>
            <Select
              value={rating}
              onChange={(_, d) => {
                setRating(d.value);
              }}
            >
              <option value="">Not rated yet</option>
              {scale.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
          {option === undefined ? null : (
            <Text as="p" block>
              {option.description}
            </Text>
          )}
          {option?.requiresShortfall === true ? (
            <Field label="How the performance fell short" required validationMessage={fieldError('rating.shortfall')}>
              <Textarea
                value={shortfall}
                onChange={(_, d) => {
                  setShortfall(d.value);
                }}
              />
            </Field>
          ) : null}
          {bonusOffered ? (
            <Checkbox
              label={`Recommend a bonus (${String(scale.bonus?.percentOfGradeRate ?? 0)}% of the grade rate) for exceptional performance`}
              checked={bonus}
              onChange={(_, d) => {
                setBonus(d.checked === true);
              }}
            />
          ) : null}
        </fieldset>
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
