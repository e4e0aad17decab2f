import type { ResponseOf, Routes } from '@pc/core/api';

export type SyncStatus = ResponseOf<Routes['admin.sync.get']>;

/** How often a page asks how a running round is getting on. */
export const POLL_MS = 2_000;

/** A round in progress, in a sentence: pages read and people brought in so far. */
export const progressOf = (status: SyncStatus | null): string => {
  const current = status?.current;
  if (current == null) return 'Bringing your staff in from Microsoft Entra ID…';
  const { pages, counts } = current;
  return `Bringing your staff in from Microsoft Entra ID: ${String(pages)} ${pages === 1 ? 'page' : 'pages'} read, ${String(counts.joined)} joined so far…`;
};

/** Resolves after `ms`, or at once when `signal` aborts. */
export const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
