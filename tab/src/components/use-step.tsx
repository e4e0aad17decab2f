import { ApiError } from '@pc/core/api';
import { useState } from 'react';
import { ErrorNotice } from './status.tsx';

/**
 * Runs one step of a workflow (agree a record, decide an appeal …) against what the page shows:
 * busy while it runs, a status once done, the error otherwise, with reload offered on a conflict.
 */
export const useStep = (reload: () => void) => {
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setStatus(done);
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const notice =
    error === null ? null : (
      <ErrorNotice error={error} {...(error instanceof ApiError && error.isConflict ? { onRetry: reload } : {})} />
    );
  return { run, busy, notice, status };
};
