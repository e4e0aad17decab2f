import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { EmptyState, ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { AuditList, actorNames } from './audit-list.tsx';
import { downloadJson } from './download.ts';
import { RequestsForOthers, mayActForOthers } from './requests.tsx';

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '48rem' },
});

/** #/me: who opened the reader's records, their own subject-access export, and (HR) requests about others. */
const MyDataPage = () => {
  const styles = useStyles();
  const { api, me, today } = useSession();
  const personId = me.person.id;
  const [loaded, reload] = useLoad(
    async (signal) => {
      const page = await api.call('person.audit', { params: { personId }, signal });
      return { ...page, events: page.items, names: await actorNames(api, page.items, signal) };
    },
    [api, personId],
  );
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const exportMine = async () => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      downloadJson(await api.call('person.subjectAccess', { params: { personId } }), `my-data-${today}.json`);
      setStatus('Your copy of everything held about you has been downloaded.');
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Text as="h1" block size={700} weight="semibold">
        My data
      </Text>
      <Text as="p" block>
        What this app holds about you is yours to see. Anyone else who opens your records must say why, and it shows
        here.
      </Text>
      <section className={styles.section} aria-labelledby="export-h">
        <Text as="h2" block id="export-h" size={500} weight="semibold">
          A copy of your data
        </Text>
        <Text as="p" block>
          Download everything held about you: your conversations, objectives, notes about you and this list of who
          opened your records (UK GDPR subject access). The file is for you; keep it somewhere safe.
        </Text>
        {error === null ? null : <ErrorNotice error={error} />}
        <LiveStatus message={status} />
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => void exportMine()}>
            {busy ? 'Preparing your copy…' : 'Download my data'}
          </Button>
        </div>
      </section>
      <section className={styles.section} aria-labelledby="audit-h">
        <Text as="h2" block id="audit-h" size={500} weight="semibold">
          Who opened your records
        </Text>
        {loaded.state === 'loading' ? <Loading label="Loading who opened your records…" /> : null}
        {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
        {loaded.state === 'ready' && loaded.data.events.length === 0 ? (
          <EmptyState title="Nobody has opened your records">
            When someone outside you and your line manager opens your records, or takes a copy of your data, it is
            listed here with their reason.
          </EmptyState>
        ) : null}
        {loaded.state === 'ready' && loaded.data.events.length > 0 ? (
          <AuditList
            events={loaded.data.events}
            continuationToken={loaded.data.continuationToken}
            names={loaded.data.names}
            meId={personId}
          />
        ) : null}
      </section>
      {mayActForOthers(me.orgRoles) ? <RequestsForOthers /> : null}
    </>
  );
};
export default MyDataPage;
