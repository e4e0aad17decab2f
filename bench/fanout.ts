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
  /** From the first tenant's first request to the last tenant's first, at the connector. */
  readonly startSpreadSeconds: number;
  /** Each tenant's requests per second from its first request to its last, slowest first. */
  readonly tenantRequestRates: readonly number[];
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

/** Tenants sent to before the measured fan-out, so every instance has sent before it starts. */
const WARM_UP_TENANTS = 3;
const WARM_UP_PER_TENANT = 100;

const tenantId = (t: number): string => `99999999-9999-4999-8999-${String(t).padStart(12, '0')}`;

const pool = async (count: number, width: number, work: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
};

/** When the tenants started being sent to, and how fast each was sent to once started. */
const spreadOf = (
  arrivals: readonly (readonly number[])[],
): Pick<FanoutResult, 'startSpreadSeconds' | 'tenantRequestRates'> => {
  const started = arrivals.filter((a) => a.length > 1);
  const firsts = started.map((a) => a[0] ?? 0);
  return {
    startSpreadSeconds: started.length === 0 ? 0 : (Math.max(...firsts) - Math.min(...firsts)) / 1000,
    tenantRequestRates: started
      .map((a) => ((a.length - 1) * 1000) / ((a.at(-1) ?? 0) - (a[0] ?? 0)))
      .sort((x, y) => x - y),
  };
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
  /** Each tenant's request arrivals at the connector, on its clock. */
  readonly arrivals: readonly (readonly number[])[];
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
    ...spreadOf(run.arrivals),
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
 * them up. Before that the instances send a small warm-up fan-out to other tenants, as a
 * deployment that has been running has. One instance and three run exactly this, so their ratio
 * compares like with like, except that three server processes share the machine's cores with the
 * store and the connector.
 */
export const benchFanoutInstances = async (options: {
  checkins: number;
  tenants: number;
  instances: number;
  deadlineSeconds: number;
}): Promise<InstancesResult> => {
  // The store answers a tenant's queries from that tenant's documents, as Azure's index does (see
  // resumed-queries.ts): the local server would otherwise scan every tenant's queue for each.
  const peers = await startPeers({ BENCH_TEAMS_LIMITS: '1', BENCH_LINEAR_QUERIES: '1' });
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
    const warmTenants = Array.from({ length: WARM_UP_TENANTS }, (_, t) => tenantId(options.tenants + t));
    const cycle = isoWeekKey(systemClock.today());
    for (let i = 0; i < options.instances; i++) {
      apps.push(
        await spawnAppProcess({
          RELIABILITY_COSMOS_ENDPOINT: peers.info.cosmosEndpoint,
          RELIABILITY_COSMOS_KEY: peers.info.cosmosKey,
          RELIABILITY_DATABASE: databaseId,
          RELIABILITY_TENANTS: [...tenants, ...warmTenants].join(','),
          RELIABILITY_APP_ENV: JSON.stringify({
            CHECKIN_SCHEDULER: 'true',
            SEND_SWEEP_SECONDS: '1',
            // As deployed: each instance knows how many share the tenants, so it takes its share at once.
            APP_INSTANCE_COUNT: String(options.instances),
          }),
        }),
      );
    }
    /** Queues `perTenant` check-ins for each of `to`, as the weekly run would; nothing leaves before the install. */
    const queueCheckins = (to: readonly string[], perTenant: number): Promise<void> =>
      pool(perTenant * to.length, 16, async (i) => {
        const tenant = to[i % to.length] ?? '';
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
    /** Records the app's installation for `to`: the instances' sweeps then find their check-ins. */
    const install = async (to: readonly string[]): Promise<void> => {
      for (const tenant of to) {
        await references.put({
          tenantId: tenant,
          id: TENANT_REFERENCE_KEY,
          serviceUrl: peers.info.connectorUrl,
          botId: '28:bot-app',
          channelId: 'msteams',
          updatedAt: new Date().toISOString(),
        });
      }
    };
    const stats = async (): Promise<ConnectorStats> =>
      (await (await fetch(peers.info.statsUrl)).json()) as ConnectorStats;
    // A deployment that has been running: every instance has sent before, so its send path is
    // compiled (three fresh processes compile it three times over on the one machine).
    const warmUp = WARM_UP_TENANTS * WARM_UP_PER_TENANT;
    await queueCheckins(warmTenants, WARM_UP_PER_TENANT);
    await install(warmTenants);
    const warmedBy = performance.now() + options.deadlineSeconds * 1000;
    while ((await stats()).activities < warmUp) {
      if (performance.now() > warmedBy) throw new Error('the instances did not finish the warm-up fan-out in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const perTenant = Math.ceil(options.checkins / options.tenants);
    const total = perTenant * options.tenants;
    const enqueueStarted = performance.now();
    await queueCheckins(tenants, perTenant);
    const enqueueSeconds = (performance.now() - enqueueStarted) / 1000;
    const pids = apps.map((app) => app.pid);
    const cpuBefore = cpuSeconds(pids);
    const started = performance.now();
    await install(tenants);
    const deadline = started + options.deadlineSeconds * 1000;
    let connector = await stats();
    while (connector.activities < warmUp + total && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      connector = await stats();
    }
    const seconds = (performance.now() - started) / 1000;
    const instanceCpuSeconds = cpuSeconds(pids) - cpuBefore;
    const arrivals = await Promise.all(
      tenants.map(
        async (t) =>
          (await (await fetch(`${peers.info.controlUrl}/arrivals?tenant=${encodeURIComponent(t)}`)).json()) as number[],
      ),
    );
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
        sent: connector.conversations - warmUp,
        seconds,
        enqueueSeconds,
        states,
        connector,
        stoppedAtDeadline: connector.activities < warmUp + total,
        arrivals,
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
