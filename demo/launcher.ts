/**
 * What `npm start` needs beyond starting things: stop when the launcher goes away, and keep a
 * dependency's deprecation notice out of the start banner.
 */
import { execFileSync } from 'node:child_process';

/** The chain of processes above this one (parent first), as far as `ps` can tell. */
export const ancestorPids = (from: number = process.ppid): number[] => {
  const chain: number[] = [];
  for (let pid = from; pid > 1 && chain.length < 16;) {
    chain.push(pid);
    const parent = parentOf(pid);
    if (parent === undefined || parent === pid) break;
    pid = parent;
  }
  return chain;
};

const parentOf = (pid: number): number | undefined => {
  try {
    const parent = Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isInteger(parent) ? parent : undefined;
  } catch (error) {
    // No `ps` (Windows) or the process just ended: watch what we found; signals still work.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as { status?: number }).status === 1) {
      return undefined;
    }
    throw error;
  }
};

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * `npm start` runs npm → sh → tsx → this process, and npm hands a SIGINT or SIGTERM only to the
 * shell, which dies without passing it on. So watch the processes that launched us and call
 * `onGone` as soon as one of them has ended. Returns a function that stops watching.
 */
export const watchLauncher = (pids: readonly number[], onGone: () => void, everyMs = 500): (() => void) => {
  const timer = setInterval(() => {
    if (pids.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
  };
};

/**
 * Imports a module with deprecation warnings off for the length of its loading: the Cosmos
 * wire-protocol server pulls in http-deceiver, which reads process.binding('http_parser')
 * (DEP0111) as it loads, a notice nobody running the demo can act on.
 */
export const importQuietly = async <T>(load: () => Promise<T>): Promise<T> => {
  const before = process.noDeprecation;
  process.noDeprecation = true;
  try {
    return await load();
  } finally {
    process.noDeprecation = before;
  }
};
