import { Button, Field, Input, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError, type ResponseOf, type Routes } from '@pc/core/api';
import { useState } from 'react';
import { ErrorNotice, LiveStatus } from '../../components/status.tsx';
import type { Me } from '../../session.tsx';
import { useSession } from '../../session.tsx';
import { downloadJson } from './download.ts';
import { ExceptionalAccess } from './exceptional-access.tsx';
import { EMPTY_REASON, ReasonFields, missingReason, type Reason } from './reason-fields.tsx';

type Person = ResponseOf<Routes['people.search']>['items'][number];

/** HR, auditors and senior managers act on requests about people outside their own line. */
export const mayActForOthers = (roles: Me['orgRoles']): boolean =>
  roles.some((r) => r === 'hr' || r === 'auditor' || r === 'senior-manager');

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  form: { display: 'grid', gap: tokens.spacingVerticalS },
});

const FindPerson = ({ onChosen }: { onChosen: (person: Person | null) => void }) => {
  const styles = useStyles();
  const { api } = useSession();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<readonly Person[] | null>(null);
  const [chosen, setChosen] = useState('');
  const [error, setError] = useState<unknown>(null);
  const search = async () => {
    setError(null);
    try {
      const result = await api.call('people.search', { query: { q } });
      setFound(result.items);
      setChosen('');
      onChosen(null);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form
      noValidate
      className={styles.form}
      aria-label="Find a person"
      onSubmit={(e) => {
        e.preventDefault();
        void search();
      }}
    >
      {error === null ? null : <ErrorNotice error={error} />}
      <div className={styles.row}>
        <Field label="Name or email address" required>
          <Input
            value={q}
            onChange={(_, d) => {
              setQ(d.value);
            }}
          />
        </Field>
        <Button type="submit">Find</Button>
      </div>
      {found === null ? null : found.length === 0 ? (
        <Text as="p" block role="status">
          Nobody in your organisation matches “{q}”.
        </Text>
      ) : (
        <Field label="Who the request is about">
          <RadioGroup
            value={chosen}
            onChange={(_, d) => {
              setChosen(d.value);
              onChosen(found.find((p) => p.id === d.value) ?? null);
            }}
          >
            {found.map((p) => (
              <Radio key={p.id} value={p.id} label={`${p.displayName} (${p.email})`} />
            ))}
          </RadioGroup>
        </Field>
      )}
    </form>
  );
};

/** HR only: a subject-access export for someone, with a reason they will see in their audit view. */
const SubjectAccessForOther = ({ person }: { person: Person }) => {
  const styles = useStyles();
  const { api, today } = useSession();
  const [reason, setReason] = useState<Reason>(EMPTY_REASON);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setStatus('');
    const missing = missingReason(reason);
    setError(missing);
    if (missing !== null) return;
    setBusy(true);
    try {
      const data = await api.call('person.subjectAccessRequest', { params: { personId: person.id }, body: reason });
      downloadJson(data, `subject-access-${person.email}-${today}.json`);
      setStatus(`${person.displayName}'s data has been downloaded. They can see that you took it, and why.`);
      setReason(EMPTY_REASON);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      className={styles.form}
      aria-labelledby="sar-h"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
    >
      <Text as="h3" block id="sar-h" size={400} weight="semibold">
        Fulfil a subject-access request for {person.displayName}
      </Text>
      {error === null ? null : <ErrorNotice error={error} />}
      <LiveStatus message={status} />
      <ReasonFields
        reason={reason}
        onChange={setReason}
        textError={error instanceof ApiError ? error.detailFor('text') : undefined}
      />
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          Download {person.displayName}'s data
        </Button>
      </div>
    </form>
  );
};

/** Requests about someone else: found by name, then each action with its stated reason. */
export const RequestsForOthers = () => {
  const styles = useStyles();
  const { me } = useSession();
  const [person, setPerson] = useState<Person | null>(null);
  return (
    <section className={styles.section} aria-labelledby="others-h">
      <Text as="h2" block id="others-h" size={500} weight="semibold">
        Requests about someone else
      </Text>
      <Text as="p" block>
        Conversation records are private to the colleague and their manager. To act on a request, find the person and
        state the reason; it is recorded, and the person sees who opened their records and why.
      </Text>
      <FindPerson onChosen={setPerson} />
      {person === null ? null : (
        <>
          {me.orgRoles.includes('hr') ? <SubjectAccessForOther key={`sar-${person.id}`} person={person} /> : null}
          <ExceptionalAccess key={`ea-${person.id}`} person={person} />
        </>
      )}
    </section>
  );
};
