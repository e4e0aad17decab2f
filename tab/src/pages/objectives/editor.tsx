import {
  Button,
  Checkbox,
  Field,
  Input,
  Link,
  Radio,
  RadioGroup,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '@pc/core/api';
import { DateField } from '../../components/date-input.tsx';
import { SmartHints } from '../../components/smart-hints.tsx';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { useSmartCheck } from '../../components/use-smart-check.ts';
import { hrefFor, navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { SUPPORT_KINDS, bodyOf, draftOf, emptyDraft, type Draft, type Horizon, type Objective } from './draft.ts';
import { AlignmentRows, MeasureRows, MilestoneRows } from './rows.tsx';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gap: tokens.spacingHorizontalXXL,
    gridTemplateColumns: 'minmax(0, 2fr) minmax(16rem, 1fr)',
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr' },
  },
  form: { display: 'grid', gap: tokens.spacingVerticalL },
  aside: { alignSelf: 'start', position: 'sticky', top: tokens.spacingVerticalL },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalM },
});

export const ObjectiveEditor = ({ objectiveId }: { objectiveId?: string }) => {
  const { api, me } = useSession();
  const [loaded, reload] = useLoad(
    async (signal) =>
      objectiveId === undefined
        ? null
        : api.call('objectives.get', { params: { personId: me.person.id, objectiveId }, signal }),
    [api, me.person.id, objectiveId],
  );
  if (loaded.state === 'loading') return <Loading label="Loading the objective…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  return <ObjectiveForm key={loaded.data?.etag ?? 'new'} existing={loaded.data} onConflict={reload} />;
};

const ObjectiveForm = ({ existing, onConflict }: { existing: Objective | null; onConflict: () => void }) => {
  const styles = useStyles();
  const { api, me, scheme } = useSession();
  const kinds = scheme?.objectiveKinds ?? [];
  const [draft, setDraft] = useState<Draft>(() => (existing ? draftOf(existing) : emptyDraft(kinds[0]?.id ?? '')));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const smart = useSmartCheck(api, {
    title: draft.title,
    description: draft.description,
    horizon: draft.horizon,
    ...bodyOfOptional(draft),
  });
  const fieldError = (path: string) => (error instanceof ApiError ? error.detailFor(path) : undefined);
  const set = (update: (d: Draft) => Draft) => {
    setDraft(update);
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const personId = me.person.id;
      const saved = existing
        ? await api.call('objectives.update', {
            params: { personId, objectiveId: existing.id },
            body: bodyOf(draft),
            ifMatch: existing.etag,
          })
        : await api.call('objectives.create', { params: { personId }, body: bodyOf(draft) });
      navigate('objectives', saved.id);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  };

  const heading = existing ? `Edit “${existing.title}”` : 'Add an objective';
  return (
    <>
      <Text as="h1" size={700} weight="semibold">
        {heading}
      </Text>
      <p>
        <Link href={existing ? hrefFor('objectives', existing.id) : hrefFor('objectives')}>Back without saving</Link>
      </p>
      <div className={styles.layout}>
        <form
          className={styles.form}
          aria-label={heading}
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {error === null ? null : (
            <ErrorNotice
              error={error}
              {...(error instanceof ApiError && error.isConflict ? { onRetry: onConflict } : {})}
            />
          )}
          <Field label="Kind of objective" required validationMessage={fieldError('kind')}>
            {kinds.length > 0 ? (
              <Select
                value={draft.kind}
                onChange={(_, v) => {
                  set((d) => ({ ...d, kind: v.value }));
                }}
              >
                {kinds.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.title}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                value={draft.kind}
                onChange={(_, v) => {
                  set((d) => ({ ...d, kind: v.value }));
                }}
              />
            )}
          </Field>
          <Field
            label="Title"
            required
            validationMessage={fieldError('title')}
            hint="One sentence: what you will achieve."
          >
            <Input
              value={draft.title}
              onChange={(_, v) => {
                set((d) => ({ ...d, title: v.value }));
              }}
            />
          </Field>
          <Field label="Description" validationMessage={fieldError('description')} hint={scheme?.smartPrompts.specific}>
            <Textarea
              resize="vertical"
              rows={4}
              value={draft.description}
              onChange={(_, v) => {
                set((d) => ({ ...d, description: v.value }));
              }}
            />
          </Field>
          <Field label="Horizon" required>
            <RadioGroup
              layout="horizontal"
              value={draft.horizon}
              onChange={(_, v) => {
                set((d) => ({ ...d, horizon: v.value as Horizon }));
              }}
            >
              <Radio value="short" label="Short term" />
              <Radio value="medium" label="Medium term" />
              <Radio value="long" label="Long term" />
            </RadioGroup>
          </Field>
          <DateField
            label="Target date"
            validationMessage={fieldError('targetDate')}
            hint={`${scheme?.smartPrompts.timeBound ?? ''} Day/month/year, for example 31/12/2027.`.trim()}
            value={draft.targetDate}
            onChange={(iso) => {
              set((d) => ({ ...d, targetDate: iso }));
            }}
          />
          <MilestoneRows draft={draft} set={set} />
          <MeasureRows draft={draft} set={set} />
          <AlignmentRows draft={draft} set={set} />
          <fieldset>
            <legend>Support you need</legend>
            {SUPPORT_KINDS.map((s) => (
              <Checkbox
                key={s.value}
                label={s.label}
                checked={draft.support.includes(s.value)}
                onChange={(_, v) => {
                  set((d) => ({
                    ...d,
                    support: v.checked === true ? [...d.support, s.value] : d.support.filter((x) => x !== s.value),
                  }));
                }}
              />
            ))}
          </fieldset>
          <div className={styles.buttons}>
            <Button appearance="primary" type="submit" disabled={saving}>
              {saving ? 'Saving…' : 'Save objective'}
            </Button>
          </div>
        </form>
        <aside className={styles.aside} aria-label="SMART hints">
          <SmartHints result={smart.result} checking={smart.checking} />
        </aside>
      </div>
    </>
  );
};

/** The SMART check also looks at target date and measures, which are optional in a draft. */
const bodyOfOptional = (d: Draft) => {
  const b = bodyOf(d);
  return {
    measures: b.measures,
    milestones: b.milestones,
    ...(b.targetDate === undefined ? {} : { targetDate: b.targetDate }),
    ...(b.kind === '' ? {} : { kind: b.kind }),
  };
};
