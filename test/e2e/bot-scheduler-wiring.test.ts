/**
 * The check-in scheduler as the server wires it for production: `startServer` with the default
 * modules and only environment settings (no scheduler flag, so it is on as in production), the
 * store opened from config, and nothing started by hand. The local fakes stand in only where the
 * configuration allows: the Cosmos server and the Bot Connector.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employee } from '../../bot/src/cosmos/fixtures.test-support.ts';
import { createNudgeSettingsStore } from '../../bot/src/cosmos/bot-state.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { startServer, type RunningServer } from '../../bot/src/main.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../fakes/bot-connector.ts';
import { installationAdd, postActivity } from '../fakes/connector/teams-activities.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';

const TENANT = '77777777-7777-4777-8777-777777777777';
const JOB = { id: 'job-1', title: 'Officer', isMain: true, contract: 'substantive' as const, startDate: '2024-04-01' };

describe('the check-in scheduler as wired in production', () => {
  let cosmos: CosmosServer;
  let connector: FakeBotConnector;
  let seed: Store;
  let running: RunningServer;
  const logs: string[] = [];

  beforeAll(async () => {
    cosmos = await startCosmosServer();
    connector = await startFakeBotConnector();
    const databaseId = `wiring-${randomUUID()}`;
    seed = await createCosmosStore({ endpoint: cosmos.endpoint, key: cosmos.key, databaseId, allowSelfSigned: true });
    // Neither the organisation nor Sam has quiet hours, so the run finds Sam whatever day and hour the test runs at.
    await seed.tenants.put({
      tenantId: TENANT,
      name: 'Assembly',
      schemeId: 'assembly-secretariat',
      nation: 'england-and-wales',
      timeZone: 'Europe/London',
      settings: {
        version: 1,
        updatedAt: new Date().toISOString(),
        updatedBy: 'mgr',
        updatedByName: 'Morgan Lee',
        changed: [],
        quietHours: { start: '00:00', end: '00:00', days: [] },
        checkinEveryWeeks: 1,
        roleGroups: {},
        scheme: {},
      },
    });
    await seed.employees.create(
      employee({ tenantId: TENANT, id: 'mgr', displayName: 'Morgan Lee', jobs: [{ ...JOB, managerIds: [] }] }),
    );
    await seed.employees.create(
      employee({ tenantId: TENANT, id: 'sam', displayName: 'Sam Patel', jobs: [{ ...JOB, managerIds: ['mgr'] }] }),
    );
    await createNudgeSettingsStore((kind, partition) => seed.keyValues(kind, partition)).put({
      tenantId: TENANT,
      id: 'sam',
      optedOut: false,
      quietHours: { start: '00:00', end: '00:00', days: [] },
      updatedAt: new Date().toISOString(),
    });

    running = await startServer(
      {
        APP_ENV: 'local',
        PORT: '0',
        LOG_LEVEL: 'info',
        LOCAL_DEV_FAKES: 'true',
        ALLOWED_TENANTS: TENANT,
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: databaseId,
      },
      { logDestination: { write: (line: string) => logs.push(line) } },
    );
    const user = { tenantId: TENANT, aadObjectId: 'sam', name: 'Sam Patel' };
    const installed = await postActivity(running.url, installationAdd({ serviceUrl: connector.url, user }));
    expect(installed.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await running.shutdown.run('test');
    seed.close();
    await connector.close();
    await cosmos.close();
  });

  it('starts with the server and sends Sam one check-in by itself, soon after start', async () => {
    expect(running.config.checkins).toEqual({ scheduler: true, intervalMinutes: 60 });
    const toSam = () => connector.activities.filter((a) => a.conversationId === `a:1on1-${TENANT}-sam`);
    await connector.waitFor(() => toSam().length > 0, 40_000);
    const card = JSON.stringify(toSam()[0]?.activity.attachments);
    expect(card).toContain('Hello Sam, a quick check-in');
    expect(card).toContain('Big Picture performance conversation');
    expect(connector.conversations.map((c) => c.memberId)).toEqual(['sam']);
    expect(logs.join('')).toContain('"checkinScheduler":true');
  }, 60_000);
});
