// The check-in scheduler follows what an organisation's administrator saves: the check-in cadence
// and the organisation's quiet hours take effect at the next run, over Cosmos and a fake connector.
import type { Clock } from '@pc/core';
import { getTenantSettings, updateTenantSettings, type Caller, type SettingsInput } from '@pc/core/usecases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../../../test/fakes/connector/bot-harness.ts';
import { installationAdd, postActivity } from '../../../test/fakes/connector/teams-activities.ts';
import { composeServices, type AppServices } from '../compose.ts';
import { loadConfig } from '../config.ts';
import { employee } from '../cosmos/fixtures.test-support.ts';
import { createLogger } from '../logging.ts';
import { createBotAdapter } from '../teams/adapter.ts';
import { createCloudProactiveSender } from '../teams/proactive-sender.ts';
import { SendQueueWorker } from './queue.ts';
import { CheckinScheduler } from './scheduler.ts';

const TENANT = '7e570000-0000-4000-a000-00000000c4ec';
const STAFF = ['pat', 'rue'];
const ADMIN: Caller = { tenantId: TENANT, userId: 'it-admin', entra: { roles: ['Admin'], groups: [] } };

describe('check-ins follow the organisation’s settings', () => {
  let h: BotHarness;
  let at = '2027-05-10T09:00:00.000Z'; // Monday 10:00 in London
  const clock: Clock = { now: () => at, today: () => at.slice(0, 10) };
  let services: AppServices;
  let scheduler: CheckinScheduler;

  /** What the administrator's settings form sends: the loaded settings with `change` over them. */
  const save = async (change: Partial<SettingsInput>): Promise<void> => {
    const view = await getTenantSettings(services.deps, ADMIN);
    if (view.tenant === null || view.settings === null) throw new Error('the tenant is not set up');
    const { name, schemeId, nation, timeZone } = view.tenant;
    const { quietHours, checkinEveryWeeks, roleGroups, scheme } = view.settings;
    const input = { name, schemeId, nation, timeZone, quietHours, checkinEveryWeeks, roleGroups, scheme };
    await updateTenantSettings(services.deps, ADMIN, { ...input, ...change }, view.etag);
  };

  beforeAll(async () => {
    h = await startBotHarness({ tenants: [TENANT] });
    services = composeServices(loadConfig({ APP_ENV: 'local', CHECKIN_SCHEDULER: 'false' }), h.store, clock);
    const logger = createLogger({ level: 'silent' });
    const local = { appId: undefined, appPassword: undefined, appTenantId: undefined, localPlayground: true };
    const adapter = createBotAdapter({ ...local, appType: 'SingleTenant' }, logger);
    const sender = createCloudProactiveSender({ adapter, botAppId: '', references: services.references });
    const worker = new SendQueueWorker({ store: services.sendQueue, sender, logger });
    const { deps, references } = services;
    scheduler = new CheckinScheduler({ deps, references, logger, worker, tenants: [TENANT] });

    const timeZone = 'Europe/London';
    await h.store.tenants.put({
      tenantId: TENANT,
      name: 'Bexley',
      schemeId: 'bexley-pms',
      nation: 'england-and-wales',
      timeZone,
    });
    const jobs = [
      {
        id: 'job-1',
        title: 'Officer',
        managerIds: ['mgr'],
        isMain: true,
        contract: 'substantive' as const,
        startDate: '2024-04-01',
      },
    ];
    for (const id of STAFF) {
      await h.store.employees.create(employee({ tenantId: TENANT, id, displayName: `${id} Smith`, jobs }));
      const user = { tenantId: TENANT, aadObjectId: id, name: id };
      expect((await postActivity(h.botUrl, installationAdd({ serviceUrl: h.connector.url, user }))).status).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('every two weeks: an off week sends nothing, the next week sends everyone their check-in', async () => {
    await save({ checkinEveryWeeks: 2 });
    // With the default weekly cadence this run would send both check-ins.
    expect(await scheduler.runOnce()).toMatchObject({ cycleKey: '2027-W19', queued: 0, quiet: 0 });
    expect(h.connector.conversations).toEqual([]);
    at = '2027-05-17T09:00:00.000Z';
    await save({ quietHours: { start: '09:00', end: '17:00', days: [6, 7] } });
    // The organisation's quiet hours now cover 10:00: everyone waits.
    expect(await scheduler.runOnce()).toMatchObject({ cycleKey: '2027-W20', queued: 0, quiet: 2 });
    await save({ quietHours: { start: '18:00', end: '08:00', days: [6, 7] } });
    expect(await scheduler.runOnce()).toMatchObject({ cycleKey: '2027-W20', queued: 2, sent: 2 });
    expect(h.connector.conversations.map((c) => c.memberId).sort()).toEqual(STAFF);
  });
});
