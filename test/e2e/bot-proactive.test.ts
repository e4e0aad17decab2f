import { buildNoticeCard } from '@pc/core/cards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../bot/src/logging.ts';
import type { SendQueueItem, SendQueueStore } from '@pc/core';
import { checkinSendId } from '@pc/core/usecases';
import {
  createConversationReferenceStore,
  createSendQueueStore,
  type KeyValueFactory,
} from '../../bot/src/cosmos/bot-state.ts';
import { SendQueueWorker, type SendQueueOptions } from '../../bot/src/proactive/index.ts';
import { createBotAdapter } from '../../bot/src/teams/adapter.ts';
import { createCloudProactiveSender } from '../../bot/src/teams/proactive-sender.ts';
import { startFakeBotConnector } from '../fakes/bot-connector.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { installationAdd, postActivity } from '../fakes/connector/teams-activities.ts';

const TENANT = '66666666-6666-4666-8666-666666666666';
const logger = createLogger({ level: 'silent' });

/**
 * Teams allows 50 requests per second per app per tenant and about one
 * message per second per conversation. The connector here enforces the same
 * shape scaled by SCALE in time, so the test keeps Teams' semantics but runs in seconds.
 */
const SCALE = 20;
const TEAMS_TENANT_PER_SECOND = 50;

const item = (personId: string, cycleKey: string, n: number): SendQueueItem => ({
  tenantId: TENANT,
  id: checkinSendId(TENANT, personId, cycleKey),
  personId,
  cycleKey,
  state: 'pending',
  card: buildNoticeCard('Check-in', [`A check-in for ${personId}`]),
  attempts: 0,
  enqueuedAt: new Date(Date.UTC(2027, 4, 10, 9, 0, 0, n)).toISOString(),
});

describe('proactive check-ins through a rate-limited Bot Connector', () => {
  let h: BotHarness;
  let keyValues: KeyValueFactory;
  let queue: SendQueueStore;

  beforeAll(async () => {
    h = await startBotHarness({
      tenants: [TENANT],
      connector: {
        perTenant: { max: TEAMS_TENANT_PER_SECOND, windowMs: 1000 / SCALE },
        perConversation: { max: 1, windowMs: 1000 / SCALE },
        retryAfterSeconds: (ms) => ms / 1000,
      },
    });
    keyValues = (kind, partition) => h.store.keyValues(kind, partition);
    queue = createSendQueueStore(keyValues);
    // Installing the app is what tells the bot where the tenant's connector is.
    await postActivity(
      h.botUrl,
      installationAdd({ serviceUrl: h.connector.url, user: { tenantId: TENANT, aadObjectId: 'admin', name: 'Admin' } }),
    );
  });
  afterAll(async () => {
    await h.close();
  });

  const workerOver = (store: SendQueueStore, overrides: Partial<SendQueueOptions> = {}) =>
    new SendQueueWorker({
      store,
      sender: createCloudProactiveSender({
        adapter: createBotAdapter(
          {
            appId: undefined,
            appPassword: undefined,
            appTenantId: undefined,
            appType: 'SingleTenant',
            localPlayground: true,
          },
          logger,
        ),
        botAppId: '',
        references: createConversationReferenceStore(keyValues),
      }),
      logger,
      tenantLimit: { max: TEAMS_TENANT_PER_SECOND, windowMs: 1000 / SCALE },
      conversationLimit: { max: 1, windowMs: 1000 / SCALE },
      concurrency: 8,
      ...overrides,
    });

  it('delivers 2,000 check-ins exactly once each within the Teams limits', async () => {
    const cycle = '2027-05';
    const t0 = performance.now();
    for (let n = 0; n < 2000; n++) await queue.enqueue(item(`person-${String(n)}`, cycle, n));
    console.log(`enqueued 2000 in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    expect(await queue.enqueue(item('person-0', cycle, 0))).toBeUndefined(); // same tenant+person+cycle

    const before = h.connector.activities.length;
    const started = performance.now();
    const result = await workerOver(queue).drain(TENANT, cycle);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fan-out: ${String(result.sent)} sent in ${seconds.toFixed(1)}s, ${String(h.connector.stats.throttled)} 429s`,
    );

    expect(result).toMatchObject({ sent: 2000, inDoubt: 0, failed: 0 });
    const sent = h.connector.activities.slice(before);
    expect(sent).toHaveLength(2000);
    expect(new Set(sent.map((a) => a.conversationId)).size).toBe(2000);
    expect(h.connector.stats.peakPerTenant).toBeLessThanOrEqual(TEAMS_TENANT_PER_SECOND);
    expect(h.connector.stats.peakPerConversation).toBeLessThanOrEqual(1);
    // Pacing to the limit keeps refusals rare (network jitter can still bunch a few requests).
    expect(h.connector.stats.throttled).toBeLessThan(80);
    const stored = await queue.get(TENANT, cycle, checkinSendId(TENANT, 'person-1999', cycle));
    expect(stored?.item.state).toBe('sent');
  }, 600_000);

  it('when the connector answers 429, the queue waits as told and still delivers each once', async () => {
    const strict = await startFakeBotConnector({
      perTenant: { max: 2, windowMs: 200 },
      retryAfterSeconds: (ms) => ms / 1000,
    });
    try {
      const cycle = '2027-08';
      await postActivity(
        h.botUrl,
        installationAdd({ serviceUrl: strict.url, user: { tenantId: TENANT, aadObjectId: 'admin', name: 'Admin' } }),
      );
      // The install itself is answered with a welcome card; the check-ins are what comes after it.
      const welcome = strict.activities.length;
      for (let n = 0; n < 30; n++) await queue.enqueue(item(`p8-${String(n)}`, cycle, n));
      // The worker is told the tenant allows 40 requests a second; the connector allows 10.
      const result = await workerOver(queue, { tenantLimit: { max: 40, windowMs: 1000 } }).drain(TENANT, cycle);
      expect(result).toMatchObject({ sent: 30, failed: 0, inDoubt: 0 });
      // Refusals are retried after Retry-After (by the connector client's own policy first, then the queue).
      expect(strict.stats.throttled).toBeGreaterThan(0);
      expect(strict.stats.peakPerTenant).toBeLessThanOrEqual(2);
      const checkins = strict.activities.slice(welcome);
      expect(new Set(checkins.map((a) => a.conversationId)).size).toBe(30);
      expect(checkins).toHaveLength(30);
    } finally {
      await postActivity(
        h.botUrl,
        installationAdd({
          serviceUrl: h.connector.url,
          user: { tenantId: TENANT, aadObjectId: 'admin', name: 'Admin' },
        }),
      );
      await strict.close();
    }
  }, 120_000);

  it('a worker stopped mid-way and a new one over the same store send none twice', async () => {
    const cycle = '2027-06';
    for (let n = 0; n < 300; n++) await queue.enqueue(item(`p6-${String(n)}`, cycle, n));
    const before = h.connector.activities.length;
    const first = workerOver(queue);
    const draining = first.drain(TENANT, cycle);
    await h.connector.waitFor(() => h.connector.activities.length - before >= 100, 240_000);
    await first.stop();
    const partial = await draining;
    expect(partial.sent).toBeGreaterThanOrEqual(100);
    expect(partial.sent).toBeLessThan(300);

    const second = await workerOver(queue).drain(TENANT, cycle);
    expect(partial.sent + second.sent).toBe(300);
    const sent = h.connector.activities.slice(before);
    expect(sent).toHaveLength(300);
    expect(new Set(sent.map((a) => a.conversationId)).size).toBe(300);
  }, 300_000);

  it('a send whose record was lost in a crash is not sent again by the next worker', async () => {
    const cycle = '2027-07';
    for (let n = 0; n < 20; n++) await queue.enqueue(item(`p7-${String(n)}`, cycle, n));
    const doomed = checkinSendId(TENANT, 'p7-5', cycle);
    // The process "dies" right after the connector accepted p7-5: its 'sent' record never lands.
    const crashing: SendQueueStore = {
      ...queue,
      replace: (next, etag) =>
        next.id === doomed && next.state === 'sent'
          ? Promise.reject(new Error('process died'))
          : queue.replace(next, etag),
    };
    const before = h.connector.activities.length;
    await expect(workerOver(crashing, { concurrency: 1 }).drain(TENANT, cycle)).rejects.toThrow('process died');
    expect((await queue.get(TENANT, cycle, doomed))?.item.state).toBe('sending');

    const recovered = await workerOver(queue, { leaseMs: 0 }).drain(TENANT, cycle);
    expect(recovered.inDoubt).toBe(1);
    expect((await queue.get(TENANT, cycle, doomed))?.item.state).toBe('in-doubt');
    const sent = h.connector.activities.slice(before);
    expect(sent).toHaveLength(20);
    expect(new Set(sent.map((a) => a.conversationId)).size).toBe(20);
  }, 120_000);

  it('sends what it queued itself without listing first, and still finds what others queued, each once', async () => {
    const cycle = '2027-09';
    let listings = 0;
    let sentBeforeFirstListing = -1;
    const before = h.connector.activities.length;
    const counting: SendQueueStore = {
      ...queue,
      scanOpen: (tenantId, cycleKey, token) => {
        if (listings === 0) sentBeforeFirstListing = h.connector.activities.length - before;
        listings += 1;
        return queue.scanOpen(tenantId, cycleKey, token);
      },
    };
    const worker = workerOver(counting);
    for (let n = 0; n < 40; n++) expect(await worker.enqueue(item(`p9-${String(n)}`, cycle, n))).toBe(true);
    // Queued by another process: only the store's listing shows these.
    for (let n = 40; n < 50; n++) await queue.enqueue(item(`p9-${String(n)}`, cycle, n));
    expect(await worker.enqueue(item('p9-0', cycle, 0))).toBe(false);

    const result = await worker.drain(TENANT, cycle);
    expect(result).toMatchObject({ sent: 50, failed: 0, inDoubt: 0 });
    expect(sentBeforeFirstListing).toBeGreaterThan(0);
    expect(listings).toBe(1);
    const sent = h.connector.activities.slice(before);
    expect(sent).toHaveLength(50);
    expect(new Set(sent.map((a) => a.conversationId)).size).toBe(50);
    // A second drain has nothing of its own left and finds nothing open.
    expect(await worker.drain(TENANT, cycle)).toMatchObject({ sent: 0 });
  }, 120_000);
});
