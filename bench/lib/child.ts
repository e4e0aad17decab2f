/**
 * Runs a bench role in its own Node process, so the load generator, the server under test and
 * its peers (Cosmos, the Bot Connector) do not share one event loop. The child prints one JSON
 * line with its addresses and runs until it is sent SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ConnectorInfo, CosmosInfo, PeersInfo } from './roles.ts';

export interface Child<T> {
  readonly info: T;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const ROLE_SCRIPT = fileURLToPath(new URL('./roles.ts', import.meta.url));

export const startChild = async <T>(role: string, env: Readonly<Record<string, string>> = {}): Promise<Child<T>> => {
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of every bench process there, to find where time goes.
  const profile = process.env.BENCH_PROFILE;
  const profiling = profile === undefined || profile === '' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profile}`];
  const child = spawn(process.execPath, [...profiling, '--import', 'tsx', ROLE_SCRIPT, role], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<T>((resolve, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`bench role ${role} exited with ${String(code)} before it was ready`));
    });
    lines.once('line', (line) => {
      resolve(JSON.parse(line) as T);
    });
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  return {
    info,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/**
 * Ends this process when the one that started it is gone (a test worker stopped after a timed-out
 * set-up, say), so stores, connectors and app instances never linger with nobody to stop them.
 */
export const exitWithParent = (): void => {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 1_000).unref();
};

/** Writes the ready line a parent's startChild waits for. */
export const ready = (info: unknown): void => {
  process.stdout.write(`${JSON.stringify(info)}\n`);
};

/** The Cosmos server and the fake Bot Connector, each in its own process. */
export const startPeers = async (
  env: Readonly<Record<string, string>> = {},
): Promise<{ readonly info: PeersInfo; stop(): Promise<void> }> => {
  const [cosmos, connector] = await Promise.all([
    startChild<CosmosInfo>('cosmos', env),
    startChild<ConnectorInfo>('connector', env),
  ]);
  return {
    info: { ...cosmos.info, ...connector.info },
    stop: async () => {
      await Promise.all([cosmos.stop(), connector.stop()]);
    },
  };
};
