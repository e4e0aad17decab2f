import { Button, Field, Link, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { usePersonName } from '../../components/people.ts';
import { LiveStatus } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useStep } from '../../components/use-step.tsx';
import { hrefFor } from '../../router.ts';
import { useLoad } from '../../use-load.ts';
import type { ConversationFull } from './types.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
});

/** Agree the record, record a disagreement, or appeal where the scheme allows; each uses the ETag. */
export const AgreementPanel = ({
  view,
  reload,
  otherName,
}: {
  view: ConversationFull;
  reload: () => void;
  /** The other person's first name, or undefined while it loads. */
  otherName?: string | undefined;
}) => {
  const styles = useStyles();
  const { api, me } = useSession();
  const r = view.record;
  const params = { personId: r.employeeId, conversationId: r.id };
  const iAmEmployee = r.employeeId === me.person.id;
  const myAgreement = iAmEmployee ? r.agreement.employeeAgreedAt : r.agreement.managerAgreedAt;
  const { run, busy, notice, status } = useStep(reload);
  const [disagreement, setDisagreement] = useState('');
  return (
    <section className={styles.section} aria-labelledby="agree-h">
      <Text as="h2" id="agree-h" size={500} weight="semibold">
        Agreement
      </Text>
      <LiveStatus message={status} />
      {notice}
      <ul>
        <li>
          {iAmEmployee ? 'You' : (otherName ?? 'Colleague')}:{' '}
          {r.agreement.employeeAgreedAt === undefined
            ? 'not agreed yet'
            : `agreed ${formatDateTime(r.agreement.employeeAgreedAt)}`}
        </li>
        <li>
          {iAmEmployee ? (otherName ?? 'Manager') : 'You'}:{' '}
          {r.agreement.managerAgreedAt === undefined
            ? 'not agreed yet'
            : `agreed ${formatDateTime(r.agreement.managerAgreedAt)}`}
        </li>
      </ul>
      {r.disagreement ? (
        <>
          <Text as="p" block>
            {iAmEmployee ? 'You recorded a disagreement' : `${otherName ?? 'The colleague'} recorded a disagreement`} on{' '}
            {formatDateTime(r.disagreement.recordedAt)}: {r.disagreement.text}
          </Text>
          <Text as="p" block>
            {iAmEmployee
              ? `${otherName ?? 'Your manager'} sees it flagged on their team page. If talking it through does not settle it, ask HR for the performance disagreement form; HR can see that a disagreement is on record.`
              : `It is flagged on your team page until it is settled. Talk it through with ${otherName ?? 'them'}; if it stays unresolved, they take it to HR on the performance disagreement form, and HR can see that a disagreement is on record.`}
          </Text>
        </>
      ) : null}
      {r.status === 'held' && myAgreement === undefined ? (
        <div>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() =>
              void run(
                () => api.call('conversations.agree', { params, body: {}, ifMatch: view.etag }),
                'You agreed the record.',
              )
            }
          >
            Agree the record
          </Button>
        </div>
      ) : null}
      {iAmEmployee && r.disagreement === undefined && r.status !== 'cancelled' && r.status !== 'booked' ? (
        <form
          aria-labelledby="dis-h"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () =>
                api.call('conversations.disagree', { params, body: { text: disagreement.trim() }, ifMatch: view.etag }),
              'Your disagreement was recorded.',
            );
          }}
        >
          <Text as="h3" id="dis-h" size={400} weight="semibold">
            Do not agree with the record?
          </Text>
          <Field label="What you disagree with, and why">
            <Textarea
              value={disagreement}
              onChange={(_, d) => {
                setDisagreement(d.value);
              }}
            />
          </Field>
          <Button type="submit" disabled={busy || disagreement.trim() === ''}>
            Record my disagreement
          </Button>
        </form>
      ) : null}
      {iAmEmployee && r.status !== 'booked' ? <Appeal view={view} /> : null}
    </section>
  );
};

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "by 2027-05-17" in a sentence from the service → "by 17 May 2027". */
const britishDates = (text: string): string => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => formatDate(iso));

const Appeal = ({ view }: { view: ConversationFull }) => {
  const { api } = useSession();
  const r = view.record;
  const params = { personId: r.employeeId, conversationId: r.id };
  const [window_] = useLoad(
    (signal) => api.call('conversations.appealWindow', { params, signal }),
    [api, r.id, r.employeeId],
  );
  // The service names who hears the appeal by id; the page says their name.
  const toId = window_.state === 'ready' ? window_.data.to : undefined;
  const toName = usePersonName(toId !== undefined && ID.test(toId) ? toId : undefined);
  const to = toId === undefined ? undefined : ID.test(toId) ? (toName ?? 'the manager who hears appeals') : toId;
  const appealId = window_.state === 'ready' ? window_.data.appealId : undefined;
  if (r.appeal)
    return (
      <Text as="p" block>
        Appeal lodged on {formatDate(r.appeal.lodgedOn)}.{' '}
        {appealId === undefined ? null : <Link href={hrefFor('appeals', appealId)}>See your appeal</Link>}
      </Text>
    );
  if (window_.state !== 'ready' || !window_.data.allowed)
    return window_.state === 'ready' ? (
      <Text as="p" block>
        {britishDates(window_.data.explanation)}
      </Text>
    ) : null;
  const w = window_.data;
  return (
    <section aria-labelledby="appeal-h">
      <Text as="h3" id="appeal-h" size={400} weight="semibold">
        Appeal
      </Text>
      <Text as="p" block>
        {britishDates(w.explanation)}
        {w.lodgeBy === undefined ? '' : ` Lodge it by ${formatDate(w.lodgeBy)}.`}
        {to === undefined ? '' : ` It goes to ${to}.`}
      </Text>
      <Link href={hrefFor('appeals', 'lodge', r.employeeId, r.id)}>Lodge an appeal</Link>
    </section>
  );
};
