import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { conversationLabel } from '@pc/core/api';
import type { ReactNode } from 'react';
import { formatDate } from '../../components/format.ts';
import { usePersonName } from '../../components/people.ts';
import { ErrorNotice, Loading } from '../../components/status.tsx';
import { hrefFor } from '../../router.ts';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { AppealActions } from './actions.tsx';
import type { AppealView } from './types.ts';
import { deadlineStatus, STEP_WORDS, whatNext, whoSees, yourPart, type Names } from './words.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
  grounds: { whiteSpace: 'pre-wrap' },
});

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h2" id={id} size={500} weight="semibold">
        {title}
      </Text>
      {children}
    </section>
  );
};

const Deadlines = ({ view }: { view: AppealView }) => (
  <Table aria-label="Deadlines" size="small">
    <TableHeader>
      <TableRow>
        <TableHeaderCell>Step</TableHeaderCell>
        <TableHeaderCell>By</TableHeaderCell>
        <TableHeaderCell>Status</TableHeaderCell>
      </TableRow>
    </TableHeader>
    <TableBody>
      {view.deadlines.map((d) => (
        <TableRow key={d.step}>
          <TableCell>{STEP_WORDS[d.step]}</TableCell>
          <TableCell>{formatDate(d.by)}</TableCell>
          <TableCell>{deadlineStatus(d)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);

const Hearing = ({ view }: { view: AppealView }) => {
  const hr = usePersonName(view.hearing?.hrPresentId) ?? 'HR';
  if (view.hearing === undefined) {
    return (
      <Text as="p" block>
        Not arranged yet.{' '}
        {view.roles.includes('hearer') || view.roles.includes('hr') ? (
          <>
            Book it on the <Link href={hrefFor('book')}>Book page</Link>; HR records it here.
          </>
        ) : null}
      </Text>
    );
  }
  const others = view.hearing.others.length === 0 ? '' : `; also attending: ${view.hearing.others.join(', ')}`;
  return (
    <Text as="p" block>
      {formatDate(view.hearing.on)} at {view.hearing.at}, with {hr} present for HR{others}.
    </Text>
  );
};

/** #/appeals/<id>: one appeal, for whichever party is reading. */
export const AppealDetail = ({ appealId }: { appealId: string }) => {
  const styles = useStyles();
  const { api, scheme } = useSession();
  const [loaded, reload] = useLoad(
    (signal) => api.call('appeals.get', { params: { appealId }, signal }),
    [api, appealId],
  );
  const view = loaded.state === 'ready' ? loaded.data : undefined;
  const appellantName = usePersonName(view?.employeeId);
  const hearerName = usePersonName(view?.hearerId);
  const lodgedWithName = usePersonName(view?.lodgeWithId);
  const mine = view?.roles.includes('appellant') === true;
  const names: Names = {
    appellant: mine ? 'you' : (appellantName ?? 'the colleague'),
    hearer: hearerName ?? 'the manager hearing the appeal',
    lodgedWith: lodgedWithName ?? 'the grandparent',
  };
  if (loaded.state === 'loading') return <Loading label="Loading the appeal…" />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const v = loaded.data;
  const label = conversationLabel(v.conversationType, scheme);
  const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return (
    <article>
      <Link href={hrefFor('appeals')}>All appeals</Link>
      <Text as="h1" block size={700} weight="semibold">
        {mine ? 'Your appeal' : `${upper(names.appellant)}'s appeal`} against the {label} of{' '}
        {formatDate(v.conversationDate)}
      </Text>
      <Text as="p" block>
        {yourPart(v, v.roles, names)} Lodged {formatDate(v.lodgedOn)}
        {v.lodgedInTime ? '' : ' (after the time to appeal)'}
        {v.representative === undefined
          ? ''
          : ` by ${v.representative}, trade union representative, on ${names.appellant === 'you' ? 'your' : `${names.appellant}'s`} behalf`}
        . Policy: {v.policyRef}.
      </Text>
      <Section id="grounds-h" title="Grounds">
        {v.grounds === undefined ? (
          <Text as="p" block>
            The grounds are for the appellant, the managers hearing the appeal and HR.
          </Text>
        ) : (
          <Text as="p" block className={styles.grounds}>
            {v.grounds}
          </Text>
        )}
      </Section>
      <Section id="deadlines-h" title="Deadlines">
        <Deadlines view={v} />
        {v.extensions.map((e) => (
          <Text as="p" block key={e.id}>
            Extension of {e.workingDays} working days proposed {formatDate(e.proposedOn)}:{' '}
            {e.agreedOn === undefined ? 'awaiting agreement' : `agreed ${formatDate(e.agreedOn)}`}.
          </Text>
        ))}
      </Section>
      <Section id="hearing-h" title={v.scheme === 'bexley-pms' ? 'Hearing' : 'Meeting'}>
        <Hearing view={v} />
      </Section>
      {v.decision === undefined ? null : (
        <Section id="decision-h" title="Decision">
          <Text as="p" block>
            {v.decision.outcome === 'upheld' ? 'Upheld' : 'Not upheld'} on {formatDate(v.decision.on)}. The decision is
            final.
          </Text>
          {v.decision.text === undefined ? null : (
            <Text as="p" block className={styles.grounds}>
              {v.decision.text}
            </Text>
          )}
        </Section>
      )}
      <Section id="next-h" title="What happens next">
        <Text as="p" block>
          {upper(whatNext(v, names))}
        </Text>
        <AppealActions view={v} reload={reload} names={names} policy={v.policyRef} />
      </Section>
      <Section id="who-h" title="Who sees what">
        <ul>
          {whoSees(names).map((line) => (
            <li key={line}>{upper(line)}</li>
          ))}
        </ul>
      </Section>
    </article>
  );
};
