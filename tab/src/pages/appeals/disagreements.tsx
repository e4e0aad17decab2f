import {
  Button,
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
import { useState } from 'react';
import { formatDate } from '../../components/format.ts';
import { usePersonName } from '../../components/people.ts';
import { EmptyState, ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import type { DisagreementView } from './types.ts';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXXL, display: 'grid', gap: tokens.spacingVerticalS },
});

const STAGE: Readonly<Record<DisagreementView['stage'], string>> = {
  open: 'Form not sent yet',
  'form-sent': 'Form sent',
  closed: 'Closed',
};

const Row = ({ item, onDone }: { item: DisagreementView; onDone: (message: string) => void }) => {
  const { api, scheme } = useSession();
  const name = usePersonName(item.employeeId) ?? 'A colleague';
  const manager = usePersonName(item.managerIds[0]) ?? 'their manager';
  const [error, setError] = useState<unknown>(null);
  const step = item.stage === 'open' ? 'form-sent' : 'closed';
  const act = async () => {
    setError(null);
    try {
      await api.call('disagreements.step', {
        params: { disagreementId: item.id },
        body: { step },
        ifMatch: item.etag,
      });
      onDone(step === 'form-sent' ? `The form is recorded as sent to ${name}.` : `${name}'s disagreement is closed.`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <TableRow>
      <TableCell>{name}</TableCell>
      <TableCell>{manager}</TableCell>
      <TableCell>
        {conversationLabel(item.conversationType, scheme)} of {formatDate(item.conversationDate)}
      </TableCell>
      <TableCell>{formatDate(item.recordedAt)}</TableCell>
      <TableCell>
        {STAGE[item.stage]}
        {item.recordStatus === 'agreed' ? '; both have since agreed the record' : ''}
      </TableCell>
      <TableCell>{item.countsAsHeld ? 'Yes' : 'No, while the disagreement stands'}</TableCell>
      <TableCell>
        {error === null ? null : <ErrorNotice error={error} />}
        <Button size="small" onClick={() => void act()}>
          {step === 'form-sent' ? `Form sent to ${name}` : `Close ${name}'s disagreement`}
        </Button>
      </TableCell>
    </TableRow>
  );
};

/** HR's side of a disagreement with a record (004): the form, the process, and no note text. */
export const Disagreements = () => {
  const styles = useStyles();
  const { api } = useSession();
  const [status, setStatus] = useState('');
  const [loaded, reload] = useLoad((signal) => api.call('disagreements.list', { query: {}, signal }), [api]);
  const done = (message: string) => {
    setStatus(message);
    reload();
  };
  return (
    <section className={styles.section} aria-labelledby="dis-h">
      <Text as="h2" id="dis-h" size={500} weight="semibold">
        Disagreements
      </Text>
      <Text as="p" block>
        A colleague who cannot agree a record with their manager notes it on the performance disagreement form from the
        HR Office, and HR advises them on the disagreement process. Send the form, then close the case when the process
        has run. The colleague&apos;s words stay with them and their manager; here you see the facts. While a
        disagreement stands the record does not count as held or on time.
      </Text>
      <LiveStatus message={status} />
      {loaded.state === 'loading' ? <Loading label="Loading disagreements…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' && loaded.data.items.length === 0 ? (
        <EmptyState title="No open disagreements">
          When a colleague records a disagreement with a record, it is listed here.
        </EmptyState>
      ) : null}
      {loaded.state === 'ready' && loaded.data.items.length > 0 ? (
        <Table aria-label="Open disagreements" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Colleague</TableHeaderCell>
              <TableHeaderCell>Manager</TableHeaderCell>
              <TableHeaderCell>Record</TableHeaderCell>
              <TableHeaderCell>Recorded</TableHeaderCell>
              <TableHeaderCell>Where it stands</TableHeaderCell>
              <TableHeaderCell>Counts as held</TableHeaderCell>
              <TableHeaderCell>Next step</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {loaded.data.items.map((item) => (
              <Row key={item.id} item={item} onDone={done} />
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
};
