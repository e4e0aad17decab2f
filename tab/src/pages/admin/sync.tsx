import { Button, Text } from '@fluentui/react-components';
import type { ResponseOf, Routes } from '@pc/core/api';
import { useState } from 'react';
import { formatDateTime } from '../../components/format.ts';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { AdminSection } from './section.tsx';

type SyncStatus = ResponseOf<Routes['admin.sync.get']>;

const COUNTS = ['joined', 'moved', 'left', 'unchanged', 'failed'] as const;
const LABELS = { joined: 'Joined', moved: 'Moved', left: 'Left', unchanged: 'Unchanged', failed: 'Failed' } as const;

const LastRun = ({ status }: { status: SyncStatus }) => {
  const run = status.lastRun;
  if (run === null)
    return (
      <Text as="p" block>
        No directory sync has run for your organisation yet.
      </Text>
    );
  return (
    <>
      <Text as="p" block>
        Last run {run.outcome === 'completed' ? 'completed' : 'failed'} at {formatDateTime(run.finishedAt)} ({run.pages}{' '}
        {run.pages === 1 ? 'page' : 'pages'}).
        {status.deltaStored ? ' The next run reads only the changes since.' : ''}
      </Text>
      <dl aria-label="Last run's counts">
        {COUNTS.map((c) => (
          <div key={c} style={{ display: 'flex', gap: '0.5rem' }}>
            <dt>{LABELS[c]}</dt>
            <dd style={{ margin: 0 }}>{run.counts[c]}</dd>
          </div>
        ))}
      </dl>
      {run.errors.length === 0 ? null : (
        <ul aria-label="Errors in the last run">
          {run.errors.map((e, i) => (
            <li key={i}>{e.userId === undefined ? e.message : `${e.userId}: ${e.message}`}</li>
          ))}
        </ul>
      )}
    </>
  );
};

/** The directory sync: the last run's counts and errors, and "Sync now". */
export const SyncSection = ({ onSynced }: { onSynced: () => void }) => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('admin.sync.get', { signal }), [api]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  const syncNow = async () => {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const done = await api.call('admin.sync.run', {});
      const c = done.lastRun?.counts;
      setStatus(
        c === undefined ? 'Sync finished.' : `Sync finished: ${c.joined} joined, ${c.moved} moved, ${c.left} left.`,
      );
      reload();
      onSynced();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminSection id="sync" title="Directory sync">
      <Text as="p" block>
        Staff, their managers and job changes come from Microsoft Entra ID every hour. Run it now after a big change.
      </Text>
      {loaded.state === 'loading' ? <Loading label="Loading the directory sync…" /> : null}
      {loaded.state === 'error' ? <ErrorNotice error={loaded.error} onRetry={reload} /> : null}
      {loaded.state === 'ready' ? <LastRun status={loaded.data} /> : null}
      {error === null ? null : <ErrorNotice error={error} />}
      <LiveStatus message={status} />
      <div>
        <Button
          appearance="primary"
          disabled={busy || (loaded.state === 'ready' && !loaded.data.graphConfigured)}
          onClick={() => void syncNow()}
        >
          {busy ? 'Syncing…' : 'Sync now'}
        </Button>
      </div>
    </AdminSection>
  );
};
