/**
 * Bot turn throughput and latency: autocannon on loopback against the echo bot (the ceiling of
 * restify + botbuilder on this machine) and against the real "log in-the-moment feedback" turn,
 * which reads the author's team, writes the note to Cosmos and replies through the connector.
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { createCosmosStore, type Store } from '../bot/src/cosmos/index.ts';
import { cardSubmit, textMessage } from '../test/fakes/connector/teams-activities.ts';
import { reportId, seedTeam } from '../test/reliability/support/org.ts';
import { startChild, startPeers } from './lib/child.ts';
import type { AppInfo, PeersInfo } from './lib/roles.ts';

const TENANT = '77777777-7777-4777-8777-777777777777';
const TEAM = 30;

export interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly completed: number;
  readonly non2xx: number;
  readonly errors: number;
}

export interface TurnsResult {
  readonly connections: number;
  readonly seconds: number;
  readonly echo: LoadFigures;
  readonly feedback: LoadFigures;
  /** Feedback req/s over echo req/s, both as autocannon counted them (answered within the run). */
  readonly ratio: number;
  /** Notes stored per second during the measured run: the feedback turn's served throughput. */
  readonly notesPerSecond: number;
  /** notesPerSecond over the echo's req/s. */
  readonly servedRatio: number;
  /** Confirmation cards the connector received, and notes stored, for the feedback run. */
  readonly repliesConfirmed: number;
  readonly notesStored: number;
}

const load = async (url: string, body: () => string, connections: number, seconds: number): Promise<LoadFigures> => {
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: body() }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    completed: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
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

export const benchTurns = async (options: { connections: number; seconds: number; warmupSeconds: number }) => {
  const peers = await startPeers();
  try {
    const serviceUrl = peers.info.connectorUrl;
    const user = (n: number) => ({ tenantId: TENANT, aadObjectId: reportId(n % TEAM), name: `Colleague ${String(n)}` });
    let n = 0;
    const echoBody = () => JSON.stringify(textMessage({ serviceUrl, user: user(n++) }, 'hello there'));
    // Each note is about the next colleague in the same team, so every request is a new, valid note.
    const feedbackBody = () => {
      n += 1;
      return JSON.stringify(
        cardSubmit(
          { serviceUrl, user: user(n), id: `1:${randomUUID()}` },
          {
            verb: 'feedback.log',
            subjectId: reportId((n + 1) % TEAM),
            kind: 'work-acknowledged',
            text: 'Covered the Friday rota at short notice',
            visibility: '',
            addToAgenda: 'false',
          },
        ),
      );
    };

    const echo = await startChild<AppInfo>('echo-app');
    let echoFigures: LoadFigures;
    try {
      await load(echo.info.url, echoBody, options.connections, options.warmupSeconds);
      await settle(peers.info);
      echoFigures = await load(echo.info.url, echoBody, options.connections, options.seconds);
    } finally {
      await echo.stop();
    }

    const databaseId = `bench-${randomUUID()}`;
    const seeding = await createCosmosStore({
      endpoint: peers.info.cosmosEndpoint,
      key: peers.info.cosmosKey,
      databaseId,
      allowSelfSigned: true,
    });
    await seedTeam(seeding, { tenantId: TENANT, reports: TEAM });
    const real = await startChild<AppInfo>('real-app', {
      BENCH_COSMOS_ENDPOINT: peers.info.cosmosEndpoint,
      BENCH_COSMOS_KEY: peers.info.cosmosKey,
      BENCH_DATABASE: databaseId,
      BENCH_TENANTS: TENANT,
    });
    let feedback: LoadFigures;
    let notesStored = 0;
    let repliesConfirmed = 0;
    try {
      await load(real.info.url, feedbackBody, options.connections, options.warmupSeconds);
      await settle(peers.info);
      const before = (await stats(peers.info, 'Feedback logged')).matching;
      const runStart = Date.now();
      feedback = await load(real.info.url, feedbackBody, options.connections, options.seconds);
      const runEnd = Date.now();
      await settle(peers.info);
      notesStored = await countNotes(seeding, runStart, runEnd);
      repliesConfirmed = (await stats(peers.info, 'Feedback logged')).matching - before;
    } finally {
      await real.stop();
      seeding.close();
    }
    return {
      connections: options.connections,
      seconds: options.seconds,
      echo: echoFigures,
      feedback,
      ratio: feedback.requestsPerSecond / echoFigures.requestsPerSecond,
      notesPerSecond: notesStored / options.seconds,
      servedRatio: notesStored / options.seconds / echoFigures.requestsPerSecond,
      repliesConfirmed,
      notesStored,
    } satisfies TurnsResult;
  } finally {
    await peers.stop();
  }
};
