import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ApiError } from '@pc/core/api';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { ErrorNotice } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import {
  bodyOf,
  CADENCES,
  cadenceLabel,
  draftOf,
  NUDGE_LABELS,
  quietHoursText,
  WEEKDAYS,
  type NudgeKind,
  type SettingsDraft,
  type SettingsView,
} from './draft.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalL, maxWidth: '40rem' },
  group: { display: 'grid', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  times: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
});

const KINDS = Object.keys(NUDGE_LABELS) as NudgeKind[];

/** Only the person changes their settings, so a conflict means another window or a check-in card's snooze. */
const ConflictNotice = ({ onReload }: { onReload: () => void }) => (
  <MessageBar intent="warning" role="alert" layout="multiline">
    <MessageBarBody>
      <MessageBarTitle>Your settings changed elsewhere</MessageBarTitle>
      They were saved from another window, or a check-in was snoozed, since this page loaded. Nothing was saved here:
      reload to see them, then make your change again.
    </MessageBarBody>
    <MessageBarActions>
      <Button onClick={onReload}>Reload</Button>
    </MessageBarActions>
  </MessageBar>
);

interface Props {
  readonly view: SettingsView;
  readonly onSaved: (view: SettingsView) => void;
  /** After a conflict: load what was saved meanwhile. */
  readonly onReload: () => void;
}

/** Which nudges the reader gets and where, how often a check-in comes, their own quiet hours, and named deck answers. */
export const SettingsForm = ({ view, onSaved, onReload }: Props) => {
  const styles = useStyles();
  const { api } = useSession();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(view));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setDraft(draftOf(view));
    setError(null);
  }, [view]);
  const set = (change: Partial<SettingsDraft>) => {
    setDraft({ ...draft, ...change });
  };
  const save = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('me.settings.put', { body: bodyOf(draft), ifMatch: view.etag }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={styles.form} aria-label="My settings" onSubmit={(e) => void save(e)}>
      <fieldset className={styles.group}>
        <legend>
          <Text weight="semibold">Nudges I get</Text>
        </legend>
        {KINDS.map((kind) => (
          <Field key={kind} hint={NUDGE_LABELS[kind].hint}>
            <Checkbox
              label={NUDGE_LABELS[kind].label}
              checked={draft.nudges[kind]}
              onChange={(_, d) => {
                set({ nudges: { ...draft.nudges, [kind]: d.checked === true } });
              }}
            />
          </Field>
        ))}
      </fieldset>
      <Field
        label="Where nudges reach me"
        hint={
          view.activityFeedAvailable
            ? 'The activity feed shows a short line that opens the app; the chat shows the whole card.'
            : 'The Teams activity feed is not available in your organisation yet.'
        }
      >
        <RadioGroup
          value={draft.channel}
          onChange={(_, d) => {
            set({ channel: d.value === 'activity-feed' ? 'activity-feed' : 'chat' });
          }}
        >
          <Radio value="chat" label="A chat message from the app" />
          <Radio value="activity-feed" label="The Teams activity feed" disabled={!view.activityFeedAvailable} />
        </RadioGroup>
      </Field>
      <Field
        label="How often I get a check-in"
        hint="The weekly check-in lists what is due; required reviews are still mentioned when it comes."
      >
        <RadioGroup
          value={draft.cadence}
          onChange={(_, d) => {
            set({ cadence: CADENCES.find((c) => c === d.value) ?? 'organisation' });
          }}
        >
          {CADENCES.map((c) => (
            <Radio key={c} value={c} label={cadenceLabel(c, view.organisationCheckinEveryWeeks)} />
          ))}
        </RadioGroup>
      </Field>
      <fieldset className={styles.group}>
        <legend>
          <Text weight="semibold">Quiet hours</Text>
        </legend>
        <Text as="p" block>
          Your organisation&apos;s quiet hours always apply: {quietHoursText(view.organisationQuietHours)}. You can add
          your own on top.
        </Text>
        <Checkbox
          label="Add quiet hours of my own"
          checked={draft.ownQuiet}
          onChange={(_, d) => {
            set({ ownQuiet: d.checked === true });
          }}
        />
        {draft.ownQuiet ? (
          <>
            <div className={styles.times}>
              <Field label="Quiet from">
                <Input
                  type="time"
                  value={draft.start}
                  onChange={(_, d) => {
                    set({ start: d.value });
                  }}
                />
              </Field>
              <Field label="Until">
                <Input
                  type="time"
                  value={draft.end}
                  onChange={(_, d) => {
                    set({ end: d.value });
                  }}
                />
              </Field>
            </div>
            <Text as="p" block>
              And quiet all day on:
            </Text>
            <div className={styles.times}>
              {WEEKDAYS.map((day, i) => (
                <Checkbox
                  key={day}
                  label={day}
                  checked={draft.days.includes(i + 1)}
                  onChange={(_, d) => {
                    const others = draft.days.filter((n) => n !== i + 1);
                    set({ days: d.checked === true ? [...others, i + 1].sort() : others });
                  }}
                />
              ))}
            </div>
          </>
        ) : null}
      </fieldset>
      <Field hint="You can still choose for each answer on the card.">
        <Checkbox
          label="Show my name with my answers to team starters"
          checked={draft.namedAnswers}
          onChange={(_, d) => {
            set({ namedAnswers: d.checked === true });
          }}
        />
      </Field>
      {error instanceof ApiError && error.isConflict ? (
        <ConflictNotice onReload={onReload} />
      ) : error === null ? null : (
        <ErrorNotice error={error} onRetry={onReload} />
      )}
      <div>
        <Button appearance="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save my settings'}
        </Button>
      </div>
    </form>
  );
};
