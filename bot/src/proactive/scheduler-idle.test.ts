// An idle instance's sweeps: a tenant found with nothing to send is listed less and less often
// while nobody takes its lease, and at once again when somebody has (a stopped instance's sends).
import { systemClock, TENANT_REFERENCE_KEY, type SendQueueStore } from '@pc/core';
import { buildNoticeCard } from '@pc/core/cards';
import { checkinSendId, isoWeekKey } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../../../test/fakes/connector/bot-harness.ts';
import { composeServices, type AppServices } from '../compose.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logging.ts';
import { createBotAdapter } from '../teams/adapter.ts';
import { createCloudProactiveSender } from '../teams/proactive-sender.ts';
import { SendLeases } from './leases.ts';
import { SendQueueWorker } from './queue.ts';
import { CheckinScheduler } from './scheduler.ts';

const TENANT = '5a4e0000-0000-4000-a000-0000000000a1';
const SWEEP_MS = 20;
const QUIET_MS = 50;

describe('an idle instance sweeping a tenant with nothing to send', () => {
  let h: BotHarness;
  let services: AppServices;
  const logger = createLogger({ level: 'silent' });
  let scheduler: CheckinScheduler | undefined;
  /** How often the sweeps asked the store whether the tenant has sends open. */
  let listings = 0;
  const cycle = isoWeekKey(systemClock.today());
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
  const leases = (): SendLeases =>
    new SendLeases({ store: services.sendLeases, logger, leaseMs: 10_000, quietMs: QUIET_MS });

  /**
   * Sweeps every SWEEP_MS, as the timer would, for `ms` or until `done` holds; resolves with how
   * many listings that made.
   */
  const sweepFor = async (ms: number, done: () => boolean = () => false): Promise<number> => {
    const before = listings;
    for (const end = Date.now() + ms; Date.now() < end && !done();) {
      await scheduler?.sweepOnce();
      await sleep(SWEEP_MS);
    }
    return listings - before;
  };

  beforeAll(async () => {
    h = await startBotHarness({ tenants: [TENANT] });
    services = composeServices(loadConfig({ APP_ENV: 'local', CHECKIN_SCHEDULER: 'false' }), h.store, systemClock);
    await services.references.put({
      tenantId: TENANT,
      id: TENANT_REFERENCE_KEY,
      serviceUrl: h.connector.url,
      botId: '28:bot',
      channelId: 'msteams',
      updatedAt: new Date().toISOString(),
    });
    const counted: SendQueueStore = {
      ...services.sendQueue,
      anyOpen: (tenantId, cycleKey) => {
        listings += 1;
        return services.sendQueue.anyOpen(tenantId, cycleKey);
      },
    };
    const local = { appId: undefined, appPassword: undefined, appTenantId: undefined, localPlayground: true };
    const adapter = createBotAdapter({ ...local, appType: 'SingleTenant' }, logger);
    const sender = createCloudProactiveSender({ adapter, botAppId: '', references: services.references });
    scheduler = new CheckinScheduler({
      deps: services.deps,
      references: services.references,
      logger,
      worker: new SendQueueWorker({ store: counted, sender, logger }),
      tenants: [TENANT],
      leases: leases(),
      sweepIntervalMs: SWEEP_MS,
    });
  }, 60_000);

  afterAll(async () => {
    await scheduler?.stop();
    await h.close();
  });

  it('is listed less and less often while nobody takes its lease; a send left by another holder goes out at once', async () => {
    // First found clear, it is left for five sweeps, then ten, twenty, forty, eighty: six listings
    // in 3 s (at 0, 0.1, 0.3, 0.7, 1.5 and 3.1 s), where listing it every five sweeps would make thirty.
    const idle = await sweepFor(3_000);
    expect(idle).toBeGreaterThanOrEqual(2);
    expect(idle).toBeLessThanOrEqual(7);
    // Right after a listing, so the tenant would now be left alone for twice as long as before it.
    const listed = listings;
    await sweepFor(5_000, () => listings > listed);

    // Another instance takes the tenant, marks nothing and stops: its lease changed, so the next
    // sweep after the quiet time lists the tenant again and sends what was queued meanwhile, long
    // before the 3 s or more the tenant was otherwise left alone for.
    const other = await leases().acquire(TENANT, cycle);
    expect(other).toBeDefined();
    const personId = 'ann';
    await services.sendQueue.enqueue({
      tenantId: TENANT,
      id: checkinSendId(TENANT, personId, cycle),
      personId,
      cycleKey: cycle,
      state: 'pending',
      card: buildNoticeCard('Check-in', ['Your regular conversation is due this month.']),
      attempts: 0,
      enqueuedAt: new Date().toISOString(),
    });
    await other?.release();
    const before = h.connector.activities.length;
    const sent = (): boolean => h.connector.activities.length > before;
    const since = Date.now();
    await sweepFor(1_500, sent);
    await h.connector.waitFor(sent, 1_500);
    expect(Date.now() - since).toBeLessThan(1_500);
    expect(h.connector.activities.length - before).toBe(1);
    // The card reaches the connector before the sweep's drain has read the answer and recorded it.
    const state = async () =>
      (await services.sendQueue.get(TENANT, cycle, checkinSendId(TENANT, personId, cycle)))?.item.state;
    await expect.poll(state, { timeout: 5_000 }).toBe('sent');
  }, 30_000);
});
