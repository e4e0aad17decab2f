/**
 * Bot turn throughput and latency: autocannon on loopback against the echo bot (the ceiling of
 * restify + botbuilder on this machine) and against the real "log in-the-moment feedback" turn,
 * which checks the author and subject work together, writes the note to Cosmos and answers with
 * the confirmation card: in the invoke's reply, as Teams sends our card's Action.Execute, and, as
 * a second figure, through the connector for a classic Action.Submit message. Both servers check
 * the Bot Framework token every activity carries and reply with a token of their own, as in
 * production (lib/bot-auth.ts). Besides requests per second, each run reports the CPU the server
 * used per reply in the measured window (lib/process-cpu.ts), which other work on the machine
 * barely moves; BENCH_TURN_PLACEMENT=pinned gives the server a core of its own (lib/placement.ts).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createCosmosStore, type Store } from '../bot/src/cosmos/index.ts';
import { feedbackIdFor } from '@pc/core/feedback';
import { cardExecute, cardSubmit, textMessage } from '../test/fakes/connector/teams-activities.ts';
import { reportId, seedTeam } from '../test/reliability/support/org.ts';
import { startBotAuth } from './lib/bot-auth.ts';
import { startChild, startPeers } from './lib/child.ts';
import { placeProcesses, type Placement } from './lib/placement.ts';
import { processCpuMs } from './lib/process-cpu.ts';
import type { AppInfo, PeersInfo } from './lib/roles.ts';

const TENANT = '77777777-7777-4777-8777-777777777777';
const TEAM = 30;

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Replies within the measured window. */
  readonly completed: number;
  readonly non2xx: number;
  readonly errors: number;
  /** Seconds from the start until every connection had its first reply (the connection storm). */
  readonly allConnectedSeconds: number;
  /** CPU milliseconds the server under test used per reply in the measured window (NaN off Linux). */
  readonly serverCpuMsPerTurn: number;
}

export interface TurnsResult {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly rounds: number;
  /** Echo and message-feedback figures over all rounds; each round's own figures follow. */
  readonly echo: LoadFigures;
  readonly echoRuns: readonly LoadFigures[];
  readonly submitRuns: readonly LoadFigures[];
  /** The feedback turn as Teams sends it for our card: a Universal Action invoke. */
  readonly feedback: LoadFigures;
  /** The same turn as a classic Action.Submit message, replied to through the connector like the echo. */
  readonly submit: LoadFigures;
  /** Feedback (invoke) req/s over echo req/s, both in their measured windows. */
  readonly ratio: number;
  /** Feedback (message) req/s over echo req/s: the like-for-like comparison the target applies to. */
  readonly submitRatio: number;
  /**
   * The echo's server CPU per turn over the message-feedback turn's: the throughput ratio a server
   * whose core is its limit reaches, which load from other processes on the machine barely moves.
   */
  readonly submitCpuRatio: number;
  /** Notes stored per second during the measured window of the invoke run. */
  readonly notesPerSecond: number;
  /** notesPerSecond over the echo's req/s. */
  readonly servedRatio: number;
  /** Of the invokes sent in the measured window, the notes stored; confirmation cards the connector got in the message runs. */
  readonly notesStored: number;
  /** Invokes the load generator sent in the measured window (each asks for one new note). */
  readonly notesSent: number;
  readonly repliesConfirmed: number;
  /** Which cores the server under test and everything else ran on (lib/placement.ts). */
  readonly placement: string;
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? Number.NaN : (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN);

/**
 * One autocannon run of warm-up plus measurement on the same connections. Figures count only the
 * replies that arrive in the measured window: a server under load accepts one new connection per
 * event-loop turn, so the first seconds go on opening the connections, which the warm-up absorbs.
 */
const load = async (
  url: string,
  body: () => string,
  options: { connections: number; warmupSeconds: number; seconds: number; authorization: string },
  serverPid: number | undefined,
): Promise<LoadFigures> => {
  const startedAt = performance.now();
  const from = options.warmupSeconds * 1000;
  const to = from + options.seconds * 1000;
  const latencies: number[] = [];
  const answered = new Set<unknown>();
  let allConnectedMs = Number.NaN;
  let non2xx = 0;
  let errors = 0;
  let finished: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => {
      if (error === null || error === undefined) resolve();
      else reject(error instanceof Error ? error : new Error('autocannon failed', { cause: error }));
    };
  });
  const instance = autocannon(
    {
      url: `${url}/api/messages`,
      connections: options.connections,
      duration: options.warmupSeconds + options.seconds,
      timeout: 30,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: options.authorization },
          setupRequest: (request) => ({ ...request, body: body() }),
        },
      ],
    },
    (error: unknown) => {
      finished(error);
    },
  );
  const inWindow = (): boolean => {
    const at = performance.now() - startedAt;
    return at >= from && at < to;
  };
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    if (answered.size < options.connections) {
      answered.add(client);
      if (answered.size === options.connections) allConnectedMs = performance.now() - startedAt;
    }
    if (!inWindow()) return;
    if (statusCode < 200 || statusCode > 299) non2xx += 1;
    latencies.push(responseTime);
  });
  instance.on('reqError', () => {
    if (inWindow()) errors += 1;
  });
  // The server's CPU clock read at both ends of the measured window.
  const cpuAt: (number | undefined)[] = [];
  const cpuTimers = [from, to].map((at, i) =>
    setTimeout(() => (cpuAt[i] = processCpuMs(serverPid)), Math.max(0, at - (performance.now() - startedAt))),
  );
  try {
    await done;
  } finally {
    cpuTimers.forEach(clearTimeout);
  }
  latencies.sort((a, b) => a - b);
  const [cpuFrom, cpuTo] = cpuAt;
  return {
    requestsPerSecond: latencies.length / options.seconds,
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
    completed: latencies.length,
    non2xx,
    errors,
    allConnectedSeconds: allConnectedMs / 1000,
    serverCpuMsPerTurn:
      cpuFrom === undefined || cpuTo === undefined || latencies.length === 0
        ? Number.NaN
        : (cpuTo - cpuFrom) / latencies.length,
  };
};

/** A server that took an unsigned activity would not be measuring what production does. */
const refusesUnsigned = async (url: string, body: string): Promise<void> => {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.arrayBuffer();
  if (response.status !== 401) throw new Error(`${url} answered an unsigned activity with ${String(response.status)}`);
};

/** A warm-up leaves turns in flight on the server; wait until the connector goes quiet. */
const settle = async (peers: PeersInfo): Promise<void> => {
  let last = -1;
  for (let waited = 0; waited < 60_000; waited += 1_000) {
    const { activities } = await stats(peers, '');
    if (activities === last) return;
    last = activities;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
};

const stats = async (peers: PeersInfo, text: string): Promise<{ activities: number; matching: number }> =>
  (await (await fetch(`${peers.statsUrl}?text=${encodeURIComponent(text)}`)).json()) as {
    activities: number;
    matching: number;
  };

/** A feedback invoke the load generator sent: when, and which note it asks for. */
interface SentNote {
  readonly at: number;
  readonly subjectId: string;
  readonly activityId: string;
}

/** How many of the notes sent between `from` and `to` (performance.now ms) are stored: point reads only. */
const countStored = async (store: Store, sent: readonly SentNote[], from: number, to: number): Promise<number> => {
  const inWindow = sent.filter((s) => s.at >= from && s.at < to);
  let found = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let i = next++; i < inWindow.length; i = next++) {
        const s = inWindow[i];
        if (s !== undefined && (await store.feedback.get(TENANT, s.subjectId, feedbackIdFor(TENANT, s.activityId)))) {
          found += 1;
        }
      }
    }),
  );
  return found;
};

/** Several runs as one: replies over all measured seconds, the mean p50 and the worst p99. */
const combined = (runs: readonly LoadFigures[], seconds: number): LoadFigures => {
  const sum = (pick: (l: LoadFigures) => number): number => runs.reduce((total, l) => total + pick(l), 0);
  return {
    requestsPerSecond: sum((l) => l.completed) / (seconds * runs.length),
    p50Ms: Math.round(sum((l) => l.p50Ms) / runs.length),
    p99Ms: Math.max(...runs.map((l) => l.p99Ms)),
    completed: sum((l) => l.completed),
    non2xx: sum((l) => l.non2xx),
    errors: sum((l) => l.errors),
    allConnectedSeconds: Math.max(...runs.map((l) => l.allConnectedSeconds)),
    serverCpuMsPerTurn: sum((l) => l.serverCpuMsPerTurn * l.completed) / sum((l) => l.completed),
  };
};

interface TurnsOptions {
  readonly connections: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  /** Echo and message-feedback runs, taken in turns. */
  readonly rounds: number;
}

export const benchTurns = async (options: TurnsOptions): Promise<TurnsResult> => {
  // Before the peers start, so they run where this process does: never on the server's core.
  const placement = placeProcesses();
  process.stdout.write(`  placement: ${placement.description}\n`);
  try {
    return await measureTurns(options, placement);
  } finally {
    placement.restore();
  }
};

const measureTurns = async (options: TurnsOptions, placement: Placement): Promise<TurnsResult> => {
  const peers = await startPeers();
  const auth = await startBotAuth(peers.info.connectorUrl);
  /** A server under test: on its own core when processes are placed. */
  const startServer = async (role: string, env: Readonly<Record<string, string>>) => {
    const server = await startChild<AppInfo>(role, env);
    placement.server(server.process.pid);
    return server;
  };
  try {
    const serviceUrl = peers.info.connectorUrl;
    const loadOptions = { ...options, authorization: auth.authorization };
    const user = (n: number) => ({ tenantId: TENANT, aadObjectId: reportId(n % TEAM), name: `Colleague ${String(n)}` });
    let n = 0;
    const echoBody = () => JSON.stringify(textMessage({ serviceUrl, user: user(n++) }, 'hello there'));
    // Each note is about the next colleague in the same team, so every request is a new, valid note.
    const note = () => {
      n += 1;
      const data = {
        subjectId: reportId((n + 1) % TEAM),
        kind: 'work-acknowledged',
        text: 'Covered the Friday rota at short notice',
        visibility: '',
        addToAgenda: 'false',
      };
      return { activity: { serviceUrl, user: user(n), id: `1:${randomUUID()}` }, data };
    };
    // The Log button on our card is an Action.Execute: Teams sends an invoke and shows the card in its reply.
    const sentInvokes: SentNote[] = [];
    const invokeBody = () => {
      const { activity, data } = note();
      sentInvokes.push({ at: performance.now(), subjectId: data.subjectId, activityId: activity.id });
      return JSON.stringify(cardExecute(activity, 'feedback.log', data));
    };
    // Clients without Universal Actions send a message with the card's data; the reply goes through the connector.
    const submitBody = () => {
      const { activity, data } = note();
      return JSON.stringify(cardSubmit(activity, { verb: 'feedback.log', ...data }));
    };

    const runEcho = async (): Promise<LoadFigures> => {
      const echo = await startServer('echo-app', auth.env);
      try {
        await refusesUnsigned(echo.info.url, echoBody());
        return await load(echo.info.url, echoBody, loadOptions, echo.process.pid);
      } finally {
        await echo.stop();
        await settle(peers.info);
      }
    };

    const databaseId = `bench-${randomUUID()}`;
    const seeding = await createCosmosStore({
      endpoint: peers.info.cosmosEndpoint,
      key: peers.info.cosmosKey,
      databaseId,
      allowSelfSigned: true,
    });
    await seedTeam(seeding, { tenantId: TENANT, reports: TEAM });
    // A fresh process for each run, as for the echo: no run inherits another's warm state.
    const startReal = () =>
      startServer('real-app', {
        BENCH_COSMOS_ENDPOINT: peers.info.cosmosEndpoint,
        BENCH_COSMOS_KEY: peers.info.cosmosKey,
        BENCH_DATABASE: databaseId,
        BENCH_TENANTS: TENANT,
        ...auth.env,
      });
    let repliesConfirmed = 0;
    const runSubmit = async (): Promise<LoadFigures> => {
      const real = await startReal();
      try {
        await refusesUnsigned(real.info.url, submitBody());
        const before = (await stats(peers.info, 'Feedback logged')).matching;
        const figures = await load(real.info.url, submitBody, loadOptions, real.process.pid);
        await settle(peers.info);
        repliesConfirmed += (await stats(peers.info, 'Feedback logged')).matching - before;
        return figures;
      } finally {
        await real.stop();
      }
    };
    try {
      // Echo and feedback take turns, so a slow spell on the machine falls on both.
      const echoRuns: LoadFigures[] = [];
      const submitRuns: LoadFigures[] = [];
      for (let round = 0; round < options.rounds; round++) {
        echoRuns.push(await runEcho());
        submitRuns.push(await runSubmit());
      }
      const real = await startReal();
      let feedback: LoadFigures;
      let notesStored = 0;
      let notesSent = 0;
      try {
        const measuredFrom = performance.now() + options.warmupSeconds * 1000;
        feedback = await load(real.info.url, invokeBody, loadOptions, real.process.pid);
        notesSent = sentInvokes.filter(
          (s) => s.at >= measuredFrom && s.at < measuredFrom + options.seconds * 1000,
        ).length;
        await new Promise((resolve) => setTimeout(resolve, 2_000)); // turns still queued when the load stopped
        notesStored = await countStored(seeding, sentInvokes, measuredFrom, measuredFrom + options.seconds * 1000);
      } finally {
        await real.stop();
      }
      const echo = combined(echoRuns, options.seconds);
      const submit = combined(submitRuns, options.seconds);
      const cpu = (l: LoadFigures): string => `${l.serverCpuMsPerTurn.toFixed(2)} ms`;
      process.stdout.write(
        `  server CPU per turn: echo ${cpu(echo)}, feedback message ${cpu(submit)} (ratio ${(echo.serverCpuMsPerTurn / submit.serverCpuMsPerTurn).toFixed(2)}), feedback invoke ${cpu(feedback)}\n`,
      );
      return {
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        seconds: options.seconds,
        rounds: options.rounds,
        echo,
        feedback,
        submit,
        echoRuns,
        submitRuns,
        ratio: feedback.requestsPerSecond / echo.requestsPerSecond,
        submitRatio: submit.requestsPerSecond / echo.requestsPerSecond,
        submitCpuRatio: echo.serverCpuMsPerTurn / submit.serverCpuMsPerTurn,
        notesPerSecond: notesStored / options.seconds,
        servedRatio: notesStored / options.seconds / echo.requestsPerSecond,
        notesStored,
        notesSent,
        repliesConfirmed,
        placement: placement.description,
      };
    } finally {
      seeding.close();
    }
  } finally {
    await auth.close();
    await peers.stop();
  }
};
