/**
 * The Microsoft 365 Agents Playground (a local Teams-like chat for the bot) as a child
 * process: started against the running server's /api/messages, stopped with its children.
 * It runs fully offline; its page only tries to load Segoe UI fonts from a CDN and falls
 * back to local fonts when that fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'node_modules', '.bin', 'agentsplayground');
const LOOPBACK_PRELOAD = pathToFileURL(join(import.meta.dirname, 'playground-loopback.mjs')).href;

export interface PlaygroundOptions {
  /** The bot endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly endpoint: string;
  /** Web UI port; the playground falls back to a random free port when it is taken. Default 56150. */
  readonly port?: number;
  readonly configFile?: string;
  readonly logFile: string;
  /** Where the playground writes anything else it keeps (a devTools/ folder). */
  readonly workDir?: string;
  readonly startTimeoutMs?: number;
}

export interface RunningPlayground {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess, ms: number): Promise<boolean> =>
  new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done(true);
      return;
    }
    const timer = setTimeout(() => {
      done(false);
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });

/** Signals the whole process group: npm's .bin shim may sit between us and the server. */
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
};

export const startPlayground = async (options: PlaygroundOptions): Promise<RunningPlayground> => {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const workDir = options.workDir ?? dirname(options.logFile);
  mkdirSync(workDir, { recursive: true });
  const child = spawn(CLI, ['-e', options.endpoint, '--disable-telemetry', '-p', String(options.port ?? 56150)], {
    cwd: workDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      // Never try to open a desktop browser; the URL is printed instead.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile ?? join(ROOT, '.m365agentsplayground.yml'),
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile,
      // The playground has no host option; this keeps it off the network (127.0.0.1 only).
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${LOOPBACK_PRELOAD}`.trim(),
    },
  });
  const stop = async (): Promise<void> => {
    signalGroup(child, 'SIGTERM');
    if (!(await exited(child, 5000))) {
      signalGroup(child, 'SIGKILL');
      await exited(child, 5000);
    }
  };
  let output = '';
  let started = false;
  const port = await new Promise<number>((ready, fail) => {
    const timer = setTimeout(() => {
      fail(new Error(`The Agents Playground did not start within the time allowed: ${output.slice(-500)}`));
    }, options.startTimeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      if (started) return;
      output += chunk.toString('utf8');
      const listening = /Listening on (\d+)/.exec(output);
      if (listening?.[1] !== undefined) {
        clearTimeout(timer);
        started = true;
        ready(Number(listening[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (code) => {
      if (started) return;
      clearTimeout(timer);
      fail(new Error(`The Agents Playground exited with code ${String(code)}: ${output.slice(-500)}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url: `http://127.0.0.1:${String(port)}`, port, stop };
};
