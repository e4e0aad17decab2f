import type { Clock, Job } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHarness, type BotHarness } from '../../../test/fakes/connector/bot-harness.ts';
import { installationAdd, postActivity } from '../../../test/fakes/connector/teams-activities.ts';
import { conversation, employee } from '../cosmos/fixtures.test-support.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logging.ts';
import { composeServices, type AppServices } from '../compose.ts';
import { createBotAdapter } from '../teams/adapter.ts';
import { createCloudProactiveSender } from '../teams/proactive-sender.ts';
import { SendQueueWorker } from './queue.ts';
import { CheckinScheduler } from './scheduler.ts';

const BEXLEY = '77777777-7777-4777-8777-777777777777';
const ASSEMBLY = '88888888-8888-4888-8888-888888888888';
const logger = createLogger({ level: 'silent' });
const job = (): Job[] => [
  {
    id: 'job-1',
    title: 'Officer',
    managerIds: ['mgr'],
    isMain: true,
    contract: 'substantive',
    startDate: '2024-04-01',
  },
];

describe('check-in scheduler settings', () => {
  it('is on unless CHECKIN_SCHEDULER turns it off, tests included', () => {
    expect(loadConfig({ APP_ENV: 'local' }).checkins).toEqual({ scheduler: true, intervalMinutes: 60 });
    expect(loadConfig({ NODE_ENV: 'test' }).checkins.scheduler).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'test', CHECKIN_SCHEDULER: 'true', CHECKIN_INTERVAL_MINUTES: '15' }).checkins,
    ).toEqual({
      scheduler: true,
      intervalMinutes: 15,
    });
    expect(loadConfig({ APP_ENV: 'local', CHECKIN_SCHEDULER: 'false' }).checkins.scheduler).toBe(false);
    expect(() => loadConfig({ CHECKIN_INTERVAL_MINUTES: '0' })).toThrow(/CHECKIN_INTERVAL_MINUTES/);
  });
});

describe('CheckinScheduler with a Cosmos server and a fake Bot Connector', () => {
  let h: BotHarness;
  let at = '2027-05-10T09:00:00.000Z'; // Monday 10:00 in London
  const clock: Clock = { now: () => at, today: () => at.slice(0, 10) };
  let services: AppServices;
  let scheduler: CheckinScheduler;

  const cardsTo = (tenantId: string, personId: string): string[] =>
    h.connector.activities
      .filter((a) => a.conversationId === `a:1on1-${tenantId}-${personId}`)
      .map((a) => JSON.stringify(a.activity.attachments));
  const install = async (tenantId: string, personId: string): Promise<void> => {
    const user = { tenantId, aadObjectId: personId, name: personId };
    const { status } = await postActivity(h.botUrl, installationAdd({ serviceUrl: h.connector.url, user }));
    expect(status).toBe(200);
  };

  beforeAll(async () => {
    h = await startBotHarness({ tenants: [BEXLEY, ASSEMBLY] });
    services = composeServices(loadConfig({ APP_ENV: 'local', CHECKIN_SCHEDULER: 'false' }), h.store, clock);
    const adapter = createBotAdapter(
      {
        appId: undefined,
        appPassword: undefined,
        appTenantId: undefined,
        appType: 'SingleTenant',
        localPlayground: true,
      },
      logger,
    );
    const worker = new SendQueueWorker({
      store: services.sendQueue,
      sender: createCloudProactiveSender({ adapter, botAppId: '', references: services.references }),
      logger,
    });
    const { deps, references } = services;
    scheduler = new CheckinScheduler({ deps, references, logger, worker, tenants: [BEXLEY, ASSEMBLY] });

    const timeZone = 'Europe/London';
    await h.store.tenants.put({
      tenantId: BEXLEY,
      name: 'Bexley',
      schemeId: 'bexley-pms',
      nation: 'england-and-wales',
      timeZone,
    });
    await h.store.tenants.put({
      tenantId: ASSEMBLY,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone,
    });
    for (const id of ['ann', 'oli', 'quinn', 'una'])
      await h.store.employees.create(employee({ tenantId: BEXLEY, id, displayName: `${id} Smith`, jobs: job() }));
    await h.store.employees.create(employee({ tenantId: ASSEMBLY, id: 'nat', displayName: 'Nat Jones', jobs: job() }));
    // Nat had this term's Big Picture and this month's Regular conversation: nothing is due.
    for (const [type, date] of [
      ['big-picture', '2027-04-15'],
      ['regular', '2027-05-05'],
    ] as const)
      await h.store.conversations.create(
        conversation({ tenantId: ASSEMBLY, employeeId: 'nat', managerIds: ['mgr'], type, date }),
      );

    for (const id of ['ann', 'oli', 'quinn']) await install(BEXLEY, id); // una never installed the app
    await install(ASSEMBLY, 'nat');
    const settings = { tenantId: BEXLEY, updatedAt: at };
    await services.deps.repos.nudges.put({ ...settings, id: 'oli', optedOut: true });
    // Quinn keeps mornings, evenings and weekends free of nudges.
    await services.deps.repos.nudges.put({
      ...settings,
      id: 'quinn',
      optedOut: false,
      quietHours: { start: '18:00', end: '12:00', days: [6, 7] },
    });
  }, 60_000);

  afterAll(async () => {
    await scheduler.stop();
    await h.close();
  });

  it('sends someone with something due exactly one check-in per week, however often it runs', async () => {
    const first = await scheduler.runOnce();
    const second = await scheduler.runOnce();
    expect(first).toMatchObject({ cycleKey: '2027-W19', queued: 2, sent: 2 });
    expect(second).toMatchObject({ cycleKey: '2027-W19', queued: 0, sent: 0 });
    const ann = cardsTo(BEXLEY, 'ann');
    expect(ann).toHaveLength(1);
    expect(ann[0]).toContain('Formal progress record');
    expect(ann[0]).toContain('1:1 performance review');
  });

  it('someone who opted out still hears about required reviews, but not optional conversations', () => {
    const oli = cardsTo(BEXLEY, 'oli');
    expect(oli).toHaveLength(1);
    expect(oli[0]).toContain('Formal progress record');
    expect(oli[0]).toContain('April/May performance conversation');
    expect(oli[0]).not.toContain('1:1 performance review');
  });

  it('someone with nothing due, or without the app, gets nothing', () => {
    expect(cardsTo(ASSEMBLY, 'nat')).toEqual([]);
    expect(cardsTo(BEXLEY, 'una')).toEqual([]);
    expect(h.connector.conversations.map((c) => c.memberId).sort()).toEqual(['ann', 'oli']);
  });

  it('waits out a person’s quiet hours, then sends their check-in once', async () => {
    expect(cardsTo(BEXLEY, 'quinn')).toEqual([]);
    at = '2027-05-10T11:30:00.000Z'; // 12:30 in London, after Quinn's quiet hours
    expect(await scheduler.runOnce()).toMatchObject({ queued: 1, sent: 1 });
    at = '2027-05-12T11:30:00.000Z';
    expect(await scheduler.runOnce()).toMatchObject({ queued: 0, sent: 0 });
    expect(cardsTo(BEXLEY, 'quinn')).toHaveLength(1);
    expect(cardsTo(BEXLEY, 'ann')).toHaveLength(1);
  });

  it('nudges nobody in the evening or at the weekend, and again once the next week starts', async () => {
    const before = h.connector.activities.length;
    at = '2027-05-15T10:00:00.000Z'; // Saturday
    expect(await scheduler.runOnce()).toMatchObject({ queued: 0, quiet: 4 });
    at = '2027-05-17T19:00:00.000Z'; // Monday 20:00
    expect(await scheduler.runOnce()).toMatchObject({ queued: 0, quiet: 4 });
    expect(h.connector.activities.length).toBe(before);
    at = '2027-05-18T09:00:00.000Z'; // Tuesday 10:00: a new week
    expect(await scheduler.runOnce()).toMatchObject({ cycleKey: '2027-W20', queued: 2, quiet: 1 });
    expect(cardsTo(BEXLEY, 'ann')).toHaveLength(2);
  });

  it('started, it runs by itself soon after start; stopped, it runs no more', async () => {
    const adapter = createBotAdapter(
      {
        appId: undefined,
        appPassword: undefined,
        appTenantId: undefined,
        appType: 'SingleTenant',
        localPlayground: true,
      },
      logger,
    );
    const worker = new SendQueueWorker({
      store: services.sendQueue,
      sender: createCloudProactiveSender({ adapter, botAppId: '', references: services.references }),
      logger,
    });
    const timed = new CheckinScheduler({
      ...services,
      logger,
      worker,
      tenants: [BEXLEY],
      firstRunDelayMs: 0,
      intervalMs: 50,
    });
    at = '2027-05-25T09:00:00.000Z'; // Tuesday of the next week
    const before = h.connector.activities.length;
    timed.start();
    await h.connector.waitFor(() => h.connector.activities.length === before + 2, 10_000);
    await timed.stop();
    expect(await timed.runOnce()).toBeUndefined();
    at = '2027-06-01T09:00:00.000Z';
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.connector.activities.length).toBe(before + 2);
  });
});
