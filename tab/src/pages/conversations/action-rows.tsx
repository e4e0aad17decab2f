import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';

export interface ActionDraft {
  id: string;
  text: string;
  owner: 'employee' | 'manager' | 'both';
  dueDate: string;
}

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '14rem' },
});

export const ActionRows = ({ actions, onChange }: { actions: ActionDraft[]; onChange: (a: ActionDraft[]) => void }) => {
  const styles = useStyles();
  const update = (id: string, patch: Partial<ActionDraft>) => {
    onChange(actions.map((a) => (a.id === id ? { ...a, ...patch } : a)));
  };
  return (
    <fieldset className={styles.group}>
      <legend>Actions agreed</legend>
      {actions.map((a, i) => (
        <div key={a.id} className={styles.row}>
          <Field label={`Action ${i + 1}`} className={styles.grow}>
            <Input
              value={a.text}
              onChange={(_, d) => {
                update(a.id, { text: d.value });
              }}
            />
          </Field>
          <Field label={`Action ${i + 1} owner`}>
            <Select
              value={a.owner}
              onChange={(_, d) => {
                update(a.id, { owner: d.value as ActionDraft['owner'] });
              }}
            >
              <option value="employee">Me (colleague)</option>
              <option value="manager">Manager</option>
              <option value="both">Both of us</option>
            </Select>
          </Field>
          <Field label={`Action ${i + 1} due date`}>
            <Input
              type="date"
              value={a.dueDate}
              onChange={(_, d) => {
                update(a.id, { dueDate: d.value });
              }}
            />
          </Field>
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
            onChange([...actions, { id: `a-${crypto.randomUUID()}`, text: '', owner: 'employee', dueDate: '' }]);
          }}
        >
          Add an action
        </Button>
      </div>
    </fieldset>
  );
};
