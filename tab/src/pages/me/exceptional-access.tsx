import { Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, conversationLabel, type ResponseOf, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { formatDate, sentence } from '../../components/format.ts';
import { EmptyState, ErrorNotice, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { EMPTY_REASON, ReasonFields, missingReason, type Reason } from './reason-fields.tsx';

type Person = ResponseOf<Routes['people.search']>['items'][number];
type Opened = ResponseOf<Routes['conversations.exceptionalAccess']>['record'];

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalS },
  record: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  text: { whiteSpace: 'pre-wrap' },
});

const OpenedRecord = ({ record, name }: { record: Opened; name: string }) => {
  const styles = useStyles();
  const { scheme } = useSession();
  return (
    <section className={styles.record} aria-label={`${name}'s record, opened with exceptional access`}>
      <Text weight="semibold">
        {conversationLabel(record.type, scheme)}, {formatDate(record.date)} ({sentence(record.status)})
      </Text>
      <Text weight="semibold">Notes</Text>
      <Text as="p" block className={styles.text}>
        {record.notes === '' ? 'None recorded.' : record.notes}
      </Text>
      <Text weight="semibold">Issues raised</Text>
      <Text as="p" block>
        {record.issuesRaised.length === 0 ? 'None recorded.' : record.issuesRaised.join('; ')}
      </Text>
      <Text weight="semibold">Actions agreed</Text>
      <Text as="p" block>
        {record.actionsAgreed.length === 0 ? 'None recorded.' : record.actionsAgreed.map((a) => a.text).join('; ')}
      </Text>
    </section>
  );
};

/** Opening one of someone's records with a stated reason (003 §6); the person sees it in their audit view. */
export const ExceptionalAccess = ({ person }: { person: Person }) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const [loaded, reload] = useLoad(
    async (signal) =>
      (await api.call('conversations.list', { params: { personId: person.id }, query: { pageSize: 50 }, signal }))
        .items,
    [api, person.id],
  );
  const [conversationId, setConversationId] = useState('');
  const [reason, setReason] = useState<Reason>(EMPTY_REASON);
  const [error, setError] = useState<unknown>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setOpened(null);
    const missing =
      conversationId === ''
        ? new ApiError(400, 'validation', 'Choose the record to open.', {
            details: [{ path: 'conversationId', message: 'Choose a record.' }],
          })
        : missingReason(reason);
    setError(missing);
    if (missing !== null) return;
    setBusy(true);
    try {
      const view = await api.call('conversations.exceptionalAccess', {
        params: { personId: person.id, conversationId },
        body: reason,
      });
      setOpened(view.record);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const fieldError = (path: string) => (error instanceof ApiError ? error.detailFor(path) : undefined);
  const records = loaded.state === 'ready' ? loaded.data : [];

  return (
    <form
      noValidate
      className={styles.form}
      aria-labelledby="ea-h"
      onSubmit={(e) => {
        e.preventDefault();
        void open();
      }}
    >
      <Text as="h3" block id="ea-h" size={400} weight="semibold">
        Open one of {person.displayName}'s conversation records
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading their conversations…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && records.length === 0 ? (
        <EmptyState title="No conversation records">{person.displayName} has no conversations recorded.</EmptyState>
      ) : null}
      {records.length === 0 ? null : (
        <>
          {error === null ? null : <ErrorNotice error={error} />}
          <Field label="Record" required validationMessage={fieldError('conversationId')}>
            <RadioGroup
              value={conversationId}
              onChange={(_, d) => {
                setConversationId(d.value);
              }}
            >
              {records.map((v) => {
                const r = v.kind === 'full' ? v.record : v.facts;
                return (
                  <Radio
                    key={r.id}
                    value={r.id}
                    label={`${conversationLabel(r.type, scheme)}, ${formatDate(r.date)} (${sentence(r.status)})`}
                  />
                );
              })}
            </RadioGroup>
          </Field>
          <ReasonFields reason={reason} onChange={setReason} textError={fieldError('text')} />
          <div>
            <Button type="submit" appearance="primary" disabled={busy}>
              Open the record
            </Button>
          </div>
          {opened === null ? null : <OpenedRecord record={opened} name={person.displayName} />}
        </>
      )}
    </form>
  );
};
