// Two instances over one store: the hourly run of the first sends only its share of the tenants
// with check-ins due and leaves the rest, queued, for the other instance's sweep.
import type { Clock } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../../../test/fakes/connector/bot-harness.ts';
import { installationAdd, postActivity } from '../../../test/fakes/connector/teams-activities.ts';
import { composeServices, type AppServices } from '../compose.ts';
import { loadConfig } from '../config.ts';
import { employee } from '../cosmos/fixtures.test-support.ts';
import { createLogger } from '../logging.ts';
import { createBotAdapter } from '../teams/adapter.ts';
import { createCloudProactiveSender } from '../teams/proactive-sender.ts';
import { SendLeases } from './leases.ts';
import { SendQueueWorker } from './queue.ts';
import { CheckinScheduler } from './scheduler.ts';

const TENANTS = [1, 2, 3, 4].map((n) => `5a4e0000-0000-4000-a000-00000000000${String(n)}`);
/** A released tenant's quiet time, short so the test need not wait a rate window. */
const QUIET_MS = 50;

describe('the hourly check-in run shares the tenants out over the instances', () => {
  let h: BotHarness;
  const at = '2027-05-10T09:00:00.000Z'; // Monday 10:00 in London
  const clock: Clock = { now: () => at, today: () => at.slice(0, 10) };
  let services: AppServices;
  const logger = createLogger({ level: process.env.DEBUG_SHARE === undefined ? 'silent' : 'debug' });
  const instances: CheckinScheduler[] = [];

  /** One instance's scheduler: its own worker and leases, over the shared store and connector. */
  const instance = (): CheckinScheduler => {
    const local = { appId: undefined, appPassword: undefined, appTenantId: undefined, localPlayground: true };
    const adapter = createBotAdapter({ ...local, appType: 'SingleTenant' }, logger);
    const sender = createCloudProactiveSender({ adapter, botAppId: '', references: services.references });
    const leases = new SendLeases({ store: services.sendLeases, logger, leaseMs: 10_000, quietMs: QUIET_MS });
    const worker = new SendQueueWorker({ store: services.sendQueue, sender, logger });
    const { deps, references } = services;
    const scheduler = new CheckinScheduler({
      deps,
      references,
      logger,
      worker,
      tenants: TENANTS,
      leases,
      instances: 2,
    });
    instances.push(scheduler);
    return scheduler;
  };
  const cardedTenants = (): string[] => h.connector.conversations.map((c) => c.tenantId).sort();
  const quietTime = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2 * QUIET_MS));

  beforeAll(async () => {
    h = await startBotHarness({ tenants: TENANTS });
    services = composeServices(loadConfig({ APP_ENV: 'local', CHECKIN_SCHEDULER: 'false' }), h.store, clock);
    for (const tenantId of TENANTS) {
      const timeZone = 'Europe/London';
      await h.store.tenants.put({
        tenantId,
        name: 'Bexley',
        schemeId: 'bexley-pms',
        nation: 'england-and-wales',
        timeZone,
      });
      // Ann has had no conversation yet: every tenant has a check-in due.
      await h.store.employees.create(employee({ tenantId, id: 'ann', displayName: 'Ann Smith' }));
      const user = { tenantId, aadObjectId: 'ann', name: 'Ann' };
      expect((await postActivity(h.botUrl, installationAdd({ serviceUrl: h.connector.url, user }))).status).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(instances.map((s) => s.stop()));
    await h.close();
  });

  it('one instance queues every tenant’s check-ins, sends half; the other’s sweeps send the rest, each once', async () => {
    const before = h.connector.activities.length; // the welcome on installing
    const sentSince = (): number => h.connector.activities.length - before;
    const first = instance();
    const second = instance();
    // Before, the first instance whose timer fired sent to every tenant itself.
    expect(await first.runOnce()).toMatchObject({ queued: 4, sent: 2, leftFree: 2, leasedElsewhere: 0 });
    expect(cardedTenants()).toHaveLength(2);
    expect(sentSince()).toBe(2);

    // Each sweep takes its share of the free tenants, then the one left over once it has stayed free a sweep.
    await quietTime();
    await second.sweepOnce();
    await quietTime();
    await second.sweepOnce();
    await h.connector.waitFor(() => sentSince() === TENANTS.length, 10_000);
    expect(cardedTenants()).toEqual([...TENANTS].sort());
    // Nobody twice: another run queues nothing new and sends nothing.
    await quietTime();
    expect(await second.runOnce()).toMatchObject({ queued: 0, sent: 0 });
    expect(sentSince()).toBe(TENANTS.length);
  }, 60_000);
});
