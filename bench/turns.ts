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
import { startChild } from './lib/child.ts';
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
  /** Feedback req/s over echo req/s. */
  readonly ratio: number;
  /** Confirmation cards the connector received, and notes stored, for the feedback run. */
  readonly repliesConfirmed: number;
  readonly notesStored: number;
}

const load = async (url: string, body: () => string, connections: number, seconds: number): Promise<LoadFigures> => {
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: seconds,
    timeout: 10,
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

const stats = async (peers: PeersInfo, text: string): Promise<{ activities: number; matching: number }> =>
  (await (await fetch(`${peers.statsUrl}?text=${encodeURIComponent(text)}`)).json()) as {
    activities: number;
    matching: number;
  };

const countNotes = async (store: Store): Promise<number> => {
  let total = 0;
  for (let r = 0; r < TEAM; r++) {
    let token: string | undefined;
    do {
      const page = await store.feedback.listForSubject(TENANT, reportId(r), {
        pageSize: 100,
        ...(token === undefined ? {} : { continuationToken: token }),
      });
      total += page.items.length;
      token = page.continuationToken;
    } while (token !== undefined);
  }
  return total;
};

export const benchTurns = async (options: { connections: number; seconds: number; warmupSeconds: number }) => {
  const peers = await startChild<PeersInfo>('peers');
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
      const before = (await stats(peers.info, 'Feedback logged')).matching;
      const storedBefore = await countNotes(seeding);
      feedback = await load(real.info.url, feedbackBody, options.connections, options.seconds);
      repliesConfirmed = (await stats(peers.info, 'Feedback logged')).matching - before;
      notesStored = (await countNotes(seeding)) - storedBefore;
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
      repliesConfirmed,
      notesStored,
    } satisfies TurnsResult;
  } finally {
    await peers.stop();
  }
};
