/**
 * Proactive fan-out: check-ins for many tenants through the fake Bot Connector enforcing Teams'
 * limits (50 requests per second per app per tenant, one message per second per conversation),
 * sent by the real server in its own process (one, or several scaled out). Reports the achieved
 * send rate over the rate the limits allow, and counts duplicates and losses.
 */
import { randomUUID } from 'node:crypto';
import { buildNoticeCard } from '@pc/core/cards';
import { createCosmosStore } from '../bot/src/cosmos/index.ts';
import { systemClock, TENANT_REFERENCE_KEY } from '@pc/core';
import { checkinSendId, isoWeekKey } from '@pc/core/usecases';
import {
  createConversationReferenceStore,
  createSendQueueStore,
  type KeyValueFactory,
} from '../bot/src/cosmos/bot-state.ts';
import { spawnAppProcess, type AppProcess } from '../test/reliability/support/process.ts';
import { startPeers } from './lib/child.ts';
import { processCpuMs } from './lib/process-cpu.ts';
import type { ConnectorStats } from './lib/roles.ts';

export interface FanoutResult {
  readonly checkins: number;
  readonly tenants: number;
  /** Sends per second the connector's limits allow (two connector calls per send). */
  readonly allowedPerSecond: number;
  readonly achievedPerSecond: number;
  readonly ratio: number;
  readonly seconds: number;
  readonly enqueueSeconds: number;
  readonly sent: number;
  readonly duplicates: number;
  /** Check-ins neither delivered nor still queued nor flagged in doubt. */
  readonly lost: number;
  readonly stillQueued: number;
  readonly inDoubt: number;
  readonly throttled429: number;
  /** Requests that arrived during a Retry-After pause, as the connector counted them. */
  readonly limitViolations: number;
  /** Seconds in which a tenant or a conversation saw more requests than Teams allows, at the connector. */
  readonly overLimitSeconds: number;
  readonly stoppedAtDeadline: boolean;
}

/**
 * The CPU time (user and system, in seconds) the processes have used so far; NaN off Linux.
 * Unlike elapsed time it does not grow with other work on the machine, so runs on a busy machine
 * still compare.
 */
export const cpuSeconds = (pids: readonly number[]): number =>
  pids.reduce((sum, pid) => sum + (processCpuMs(pid) ?? Number.NaN), 0) / 1000;

const TEAMS_PER_TENANT_PER_SECOND = 50;
const REQUESTS_PER_SEND = 2;

const tenantId = (t: number): string => `99999999-9999-4999-8999-${String(t).padStart(12, '0')}`;

const pool = async (count: number, width: number, work: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
};

/** The figures of a fan-out run from what the connector saw and the queue's final states. */
const resultOf = (run: {
  readonly tenants: number;
  readonly total: number;
  readonly sent: number;
  readonly seconds: number;
  readonly enqueueSeconds: number;
  readonly states: ReadonlyMap<string, number>;
  readonly connector: {
    readonly activities: number;
    readonly conversations: number;
    readonly throttled: number;
    readonly violations: number;
    readonly overLimitSeconds: number;
  };
  readonly stoppedAtDeadline: boolean;
}): FanoutResult => {
  const { states, connector, sent, seconds, total } = run;
  const stillQueued = (states.get('pending') ?? 0) + (states.get('sending') ?? 0);
  const inDoubt = states.get('in-doubt') ?? 0;
  const allowedPerSecond = (run.tenants * TEAMS_PER_TENANT_PER_SECOND) / REQUESTS_PER_SEND;
  return {
    checkins: total,
    tenants: run.tenants,
    allowedPerSecond,
    achievedPerSecond: sent / seconds,
    ratio: sent / seconds / allowedPerSecond,
    seconds,
    enqueueSeconds: run.enqueueSeconds,
    sent,
    duplicates: connector.activities - connector.conversations,
    lost: total - (states.get('sent') ?? 0) - stillQueued - inDoubt,
    stillQueued,
    inDoubt,
    throttled429: connector.throttled,
    limitViolations: connector.violations,
    overLimitSeconds: connector.overLimitSeconds,
    stoppedAtDeadline: run.stoppedAtDeadline,
  };
};

export interface InstancesResult extends FanoutResult {
  readonly instances: number;
  /** CPU time the server processes used together from the install to the last check-in. */
  readonly instanceCpuSeconds: number;
}

/**
 * The fan-out from one or more server processes, as App Service runs the app, alone or scaled
 * out: each runs the real scheduler, which takes a tenant only under its send lease and sweeps
 * every second for tenants with sends open. Check-ins are queued before the app is installed; the
 * clock starts when the tenants' installations are recorded, so it includes the sweep picking
 * them up. One instance and three run exactly this, so their ratio compares like with like.
 */
export const benchFanoutInstances = async (options: {
  checkins: number;
  tenants: number;
  instances: number;
  deadlineSeconds: number;
}): Promise<InstancesResult> => {
  const peers = await startPeers({ BENCH_TEAMS_LIMITS: '1' });
  const databaseId = `bench-${randomUUID()}`;
  const store = await createCosmosStore({
    endpoint: peers.info.cosmosEndpoint,
    key: peers.info.cosmosKey,
    databaseId,
    allowSelfSigned: true,
  });
  const apps: AppProcess[] = [];
  try {
    const keyValues: KeyValueFactory = (kind, partition) => store.keyValues(kind, partition);
    const queue = createSendQueueStore(keyValues);
    const references = createConversationReferenceStore(keyValues);
    const tenants = Array.from({ length: options.tenants }, (_, t) => tenantId(t));
    const cycle = isoWeekKey(systemClock.today());
    for (let i = 0; i < options.instances; i++) {
      apps.push(
        await spawnAppProcess({
          RELIABILITY_COSMOS_ENDPOINT: peers.info.cosmosEndpoint,
          RELIABILITY_COSMOS_KEY: peers.info.cosmosKey,
          RELIABILITY_DATABASE: databaseId,
          RELIABILITY_TENANTS: tenants.join(','),
          RELIABILITY_APP_ENV: JSON.stringify({
            CHECKIN_SCHEDULER: 'true',
            SEND_SWEEP_SECONDS: '1',
            // As deployed: each instance knows how many share the tenants, so it takes its share at once.
            APP_INSTANCE_COUNT: String(options.instances),
          }),
        }),
      );
    }
    const perTenant = Math.ceil(options.checkins / options.tenants);
    const total = perTenant * options.tenants;
    const enqueueStarted = performance.now();
    await pool(total, 16, async (i) => {
      const tenant = tenants[i % options.tenants] ?? '';
      const personId = `person-${String(i)}`;
      await queue.enqueue({
        tenantId: tenant,
        id: checkinSendId(tenant, personId, cycle),
        personId,
        cycleKey: cycle,
        state: 'pending',
        card: buildNoticeCard('Check-in', ['Your regular conversation is due this month.']),
        attempts: 0,
        enqueuedAt: new Date(Date.UTC(2027, 4, 1, 9, 0, 0) + i).toISOString(),
      });
    });
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
    const stats = async (): Promise<ConnectorStats> =>
      (await (await fetch(peers.info.statsUrl)).json()) as ConnectorStats;
    const pids = apps.map((app) => app.pid);
    const cpuBefore = cpuSeconds(pids);
    const started = performance.now();
    for (const tenant of tenants) {
      await references.put({
        tenantId: tenant,
        id: TENANT_REFERENCE_KEY,
        serviceUrl: peers.info.connectorUrl,
        botId: '28:bot-app',
        channelId: 'msteams',
        updatedAt: new Date().toISOString(),
      });
    }
    const deadline = started + options.deadlineSeconds * 1000;
    let connector = await stats();
    while (connector.activities < total && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      connector = await stats();
    }
    const seconds = (performance.now() - started) / 1000;
    const instanceCpuSeconds = cpuSeconds(pids) - cpuBefore;
    const states = new Map<string, number>();
    for (const tenant of tenants) {
      let token: string | undefined;
      do {
        const page = await queue.scan(tenant, cycle, token);
        for (const { item: i } of page.items) states.set(i.state, (states.get(i.state) ?? 0) + 1);
        token = page.continuationToken;
      } while (token !== undefined);
    }
    return {
      instances: options.instances,
      instanceCpuSeconds,
      ...resultOf({
        tenants: options.tenants,
        total,
        sent: connector.conversations,
        seconds,
        enqueueSeconds,
        states,
        connector,
        stoppedAtDeadline: connector.activities < total,
      }),
    };
  } finally {
    // Stopped rather than killed, so a BENCH_PROFILE run gets each instance's CPU profile.
    await Promise.all(apps.map((app) => app.stop()));
    store.close();
    await peers.stop();
  }
};

/** The single-instance row: the same processes, scheduler and connector as the scaled-out one. */
export const benchFanout = (options: {
  checkins: number;
  tenants: number;
  deadlineSeconds: number;
}): Promise<InstancesResult> => benchFanoutInstances({ ...options, instances: 1 });
