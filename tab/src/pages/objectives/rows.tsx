import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DateField } from '../../components/date-input.tsx';
import { sentence } from '../../components/format.ts';
import { useSession } from '../../session.tsx';
import {
  ALIGNMENT_LEVELS,
  MEASURE_KINDS,
  newRowId,
  type AlignmentLevel,
  type Draft,
  type MeasureKind,
} from './draft.ts';

const useStyles = makeStyles({
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '14rem' },
});

type Set = (update: (d: Draft) => Draft) => void;

export const MilestoneRows = ({ draft, set }: { draft: Draft; set: Set }) => {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend>Milestones</legend>
      {draft.milestones.length === 0 ? <Text>No milestones yet. Long-range objectives usually have a few.</Text> : null}
      {draft.milestones.map((m, i) => (
        <div key={m.id} className={styles.row}>
          <Field label={`Milestone ${i + 1}`} className={styles.grow}>
            <Input
              value={m.title}
              onChange={(_, v) => {
                set((d) => ({
                  ...d,
                  milestones: d.milestones.map((x) => (x.id === m.id ? { ...x, title: v.value } : x)),
                }));
              }}
            />
          </Field>
          <DateField
            label={`Milestone ${String(i + 1)} due date`}
            hint="Day/month/year."
            value={m.dueDate}
            onChange={(iso) => {
              set((d) => ({
                ...d,
                milestones: d.milestones.map((x) => (x.id === m.id ? { ...x, dueDate: iso } : x)),
              }));
            }}
          />
          <Button
            onClick={() => {
              set((d) => ({ ...d, milestones: d.milestones.filter((x) => x.id !== m.id) }));
            }}
          >
            Remove milestone {i + 1}
          </Button>
        </div>
      ))}
      <div>
        <Button
          onClick={() => {
            set((d) => ({ ...d, milestones: [...d.milestones, { id: newRowId(), title: '', dueDate: '' }] }));
          }}
        >
          Add a milestone
        </Button>
      </div>
    </fieldset>
  );
};

export const MeasureRows = ({ draft, set }: { draft: Draft; set: Set }) => {
  const styles = useStyles();
  const { scheme } = useSession();
  const title = (k: MeasureKind) => scheme?.measures.find((m) => m.kind === k)?.title ?? sentence(k);
  const prompt = (k: MeasureKind) => scheme?.measures.find((m) => m.kind === k)?.prompt;
  return (
    <fieldset className={styles.group}>
      <legend>Measures: how you will know it is done well</legend>
      {draft.measures.map((m, i) => (
        <div key={i} className={styles.row}>
          <Field label={`Measure ${i + 1} kind`}>
            <Select
              value={m.kind}
              onChange={(_, v) => {
                set((d) => ({
                  ...d,
                  measures: d.measures.map((x, j) => (j === i ? { ...x, kind: v.value as MeasureKind } : x)),
                }));
              }}
            >
              {MEASURE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {title(k)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Measure ${i + 1}`} hint={prompt(m.kind)} className={styles.grow}>
            <Input
              value={m.text}
              onChange={(_, v) => {
                set((d) => ({ ...d, measures: d.measures.map((x, j) => (j === i ? { ...x, text: v.value } : x)) }));
              }}
            />
          </Field>
          <Button
            onClick={() => {
              set((d) => ({ ...d, measures: d.measures.filter((_, j) => j !== i) }));
            }}
          >
            Remove measure {i + 1}
          </Button>
        </div>
      ))}
      <div>
        <Button
          onClick={() => {
            set((d) => ({ ...d, measures: [...d.measures, { kind: 'quality', text: '' }] }));
          }}
        >
          Add a measure
        </Button>
      </div>
    </fieldset>
  );
};

export const AlignmentRows = ({ draft, set }: { draft: Draft; set: Set }) => {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend>Alignment: which plan this objective supports</legend>
      {draft.alignment.map((a, i) => (
        <div key={i} className={styles.row}>
          <Field label={`Plan ${i + 1}`}>
            <Select
              value={a.level}
              onChange={(_, v) => {
                set((d) => ({
                  ...d,
                  alignment: d.alignment.map((x, j) => (j === i ? { ...x, level: v.value as AlignmentLevel } : x)),
                }));
              }}
            >
              {ALIGNMENT_LEVELS.map((l) => (
                <option key={l.value} value={l.value}>
                  {l.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Plan ${i + 1} priority or reference`} className={styles.grow}>
            <Input
              value={a.reference}
              onChange={(_, v) => {
                set((d) => ({
                  ...d,
                  alignment: d.alignment.map((x, j) => (j === i ? { ...x, reference: v.value } : x)),
                }));
              }}
            />
          </Field>
          <Button
            onClick={() => {
              set((d) => ({ ...d, alignment: d.alignment.filter((_, j) => j !== i) }));
            }}
          >
            Remove plan {i + 1}
          </Button>
        </div>
      ))}
      <div>
        <Button
          onClick={() => {
            set((d) => ({ ...d, alignment: [...d.alignment, { level: 'team-plan', reference: '' }] }));
          }}
        >
          Link to a plan
        </Button>
      </div>
    </fieldset>
  );
};
