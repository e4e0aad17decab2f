import { Button, Text } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../components/format.ts';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { useLoad } from '../../use-load.ts';
import { AdminSection } from './section.tsx';
import { POLL_MS, progressOf, wait, type SyncStatus } from './sync-progress.ts';

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

/**
 * The directory sync: the last run's counts and errors, and "Sync now". While a round runs (started
 * here, by the schedule or by another administrator) its progress shows, page by page, and the
 * last run is read again when it ends.
 */
export const SyncSection = ({ onSynced }: { onSynced: () => void }) => {
  const { api } = useSession();
  const [loaded, reload] = useLoad((signal) => api.call('admin.sync.get', { signal }), [api]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [progress, setProgress] = useState<SyncStatus | null>(null);
  const running = busy || (loaded.state === 'ready' && loaded.data.running);

  useEffect(() => {
    if (!running) return;
    setProgress(null);
    const controller = new AbortController();
    const { signal } = controller;
    const follow = async (): Promise<void> => {
      for (;;) {
        await wait(POLL_MS, signal);
        if (signal.aborted) return;
        const now = await api.call('admin.sync.get', { signal });
        setProgress(now);
        // A round this page did not start: show its result once it ends.
        if (!now.running && !busy) {
          reload();
          return;
        }
      }
    };
    // Progress is a courtesy: a failed poll leaves the last one shown, and the round's own answer stands.
    follow().catch(() => undefined);
    return () => {
      controller.abort();
    };
  }, [api, running, busy]);

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
      {running ? <Loading label={progressOf(progress)} /> : null}
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
