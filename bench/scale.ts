/**
 * A synthetic organisation of many people (50,000 unless BENCH_SCALE_USERS says otherwise) brought
 * in through the directory sync from the local Graph, then the reads that grow with it: due lists
 * over the whole tenant, a manager's team of 300, HR compliance across the organisation, the full
 * completions export and the weekly check-in fan-out (targets found and each check-in built, ready
 * to queue; nothing is sent). Each reports its time, store operations and peak memory. Cosmos runs
 * in its own process; the use cases run here over the same adapters the server uses. Yardsticks from
 * the same run: a JSON round trip of the due lists' inputs, one single-partition read, and for HR
 * compliance and the export the same page reads of the same containers with nothing done with them.
 *
 * What the local Cosmos server still costs that Azure does not: a query with parameters it has not
 * run since the container was last written scans the whole partition (all 100,000 documents of the
 * `people` container at 50,000 people: employees and their digests). The digest check before the
 * reads writes between its pages and the export asks for each page's digests by id, so both pay
 * that scan once a page: pages × documents, which Azure's index turns into pages × page size.
 */
import { loadavg } from 'node:os';
import {
  dueConversations,
  fixedClock,
  type ConversationRecord,
  type DueInput,
  type Employee,
  type Tenant,
} from '@pc/core';
import {
  checkinFor,
  checkinTargets,
  completionsExport,
  getTeam,
  organisationCompliance,
  reconcileStatusDigests,
  type Caller,
} from '@pc/core/usecases';
import { composeServices } from '../bot/src/compose.ts';
import { loadConfig } from '../bot/src/config.ts';
import type { Store } from '../bot/src/cosmos/index.ts';
import type { DirectoryFixtureUser } from '../test/fakes/graph/delta.ts';
import { peakMemory } from './lib/memory.ts';
import { agreedConversation } from './lib/records.ts';
import { startSyntheticTenant } from './lib/synthetic-tenant.ts';

const TENANT = '5ca1e000-0000-4000-a000-000000000050';
const NOW = '2027-05-10T08:00:00.000Z';
const TODAY = '2027-05-10';
const TEAM = 300;
/** One person in this many has a conversation on record and the app installed. */
const EVERY = 10;
const IN_FLIGHT = 16;

const id = (i: number): string => `scale-${String(i).padStart(6, '0')}`;

/** Person 0 is HR and manages people 1–300; everyone else reports to one of those 300. */
const user = (i: number): DirectoryFixtureUser => ({
  id: id(i),
  displayName: `Person ${String(i)}`,
  mail: `person${String(i)}@scale.example`,
  jobTitle: i <= TEAM ? 'Team Manager' : 'Officer',
  employeeHireDate: `20${String(10 + (i % 15))}-04-01`,
  ...(i === 0 ? {} : { managerId: i <= TEAM ? id(0) : id(1 + ((i - TEAM - 1) % TEAM)) }),
});

export interface ScaleMeasure {
  readonly name: string;
  readonly seconds: number;
  /**
   * CPU time of this process (the use cases and the Cosmos client; the store has its own): on a
   * machine shared with other work, wall time waits for a core, this does not.
   */
  readonly cpuSeconds: number;
  readonly storeOps: number;
  readonly peakRssMiB: number;
  readonly heapMiB: number;
  /** What it produced, to show the work was done (rows, people, targets). */
  readonly output: string;
  /** The machine's one-minute load average as it ended. */
  readonly loadAverage: number;
  /** The same page reads of the same containers with nothing done with them: the store's share. */
  readonly readsAlone?: { readonly seconds: number; readonly cpuSeconds: number; readonly storeOps: number };
}

export interface ScaleResult {
  readonly users: number;
  readonly syncSeconds: number;
  readonly syncOps: number;
  readonly conversations: number;
  readonly references: number;
  readonly measures: readonly ScaleMeasure[];
  /** JSON round trip of the due lists' inputs (people and histories), seconds. */
  readonly jsonRoundTripSeconds: number;
  /** One person's conversations, one query in one partition, milliseconds. */
  readonly singlePartitionReadMs: number;
  /** The whole step: bringing the organisation in, writing its records and every measure. */
  readonly stepSeconds: number;
}

const cpuOf = (used: NodeJS.CpuUsage): number => (used.user + used.system) / 1e6;

const measure = async (
  store: Store,
  name: string,
  run: () => Promise<string>,
  readsAlone?: () => Promise<unknown>,
): Promise<ScaleMeasure> => {
  const memory = peakMemory();
  let ops = store.requestCount();
  let started = performance.now();
  let cpu = process.cpuUsage();
  const output = await run();
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuOf(process.cpuUsage(cpu));
  const measured = {
    name,
    seconds,
    cpuSeconds,
    storeOps: store.requestCount() - ops,
    ...memory.stop(),
    output,
    loadAverage: loadavg()[0] ?? 0,
  };
  if (readsAlone === undefined) return measured;
  ops = store.requestCount();
  started = performance.now();
  cpu = process.cpuUsage();
  await readsAlone();
  return {
    ...measured,
    readsAlone: {
      seconds: (performance.now() - started) / 1000,
      cpuSeconds: cpuOf(process.cpuUsage(cpu)),
      storeOps: store.requestCount() - ops,
    },
  };
};

/** What HR compliance reads: the directory and every digest, pages of up to 1,000 documents. */
const everyoneAndDigests = async (store: Store): Promise<number> => {
  let documents = 0;
  let token: string | undefined;
  do {
    const page = await store.statusDigests.everyone(TENANT, token);
    documents += page.people.length + page.digests.length;
    token = page.continuationToken;
  } while (token !== undefined);
  return documents;
};

/** What the export reads: the directory 100 people a page, and each page's digests in one query. */
const peopleAndTheirDigests = async (store: Store): Promise<number> => {
  let documents = 0;
  let continuationToken: string | undefined;
  do {
    const page = await store.employees.list(TENANT, {
      pageSize: 100,
      ...(continuationToken === undefined ? {} : { continuationToken }),
    });
    const digests = await store.statusDigests.listForPeople(
      TENANT,
      page.items.map((p) => p.id),
    );
    documents += page.items.length + digests.length;
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return documents;
};

/** Every page of a paged listing. */
const allPages = async <T>(
  read: (page: { pageSize: number; continuationToken?: string }) => Promise<{
    items: readonly T[];
    continuationToken?: string | undefined;
  }>,
): Promise<T[]> => {
  const all: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await read({ pageSize: 100, ...(continuationToken === undefined ? {} : { continuationToken }) });
    all.push(...page.items);
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined);
  return all;
};

/** Runs `work` over `items`, `IN_FLIGHT` at a time. */
const eachConcurrently = async <T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = next++; i < items.length; i = next++) {
        const item = items[i];
        if (item !== undefined) await work(item);
      }
    }),
  );
};

const heldWith = (employee: Employee, n: number): ConversationRecord => {
  const job = employee.jobs[0];
  return agreedConversation({
    tenantId: TENANT,
    id: `held-${employee.id}`,
    employeeId: employee.id,
    managerIds: job?.managerIds ?? [],
    jobIds: job === undefined ? [] : [job.id],
    type: 'regular',
    date: `2027-0${String(1 + (n % 4))}-15`,
  });
};

export const benchScale = async (options: { readonly users: number }): Promise<ScaleResult> => {
  const stepStarted = performance.now();
  const tenant: Tenant = {
    tenantId: TENANT,
    name: 'Scale Trust',
    schemeId: 'somerset-career-conversations',
    nation: 'england-and-wales',
    timeZone: 'Europe/London',
  };
  const clock = fixedClock(NOW);
  const org = await startSyntheticTenant({
    tenant,
    users: Array.from({ length: options.users }, (_, i) => user(i)),
    clock,
  });
  const { store } = org;
  try {
    const sync = await org.sync();
    if (sync.result.outcome !== 'completed')
      throw new Error(`the sync ${sync.result.outcome}: ${JSON.stringify(sync.result.errors)}`);
    const { seconds: syncSeconds, storeOps: syncOps } = sync;

    const services = composeServices(
      loadConfig({ APP_ENV: 'local', LOG_LEVEL: 'silent', CHECKIN_SCHEDULER: 'false' }),
      store,
      clock,
    );
    const { deps } = services;
    const head = await store.employees.get(TENANT, id(0));
    if (head === undefined) throw new Error('the sync did not bring person 0 in');
    await store.employees.update({ ...head.item, orgRoles: ['hr'] }, head.etag);
    const hr: Caller = { tenantId: TENANT, userId: id(0) };

    // One person in ten has a conversation on record (written as the app writes it) and the app installed.
    const people = await allPages((page) => store.employees.list(TENANT, page));
    const some = people.filter((_, n) => n % EVERY === 0);
    await eachConcurrently([...some.entries()], async ([n, employee]) => {
      await deps.repos.conversations.create(heldWith(employee, n));
      await services.references.put({
        tenantId: TENANT,
        id: employee.id,
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        botId: '28:bench',
        channelId: 'msteams',
        conversationId: `a:${employee.id}`,
        updatedAt: NOW,
      });
    });

    // As in production once the digest check has run: everyone has a status digest, so the reads
    // below measure the steady state, not a first read that builds each digest.
    await reconcileStatusDigests(
      { employees: store.employees, conversations: store.conversations, statusDigests: store.statusDigests },
      TENANT,
    );

    const measures: ScaleMeasure[] = [];
    let inputs: DueInput[] = [];
    measures.push(
      await measure(store, `due lists for all ${String(options.users)} people`, async () => {
        const everyone = await allPages((page) => store.employees.list(TENANT, page));
        const records = await allPages((page) =>
          store.conversations.listForTenant(TENANT, { from: '2020-01-01', to: TODAY }, page),
        );
        const byPerson = new Map<string, ConversationRecord[]>();
        for (const r of records) byPerson.set(r.employeeId, [...(byPerson.get(r.employeeId) ?? []), r]);
        inputs = everyone.map((employee) => ({
          tenant,
          employee,
          history: byPerson.get(employee.id) ?? [],
          on: TODAY,
        }));
        const items = inputs.reduce((sum, input) => sum + dueConversations(input).items.length, 0);
        return `${String(everyone.length)} people, ${String(items)} items`;
      }),
    );
    let started = performance.now();
    const roundTripped = inputs.map((input) => JSON.parse(JSON.stringify(input)) as DueInput);
    const jsonRoundTripSeconds = (performance.now() - started) / 1000;
    if (roundTripped.length !== inputs.length) throw new Error('the yardstick lost inputs');
    inputs = [];

    started = performance.now();
    await store.conversations.listForEmployee(TENANT, id(EVERY), {}, { pageSize: 100 });
    const singlePartitionReadMs = performance.now() - started;

    measures.push(
      await measure(store, `team view of ${String(TEAM)} (GET /me/team, every page)`, async () => {
        let members = 0;
        let continuationToken: string | undefined;
        do {
          const page = await getTeam(deps, hr, TODAY, {
            pageSize: 100,
            ...(continuationToken === undefined ? {} : { continuationToken }),
          });
          members += page.members.length;
          continuationToken = page.continuationToken;
        } while (continuationToken !== undefined);
        return `${String(members)} members`;
      }),
    );
    measures.push(
      await measure(
        store,
        'HR compliance across the organisation',
        async () => {
          const view = await organisationCompliance(deps, hr);
          return `${String(view.overdueTotal)} overdue`;
        },
        () => everyoneAndDigests(store),
      ),
    );
    measures.push(
      await measure(
        store,
        'completions export, whole organisation',
        async () => {
          const file = await completionsExport(deps, hr, {});
          let rows = 0;
          for await (const _row of file.rows) rows += 1;
          return `${String(rows)} rows`;
        },
        () => peopleAndTheirDigests(store),
      ),
    );
    measures.push(
      await measure(store, 'weekly check-in fan-out (targets and cards built, not sent)', async () => {
        const found = await checkinTargets(deps, services.references, tenant);
        let ready = 0;
        for (const target of found.targets) {
          if ((await checkinFor(deps, target, `bench-${TODAY}`)) !== undefined) ready += 1;
        }
        return `${String(found.targets.length)} targets, ${String(ready)} check-ins ready`;
      }),
    );
    return {
      users: options.users,
      syncSeconds,
      syncOps,
      conversations: some.length,
      references: some.length,
      measures,
      jsonRoundTripSeconds,
      singlePartitionReadMs,
      stepSeconds: (performance.now() - stepStarted) / 1000,
    };
  } finally {
    await org.stop();
  }
};
