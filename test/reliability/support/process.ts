/** Starts app-process.ts as a child process and reads the JSON lines it prints. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./app-process.ts', import.meta.url));

export interface AppProcess {
  readonly url: string;
  readonly pid: number;
  /** Lines printed after the ready line. */
  readonly lines: readonly Record<string, unknown>[];
  /** Ends the process at once, as a crash or an evicted container would. */
  kill(): Promise<void>;
  /** Asks the process to shut down as App Service does (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  waitFor(predicate: (line: Record<string, unknown>) => boolean, timeoutMs: number): Promise<Record<string, unknown>>;
}

export const spawnAppProcess = async (env: Readonly<Record<string, string>>): Promise<AppProcess> => {
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of the process there when it is stopped (not killed).
  const profile = process.env.BENCH_PROFILE;
  const profiling = profile === undefined || profile === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const reader = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const failed = () => {
      reject(new Error('the app process exited before it was ready'));
    };
    child.once('exit', failed);
    reader.on('line', (line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      if (typeof parsed.url === 'string') {
        child.off('exit', failed);
        resolve(parsed.url);
      } else lines.push(parsed);
    });
  });
  return {
    url,
    pid: child.pid ?? 0,
    lines,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    waitFor: async (predicate, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = lines.find(predicate);
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error('timed out waiting for the app process');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
};
