import { Button, Field, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

const FIELDS = [
  ['strengths', 'Strengths'],
  ['development', 'Development needs and progress'],
  ['personalGoals', 'Personal goals'],
  ['other', 'Anything else the new manager should know'],
] as const;
type Key = (typeof FIELDS)[number][0];

const useStyles = makeStyles({ form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' } });

/** Policy 000: on a transfer the old and new manager hand over what the colleague has been working on. */
export const HandoverForm = ({ personId }: { personId: string }) => {
  const styles = useStyles();
  const { api } = useSession();
  const [person] = useLoad((signal) => api.call('person.get', { params: { personId }, signal }), [api, personId]);
  const [values, setValues] = useState<Record<Key, string>>({
    strengths: '',
    development: '',
    personalGoals: '',
    other: '',
  });
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const name = person.state === 'ready' ? person.data.displayName : 'a colleague';
  const save = async () => {
    setError(null);
    try {
      await api.call('person.handover', { params: { personId }, body: values });
      setStatus('Handover notes saved.');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        Handover notes for {name}
      </Text>
      <p>
        <Link href={hrefFor('team')}>Back to my team</Link>
      </p>
      {person.state === 'loading' ? <Loading label="Loading…" /> : null}
      <form
        className={styles.form}
        aria-label="Handover notes"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <LiveStatus message={status} />
        {error === null ? null : <ErrorNotice error={error} />}
        {FIELDS.map(([k, label]) => (
          <Field key={k} label={label}>
            <Textarea
              rows={4}
              value={values[k]}
              onChange={(_, d) => {
                setValues((v) => ({ ...v, [k]: d.value }));
              }}
            />
          </Field>
        ))}
        <div>
          <Button appearance="primary" type="submit">
            Save handover notes
          </Button>
        </div>
      </form>
    </>
  );
};
