/**
 * The server process is killed outright (SIGKILL) in the middle of a proactive fan-out and in the
 * middle of a stream of writes; a new process over the same Cosmos server takes over. Nothing is
 * lost and nothing is sent or stored twice: a send whose outcome died with the process is flagged
 * in doubt rather than repeated, and Teams' redelivery of unacknowledged activities stores each
 * note exactly once.
 */
import { randomUUID } from 'node:crypto';
import { buildNoticeCard } from '@pc/core/cards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { TENANT_REFERENCE_KEY, type SendQueueItem } from '@pc/core';
import { checkinSendId } from '@pc/core/usecases';
import {
  createConversationReferenceStore,
  createSendQueueStore,
  type KeyValueFactory,
} from '../../bot/src/cosmos/bot-state.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { cardSubmit } from '../fakes/connector/teams-activities.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { reportId, seedTeam } from './support/org.ts';
import { spawnAppProcess, type AppProcess } from './support/process.ts';

const TENANT = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
// Teams' limits with time running SCALE times faster, so the fan-out takes seconds.
const SCALE = 10;
const CHECKINS = 100;
const CYCLE = '2027-05';

describe('killing the server mid-work and starting another over the same store', () => {
  let cosmos: CosmosServer;
  let store: Store;
  let connector: FakeBotConnector;
  let databaseId: string;
  const running: AppProcess[] = [];
  const spawn = async (extra: Record<string, string> = {}) => {
    const app = await spawnAppProcess({
      RELIABILITY_COSMOS_ENDPOINT: cosmos.endpoint,
      RELIABILITY_COSMOS_KEY: cosmos.key,
      RELIABILITY_DATABASE: databaseId,
      RELIABILITY_TENANTS: TENANT,
      ...extra,
    });
    running.push(app);
    return app;
  };

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    databaseId = `restart-${randomUUID()}`;
    store = await createCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId, allowSelfSigned: true });
    connector = await startFakeBotConnector({
      perTenant: { max: 50, windowMs: 1000 / SCALE },
      perConversation: { max: 1, windowMs: 1000 / SCALE },
      retryAfterSeconds: (ms) => ms / 1000,
    });
    await seedTeam(store, { tenantId: TENANT, reports: 5 });
  });
  afterAll(async () => {
    for (const app of running) await app.kill();
    await connector.close();
    store.close();
    await cosmos.close();
  });

  it('a fan-out killed part-way is finished by the next process: every check-in delivered at most once, none lost', async () => {
    const keyValues: KeyValueFactory = (kind, partition) => store.keyValues(kind, partition);
    const queue = createSendQueueStore(keyValues);
    await createConversationReferenceStore(keyValues).put({
      tenantId: TENANT,
      id: TENANT_REFERENCE_KEY,
      serviceUrl: connector.url,
      botId: '28:bot-app',
      channelId: 'msteams',
      updatedAt: new Date().toISOString(),
    });
    const ids: string[] = [];
    for (let n = 0; n < CHECKINS; n++) {
      const personId = `person-${String(n)}`;
      const item: SendQueueItem = {
        tenantId: TENANT,
        id: checkinSendId(TENANT, personId, CYCLE),
        personId,
        cycleKey: CYCLE,
        state: 'pending',
        card: buildNoticeCard('Check-in', ['Your regular conversation is due this month.']),
        attempts: 0,
        enqueuedAt: new Date(Date.UTC(2027, 4, 1, 9, 0, 0, n)).toISOString(),
      };
      ids.push(item.id);
      await queue.enqueue(item);
    }
    const fanout = {
      RELIABILITY_FANOUT_TENANT: TENANT,
      RELIABILITY_FANOUT_CYCLE: CYCLE,
      RELIABILITY_TIME_SCALE: String(SCALE),
    };

    const first = await spawn(fanout);
    await connector.waitFor(() => connector.activities.length >= 30, 120_000);
    await first.kill();
    const deliveredByFirst = connector.activities.length;
    expect(deliveredByFirst).toBeLessThan(CHECKINS);

    // The new process knows the old one is gone, so it need not wait out the claim lease.
    const second = await spawn({ ...fanout, RELIABILITY_LEASE_MS: '0' });
    const done = await second.waitFor((line) => 'drained' in line || 'failed' in line, 180_000);
    expect(done).toHaveProperty('drained');

    const delivered = connector.activities.map((a) => a.conversationId);
    expect(new Set(delivered).size).toBe(delivered.length); // nobody got the card twice
    const states = new Map<string, string>();
    for (const id of ids) states.set(id, (await queue.get(TENANT, CYCLE, id))?.item.state ?? 'missing');
    const counts = [...states.values()].reduce<Record<string, number>>((c, s) => ({ ...c, [s]: (c[s] ?? 0) + 1 }), {});
    // Every check-in ended somewhere a person can act on: sent, or flagged for a human to check.
    for (const state of states.values()) expect(['sent', 'in-doubt']).toContain(state);
    // Only sends in flight when the process died can be in doubt (the worker runs 8 at a time).
    expect(counts['in-doubt'] ?? 0).toBeLessThanOrEqual(8);
    // A check-in recorded as sent really reached the person.
    expect(counts.sent ?? 0).toBeLessThanOrEqual(delivered.length);
    expect(delivered.length).toBeGreaterThanOrEqual(CHECKINS - (counts['in-doubt'] ?? 0));
    await second.kill();
  }, 300_000);

  it('notes sent while the server is killed are stored exactly once after Teams redelivers them to the new process', async () => {
    const NOTES = 60;
    const activities = Array.from({ length: NOTES }, (_, n) =>
      cardSubmit(
        {
          serviceUrl: connector.url,
          user: { tenantId: TENANT, aadObjectId: reportId(n % 5), name: 'Colleague' },
          id: `1:restart-${String(n)}`,
        },
        {
          verb: 'feedback.log',
          subjectId: reportId((n + 1) % 5),
          kind: 'work-acknowledged',
          text: `Restart note ${String(n)}`,
          visibility: '',
          addToAgenda: 'false',
        },
      ),
    );
    const acknowledged = new Set<number>();
    const deliver = async (url: string, n: number): Promise<void> => {
      try {
        const response = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activities[n]),
        });
        await response.arrayBuffer();
        if (response.status === 200) acknowledged.add(n);
      } catch {
        // The process died under this request: Teams will deliver it again.
      }
    };

    const first = await spawn();
    let next = 0;
    const sending = Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let n = next++; n < NOTES; n = next++) await deliver(first.url, n);
      }),
    );
    while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 20));
    await first.kill();
    await sending;
    expect(acknowledged.size).toBeLessThan(NOTES);

    const second = await spawn();
    for (let n = 0; n < NOTES; n++) if (!acknowledged.has(n)) await deliver(second.url, n);
    expect(acknowledged.size).toBe(NOTES);

    const texts: string[] = [];
    for (let r = 0; r < 5; r++) {
      const page = await store.feedback.listForSubject(TENANT, reportId(r), { pageSize: 100 });
      texts.push(...page.items.map((note) => note.text).filter((t) => t.startsWith('Restart note')));
    }
    expect(texts).toHaveLength(NOTES);
    expect(new Set(texts).size).toBe(NOTES);
    await second.kill();
  }, 300_000);
});
