import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import type { SendQueueItem } from '@pc/core';
import { buildNoticeCard } from '@pc/core/cards';
import { checkinSendId } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSendQueueStore, type KeyValueFactory } from '../../bot/src/cosmos/bot-state.ts';
import { createLogger } from '../../bot/src/logging.ts';
import { SendQueueWorker } from '../../bot/src/proactive/index.ts';
import { resetInstruments } from '../../bot/src/telemetry/index.ts';
import type { SlidingWindowLimiter } from '../fakes/connector/limits.ts';
import { startBotHarness, type BotHarness } from '../fakes/connector/bot-harness.ts';
import { installationAdd, postActivity } from '../fakes/connector/teams-activities.ts';
import { localProactiveSender } from '../reliability/support/sender.ts';

/**
 * The send queue's telemetry, as operators read it in Application Insights: how many check-ins
 * were sent, how many wait, and how often Teams answered 429; never to whom or what they said.
 */
const TENANT = '77777777-7777-4777-8777-777777777777';
const PEOPLE = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Mary Somerville', 'Charles Babbage', 'Ida Rhodes'];
const personId = (n: number): string => `00000000-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;
const CYCLE = '2027-W19';

const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
const meterProvider = new MeterProvider({ readers: [reader] });
let h: BotHarness;
const limiter: { perTenant?: SlidingWindowLimiter } = {};

beforeAll(async () => {
  metrics.setGlobalMeterProvider(meterProvider);
  resetInstruments();
  h = await startBotHarness({
    tenants: [TENANT],
    connector: {
      perTenant: { max: 50, windowMs: 1000, observe: (l) => (limiter.perTenant = l) },
      retryAfterSeconds: (ms) => ms / 1000,
    },
  });
  await postActivity(
    h.botUrl,
    installationAdd({ serviceUrl: h.connector.url, user: { tenantId: TENANT, aadObjectId: 'admin', name: 'Admin' } }),
  );
}, 120_000);
afterAll(async () => {
  await h.close();
  await meterProvider.shutdown();
  metrics.disable();
  resetInstruments();
});

const exported = async (): Promise<MetricData[]> => {
  exporter.reset();
  await reader.forceFlush();
  return exporter.getMetrics().flatMap((m) => m.scopeMetrics.flatMap((s) => s.metrics));
};
const points = (all: readonly MetricData[], name: string) =>
  all.find((m) => m.descriptor.name === name)?.dataPoints.map((p) => ({ value: p.value, ...p.attributes })) ?? [];

describe('send queue telemetry', () => {
  it('counts sends by outcome, the queue depth and Teams 429s, with nothing about the people', async () => {
    const logger = createLogger({ level: 'silent' });
    const keyValues: KeyValueFactory = (kind, partition) => h.store.keyValues(kind, partition);
    const queue = createSendQueueStore(keyValues);
    const worker = new SendQueueWorker({
      store: queue,
      sender: localProactiveSender(keyValues, logger),
      logger,
      concurrency: 2,
    });
    for (const [n, name] of PEOPLE.entries()) {
      const item: SendQueueItem = {
        tenantId: TENANT,
        id: checkinSendId(TENANT, personId(n), CYCLE),
        personId: personId(n),
        cycleKey: CYCLE,
        state: 'pending',
        card: buildNoticeCard('Check-in', [`${name}, your regular conversation is due this month.`]),
        attempts: 0,
        enqueuedAt: new Date(Date.UTC(2027, 4, 10, 9, 0, 0, n)).toISOString(),
      };
      expect(await worker.enqueue(item)).toBe(true);
    }
    // Queued and not yet sent: the depth says how many wait.
    expect(points(await exported(), 'pc.proactive.queue.depth')).toEqual([
      { value: PEOPLE.length, queue: 'proactive' },
    ]);

    // Teams refuses the third request once; the queue waits and still sends everyone their card.
    limiter.perTenant?.refuseOnce({ key: TENANT, nth: 3, retryAfterMs: 300 });
    const drained = await worker.drain(TENANT, CYCLE);
    expect(drained).toMatchObject({ sent: PEOPLE.length, inDoubt: 0 });

    const after = await exported();
    expect(points(after, 'pc.proactive.sends')).toEqual([{ value: PEOPLE.length, outcome: 'sent' }]);
    expect(points(after, 'pc.throttled')).toEqual([{ value: 1, peer: 'teams' }]);
    expect(points(after, 'pc.proactive.queue.depth')).toEqual([{ value: 0, queue: 'proactive' }]);

    const everything = JSON.stringify(
      after.map((m) => ({ name: m.descriptor.name, points: m.dataPoints.map((p) => p.attributes) })),
    );
    const personal = [TENANT, ...PEOPLE, ...PEOPLE.map((_, n) => personId(n)), 'regular conversation'];
    expect(personal.filter((value) => everything.includes(value))).toEqual([]);
  }, 60_000);
});
