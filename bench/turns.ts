/**
 * Bot turn throughput and latency: autocannon on loopback against the echo bot (the ceiling of
 * restify + botbuilder on this machine) and against the real "log in-the-moment feedback" turn,
 * which checks the author and subject work together, writes the note to Cosmos and answers with
 * the confirmation card: in the invoke's reply, as Teams sends our card's Action.Execute, and, as
 * a second figure, through the connector for a classic Action.Submit message.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createCosmosStore, type Store } from '../bot/src/cosmos/index.ts';
import { cardExecute, cardSubmit, textMessage } from '../test/fakes/connector/teams-activities.ts';
import { reportId, seedTeam } from '../test/reliability/support/org.ts';
import { startChild, startPeers } from './lib/child.ts';
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
}

export interface TurnsResult {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly echo: LoadFigures;
  /** The feedback turn as Teams sends it for our card: a Universal Action invoke. */
  readonly feedback: LoadFigures;
  /** The same turn as a classic Action.Submit message, replied to through the connector like the echo. */
  readonly submit: LoadFigures;
  /** Feedback (invoke) req/s over echo req/s, both in their measured windows. */
  readonly ratio: number;
  /** Feedback (message) req/s over echo req/s: the like-for-like comparison the target applies to. */
  readonly submitRatio: number;
  /** Notes stored per second during the measured window of the invoke run. */
  readonly notesPerSecond: number;
  /** notesPerSecond over the echo's req/s. */
  readonly servedRatio: number;
  /** Notes stored in the invoke run's window, and confirmation cards the connector got for the submit run. */
  readonly notesStored: number;
  readonly repliesConfirmed: number;
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
  options: { connections: number; warmupSeconds: number; seconds: number },
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
          headers: { 'content-type': 'application/json' },
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
  await done;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / options.seconds,
    p50Ms: Math.round(percentile(latencies, 0.5)),
    p99Ms: Math.round(percentile(latencies, 0.99)),
    completed: latencies.length,
    non2xx,
    errors,
    allConnectedSeconds: allConnectedMs / 1000,
  };
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

/** Notes stored between `from` and `to` (epoch ms), by their own creation time. */
const countNotes = async (store: Store, from = 0, to = Number.POSITIVE_INFINITY): Promise<number> => {
  let total = 0;
  for (let r = 0; r < TEAM; r++) {
    let token: string | undefined;
    do {
      const page = await store.feedback.listForSubject(TENANT, reportId(r), {
        pageSize: 100,
        ...(token === undefined ? {} : { continuationToken: token }),
      });
      total += page.items.filter((note) => {
        const at = Date.parse(note.createdAt);
        return at >= from && at <= to;
      }).length;
      token = page.continuationToken;
    } while (token !== undefined);
  }
  return total;
};

export const benchTurns = async (options: {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}): Promise<TurnsResult> => {
  const peers = await startPeers();
  try {
    const serviceUrl = peers.info.connectorUrl;
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
    const invokeBody = () => {
      const { activity, data } = note();
      return JSON.stringify(cardExecute(activity, 'feedback.log', data));
    };
    // Clients without Universal Actions send a message with the card's data; the reply goes through the connector.
    const submitBody = () => {
      const { activity, data } = note();
      return JSON.stringify(cardSubmit(activity, { verb: 'feedback.log', ...data }));
    };

    const echo = await startChild<AppInfo>('echo-app');
    let echoFigures: LoadFigures;
    try {
      echoFigures = await load(echo.info.url, echoBody, options);
    } finally {
      await echo.stop();
    }
    await settle(peers.info);

    const databaseId = `bench-${randomUUID()}`;
    const seeding = await createCosmosStore({
      endpoint: peers.info.cosmosEndpoint,
      key: peers.info.cosmosKey,
      databaseId,
      allowSelfSigned: true,
    });
    await seedTeam(seeding, { tenantId: TENANT, reports: TEAM });
    const startReal = () =>
      startChild<AppInfo>('real-app', {
        BENCH_COSMOS_ENDPOINT: peers.info.cosmosEndpoint,
        BENCH_COSMOS_KEY: peers.info.cosmosKey,
        BENCH_DATABASE: databaseId,
        BENCH_TENANTS: TENANT,
      });
    try {
      // A fresh process for each run, as for the echo: neither inherits the other's warm state.
      let real = await startReal();
      let feedback: LoadFigures;
      let notesStored = 0;
      try {
        const measuredFrom = Date.now() + options.warmupSeconds * 1000;
        feedback = await load(real.info.url, invokeBody, options);
        notesStored = await countNotes(seeding, measuredFrom, measuredFrom + options.seconds * 1000);
      } finally {
        await real.stop();
      }
      real = await startReal();
      let submit: LoadFigures;
      let repliesConfirmed = 0;
      try {
        const before = (await stats(peers.info, 'Feedback logged')).matching;
        submit = await load(real.info.url, submitBody, options);
        await settle(peers.info);
        repliesConfirmed = (await stats(peers.info, 'Feedback logged')).matching - before;
      } finally {
        await real.stop();
      }
      return {
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        seconds: options.seconds,
        echo: echoFigures,
        feedback,
        submit,
        ratio: feedback.requestsPerSecond / echoFigures.requestsPerSecond,
        submitRatio: submit.requestsPerSecond / echoFigures.requestsPerSecond,
        notesPerSecond: notesStored / options.seconds,
        servedRatio: notesStored / options.seconds / echoFigures.requestsPerSecond,
        notesStored,
        repliesConfirmed,
      };
    } finally {
      seeding.close();
    }
  } finally {
    await peers.stop();
  }
};
