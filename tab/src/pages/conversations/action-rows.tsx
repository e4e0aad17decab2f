import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { DateField } from '../../components/date-input.tsx';

export interface ActionDraft {
  id: string;
  text: string;
  owner: 'employee' | 'manager' | 'both';
  dueDate: string;
  done: boolean;
}

/** Who owns an action, in the reader's words: "Me" and "Joe" for a manager, "Me" and "My manager" for Joe. */
export type OwnerWords = Readonly<Record<ActionDraft['owner'], string>>;

export const ownerWords = (readerIsEmployee: boolean, otherName: string | undefined): OwnerWords =>
  readerIsEmployee
    ? { employee: 'Me', manager: otherName ?? 'My manager', both: 'Both of us' }
    : { employee: otherName ?? 'The colleague', manager: 'Me', both: 'Both of us' };

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS, border: 'none', padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '14rem' },
});

export const ActionRows = ({
  actions,
  onChange,
  owners,
}: {
  actions: ActionDraft[];
  onChange: (a: ActionDraft[]) => void;
  owners: OwnerWords;
}) => {
  const styles = useStyles();
  const update = (id: string, patch: Partial<ActionDraft>) => {
    onChange(actions.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  };
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Actions agreed</legend>
      {actions.map((a, i) => (
        <div key={a.id} className={styles.row}>
          <Field label={`Action ${String(i + 1)}`} className={styles.grow}>
            <Input
              value={a.text}
              onChange={(_, d) => {
                update(a.id, { text: d.value });
              }}
            />
          </Field>
          <Field label={`Action ${String(i + 1)} owner`}>
            <Select
              value={a.owner}
              onChange={(_, d) => {
                update(a.id, { owner: d.value as ActionDraft['owner'] });
              }}
            >
              <option value="employee">{owners.employee}</option>
              <option value="manager">{owners.manager}</option>
              <option value="both">{owners.both}</option>
            </Select>
          </Field>
          <DateField
            label={`Action ${String(i + 1)} due date`}
            hint="Day/month/year."
            value={a.dueDate}
            onChange={(iso) => {
              update(a.id, { dueDate: iso });
            }}
          />
          <Checkbox
            label={`Action ${String(i + 1)} done`}
            checked={a.done}
            onChange={(_, d) => {
              update(a.id, { done: d.checked === true });
            }}
          />
          <Button
            onClick={() => {
              onChange(actions.filter((x) => x.id !== a.id));
            }}
          >
            Remove action {i + 1}
          </Button>
        </div>
      ))}
      <div>
        <Button
          onClick={() => {
            onChange([
              ...actions,
              { id: `a-${crypto.randomUUID()}`, text: '', owner: 'employee', dueDate: '', done: false },
            ]);
          }}
        >
          Add an action
        </Button>
      </div>
    </fieldset>
  );
};

/** The actions as the API takes them: empty rows dropped, no due date when none was given. */
export const actionsOut = (actions: readonly ActionDraft[]) =>
  actions
    .filter((a) => a.text.trim() !== '')
    .map((a) => ({
      id: a.id,
      text: a.text.trim(),
      owner: a.owner,
      done: a.done,
      ...(a.dueDate === '' ? {} : { dueDate: a.dueDate }),
    }));
