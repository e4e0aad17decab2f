import { Text } from '@fluentui/react-components';
import { ApiError } from '@pc/core/api';
import { useEffect, useState } from 'react';
import { ErrorNotice, LiveStatus, Loading } from '../../components/status.tsx';
import { useSession } from '../../session.tsx';
import { AdminSection } from './section.tsx';
import { POLL_MS, progressOf, wait, type SyncStatus } from './sync-progress.ts';

const finishedOf = (status: SyncStatus): string => {
  const run = status.lastRun;
  if (run === null) return 'The first directory sync finished.';
  const { joined, failed } = run.counts;
  const outcome = run.outcome === 'completed' ? 'finished' : 'stopped with errors';
  return `The first directory sync ${outcome}: ${String(joined)} joined${failed > 0 ? `, ${String(failed)} failed` : ''}. Next, check the settings below and import the HR data the directory does not hold.`;
};

/**
 * Straight after onboarding: the first directory sync, started once and followed until it ends.
 * Should a round already be running (a reload, the schedule), it follows that one instead.
 */
export const FirstSync = ({ onDone }: { onDone: () => void }) => {
  const { api } = useSession();
  const [progress, setProgress] = useState<SyncStatus | null>(null);
  const [finished, setFinished] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const follow = async (): Promise<SyncStatus> => {
      for (;;) {
        const status = await api.call('admin.sync.get', { signal });
        if (!status.running || signal.aborted) return status;
        setProgress(status);
        await wait(POLL_MS, signal);
      }
    };
    const run = async (): Promise<SyncStatus> => {
      // Progress while the round runs; it stops when the round's answer arrives.
      const polls = new AbortController();
      signal.addEventListener('abort', () => {
        polls.abort();
      });
      const polling = (async () => {
        await wait(POLL_MS, polls.signal);
        while (!polls.signal.aborted) {
          const status = await api.call('admin.sync.get', { signal: polls.signal });
          setProgress(status.running ? status : null);
          await wait(POLL_MS, polls.signal);
        }
      })().catch(() => undefined);
      try {
        return await api.call('admin.sync.run', { signal });
      } catch (e) {
        if (e instanceof ApiError && e.isConflict) return await follow();
        throw e;
      } finally {
        polls.abort();
        await polling;
      }
    };
    run().then(
      (status) => {
        if (signal.aborted) return;
        setFinished(finishedOf(status));
        onDone();
      },
      (e: unknown) => {
        if (!signal.aborted) setError(e);
      },
    );
    return () => {
      controller.abort();
    };
    // Once per arrival on the page: onDone only refreshes the sections below.
  }, [api]);
  return (
    <AdminSection id="first-sync" title="Your organisation is set up">
      {finished === '' && error === null ? <Loading label={progressOf(progress)} /> : null}
      {error === null ? null : <ErrorNotice error={error} title="The first directory sync did not run" />}
      <LiveStatus message={finished} />
      {finished === '' ? (
        <Text as="p" block>
          You can leave this page: the sync goes on, and from now on the schedule keeps your staff current.
        </Text>
      ) : null}
    </AdminSection>
  );
};
