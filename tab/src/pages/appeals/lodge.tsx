import { Button, Field, Input, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { usePersonName } from '../../components/people.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor, navigate } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalL },
});

/** "by 2027-05-17" in a sentence from the service → "by 17 May 2027". */
const britishDates = (text: string): string => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));

/** #/appeals/lodge/<personId>/<conversationId>: the appeal in writing, inside the scheme's window. */
export const LodgeAppeal = ({ personId, conversationId }: { personId: string; conversationId: string }) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const params = { personId, conversationId };
  const [window_, reload] = useLoad(
    (signal) => api.call('conversations.appealWindow', { params, signal }),
    [api, personId, conversationId],
  );
  const to = usePersonName(window_.state === 'ready' ? window_.data.to : undefined);
  const [grounds, setGrounds] = useState('');
  const [representative, setRepresentative] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const back = <Link href={hrefFor('conversations', personId, conversationId)}>Back to the review</Link>;
  if (window_.state === 'loading') return <Loading label="Checking whether an appeal can be lodged…" />;
  if (window_.state === 'error') return <ErrorNotice error={window_.error} onRetry={reload} />;
  const w = window_.data;
  const lodge = async () => {
    setBusy(true);
    setError(null);
    try {
      const appeal = await api.call('appeals.lodge', {
        body: {
          personId,
          conversationId,
          grounds: grounds.trim(),
          ...(representative.trim() === '' ? {} : { representative: representative.trim() }),
        },
      });
      navigate('appeals', appeal.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article>
      {back}
      <Text as="h1" block size={700} weight="semibold">
        Lodge an appeal
      </Text>
      <Text as="p" block>
        {britishDates(w.explanation)}
        {w.allowed && to !== undefined ? ` It goes to ${to}.` : ''}
      </Text>
      {w.appealId === undefined ? null : (
        <Text as="p" block>
          <Link href={hrefFor('appeals', w.appealId)}>See the appeal</Link>
        </Text>
      )}
      {w.allowed ? (
        <form
          className={styles.form}
          aria-labelledby="lodge-h"
          onSubmit={(e) => {
            e.preventDefault();
            void lodge();
          }}
        >
          <Text as="h2" id="lodge-h" size={500} weight="semibold">
            Your appeal in writing
          </Text>
          {scheme?.appeal === undefined ? null : (
            <>
              <Text as="p" block>
                The grounds your scheme allows ({scheme.appeal.policyRef}):
              </Text>
              <ul>
                {scheme.appeal.grounds.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </>
          )}
          {error === null ? null : <ErrorNotice error={error} />}
          <Field
            label="Your grounds for appeal"
            hint="The managers hearing the appeal and HR read these; the manager who held the review does not."
            required
          >
            <Textarea
              value={grounds}
              onChange={(_, d) => {
                setGrounds(d.value);
              }}
            />
          </Field>
          {scheme?.appeal?.lodgeableByRepresentative === true ? (
            <Field
              label="Trade union representative lodging this on your behalf (optional)"
              hint="Their name; leave empty if you are lodging it yourself."
            >
              <Input
                value={representative}
                onChange={(_, d) => {
                  setRepresentative(d.value);
                }}
              />
            </Field>
          ) : null}
          <div>
            <Button type="submit" appearance="primary" disabled={busy || grounds.trim() === ''}>
              Lodge the appeal
            </Button>
          </div>
        </form>
      ) : null}
    </article>
  );
};
