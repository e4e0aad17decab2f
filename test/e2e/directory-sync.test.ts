// A fresh tenant brought in by `cli sync` from the local Graph and `cli import` of an HR file alone:
// the org chart and everyone's due list come out right, later joiners, movers and leavers follow,
// and Graph throttling, a stopped round and malformed files leave nothing partial.
import { mkdtemp, readFile, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dueConversations, fixedClock, type Employee, type Tenant } from '@pc/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliServices } from '../../bot/src/cli/connect.ts';
import { runCli } from '../../bot/src/cli/main.ts';
import { CosmosDirectorySyncStore } from '../../bot/src/cosmos/directory-sync-store.ts';
import { createCosmosStore, type Store } from '../../bot/src/cosmos/index.ts';
import { createDirectoryDelta } from '../../bot/src/graph/directory-delta.ts';
import { DeltaDirectory } from '../fakes/graph/delta.ts';
import { startFakeGraph, type FakeGraph } from '../fakes/graph-server.ts';
import { launchBrowser, signInLocally, type LaunchedBrowser } from '../support/browser.ts';
import { startCosmosServer, type CosmosServer } from '../support/cosmos-server.ts';
import { startStack, type Stack } from '../support/stack.ts';

const TODAY = '2027-05-10';
const T = '7e570000-0000-4000-a000-000000000018';
const TENANT: Tenant = {
  tenantId: T,
  name: 'Somerset Example Trust',
  schemeId: 'somerset-career-conversations',
  nation: 'england-and-wales',
  timeZone: 'Europe/London',
};
const mail = (id: string) => `${id}@trust.example`;
const person = (id: string, name: string, title: string, managerId?: string, hired = '2019-04-01') => ({
  id,
  displayName: name,
  mail: mail(id),
  jobTitle: title,
  employeeHireDate: hired,
  ...(managerId === undefined ? {} : { managerId }),
});

let cosmos: CosmosServer;
let store: Store;
let graph: FakeGraph;
let directory: DeltaDirectory;
let dir: string;
/** Called before each Graph request's token; a test may inject faults there. */
let beforeRequest: (count: number) => void = () => undefined;
let tokens = 0;

const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const appToken = (tenantId: string): Promise<string> => {
  beforeRequest((tokens += 1));
  return Promise.resolve(
    `${part({ alg: 'none' })}.${part({ tid: tenantId, oid: 'app', aud: 'https://graph.microsoft.com' })}.x`,
  );
};

const services = (): CliServices => ({
  repos: { tenants: store.tenants, employees: store.employees },
  syncState: new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition)),
  directory: createDirectoryDelta({
    appToken,
    baseUrl: graph.baseUrl,
    pageSize: 3,
    retry: { maxRetries: 2, maxDelaySeconds: 5, sleep: () => Promise.resolve() },
  }),
  clock: fixedClock(`${TODAY}T09:00:00.000Z`),
  close: () => Promise.resolve(),
});

const cli = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    today: TODAY,
    organisation: () => ({ tenants: [], employees: [], conversations: [] }),
    readFile: (path) => readFile(path, 'utf8'),
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    connect: () => Promise.resolve(services()),
  });
  return { code, out, err };
};

const file = async (name: string, text: string): Promise<string> => {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
};

const everyone = async (): Promise<Employee[]> => {
  const all: Employee[] = [];
  let token: string | undefined;
  do {
    const page = await store.employees.list(T, {
      pageSize: 100,
      ...(token === undefined ? {} : { continuationToken: token }),
    });
    all.push(...page.items);
    token = page.continuationToken;
  } while (token !== undefined);
  return all.sort((a, b) => a.id.localeCompare(b.id));
};
const get = async (id: string): Promise<Employee> => (await store.employees.get(T, id))!.item;
const due = async (id: string) => dueConversations({ tenant: TENANT, employee: await get(id), history: [], on: TODAY });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pc-import-'));
  cosmos = await startCosmosServer();
  store = await createCosmosStore({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    databaseId: 'directory-sync',
    allowSelfSigned: true,
  });
  directory = new DeltaDirectory(T, [
    person('chief', 'Chris Chief', 'Chief Executive'),
    person('head', 'Hana Head', 'Head of Nursing', 'chief'),
    person('ward', 'Wes Ward', 'Ward Manager', 'head'),
    person('nurse', 'Nia Nurse', 'Staff Nurse', 'ward'),
    person('porter', 'Pat Porter', 'Porter', 'ward'),
    person('doctor', 'Dee Doctor', 'Registrar', 'head'),
    person('starter', 'Sam Starter', 'Healthcare Assistant', 'ward', '2027-03-01'),
  ]);
  graph = await startFakeGraph({ orgs: [directory] });
  await store.tenants.put(TENANT);
}, 60_000);

afterAll(async () => {
  store.close();
  await graph.close();
  await cosmos.close();
});

const HR_FILE = [
  'email,start_date,incremental_date,probation_status,probation_end_date,leave,second_job_title,second_job_manager,has_own_pc,staff_group',
  `${mail('nurse')},01/04/2019,2019-05-20,passed,,,,,yes,`,
  `${mail('porter')},,2019-06-01,,,sickness:2027-04-20..,Relief Driver,${mail('head')},no,`,
  `${mail('doctor')},,,,,,,,,medical-and-dental`,
  `${mail('starter')},,,in-probation,2027-09-01,,,,,`,
].join('\n');

describe('bringing a tenant in with cli sync and cli import', () => {
  it('goes from nothing to the org chart and everyone’s due list', async () => {
    expect(await cli('sync', '--tenant', T, '--status')).toMatchObject({
      code: 0,
      out: `No directory sync has run for ${T} yet.\n`,
    });
    const sync = await cli('sync', '--tenant', T);
    expect(sync.err).toBe('');
    expect(sync.out).toContain('completed, 3 pages');
    expect(sync.out).toContain('joined 7, moved 0, left 0, unchanged 0, failed 0');

    const chart = Object.fromEntries((await everyone()).map((e) => [e.id, e.jobs.find((j) => j.isMain)?.managerIds]));
    expect(chart).toEqual({
      chief: [],
      head: ['chief'],
      ward: ['head'],
      nurse: ['ward'],
      porter: ['ward'],
      doctor: ['head'],
      starter: ['ward'],
    });
    expect((await store.employees.listReports(T, 'ward')).map((e) => e.id).sort()).toEqual([
      'nurse',
      'porter',
      'starter',
    ]);

    const hr = await file('hr.csv', HR_FILE);
    const dry = await cli('import', hr, '--tenant', T, '--dry-run');
    expect(dry).toMatchObject({ code: 0, err: '' });
    // The starter's probation already follows from the hire date: that row changes nothing.
    expect(dry.out).toContain('4 rows, no problems; 3 people would change, 1 unchanged');
    expect((await get('doctor')).staffGroups).toBeUndefined();

    const applied = await cli('import', hr, '--tenant', T);
    expect(applied.out).toContain('3 people changed, 1 unchanged');
    expect((await cli('import', hr, '--tenant', T)).out).toContain('0 people changed, 4 unchanged');

    // 003 §2.3: medical and dental colleagues are outside the policy.
    expect((await due('doctor')).excluded?.policyRef).toBeDefined();
    // 003: the career conversation follows the incremental date.
    expect((await due('nurse')).items.find((i) => i.type === 'annual-review')?.dueDate).toBe('2027-05-20');
    // 003 §5.1: a new starter's induction; the second job brings its own manager's items.
    expect((await due('starter')).items.some((i) => i.type === 'induction')).toBe(true);
    const porter = await get('porter');
    expect(porter.jobs.map((j) => [j.title, j.managerIds])).toEqual([
      ['Porter', ['ward']],
      ['Relief Driver', ['head']],
    ]);
    expect(porter).toMatchObject({ hasOwnPc: false, leave: [{ kind: 'sickness', start: '2027-04-20' }] });

    const status = await cli('sync', '--tenant', T, '--status');
    expect(status.out).toContain('last run     completed');
    expect(status.out).toContain('next round   changes since the last round');
  });

  it('follows joiners, movers and leavers on the next round, archiving rather than deleting', async () => {
    directory.join(person('newbie', 'Nell Newbie', 'Staff Nurse', 'ward', TODAY));
    directory.update('nurse', { managerId: 'head' });
    directory.update('porter', { jobTitle: 'Senior Porter' });
    directory.leave('doctor');
    const sync = await cli('sync', '--tenant', T);
    expect(sync.out).toContain('joined 1, moved 2, left 1, unchanged 0, failed 0');
    expect((await get('nurse')).managerChanges).toEqual([
      { jobId: 'main', previousManagerId: 'ward', newManagerId: 'head', on: TODAY },
    ]);
    expect((await due('porter')).items.find((i) => i.type === 'induction')?.reason).toContain('Senior Porter');
    expect(await get('doctor')).toMatchObject({ leftOn: TODAY, displayName: 'Dee Doctor' });
    expect((await due('newbie')).items.some((i) => i.type === 'induction')).toBe(true);
  });

  it('waits out a 429/503 burst mid-round, and a round that runs out of retries resumes with nothing lost', async () => {
    for (let i = 0; i < 7; i += 1) directory.join(person(`extra-${String(i)}`, `Extra ${String(i)}`, 'Clerk', 'ward'));
    beforeRequest = (count) => {
      if (count === firstToken + 2) graph.failNext(2, { status: 429, retryAfter: '0' });
    };
    const firstToken = tokens;
    const burst = await cli('sync', '--tenant', T);
    expect(burst.out).toContain('completed');
    expect(burst.out).toContain('joined 7');
    expect(graph.requests().filter((r) => r.status === 429)).toHaveLength(2);

    for (let i = 7; i < 14; i += 1) directory.join(person(`extra-${String(i)}`, `Extra ${String(i)}`, 'Clerk', 'ward'));
    const start = tokens;
    beforeRequest = (count) => {
      if (count === start + 2) graph.failNext(3, { status: 503, retryAfter: '1' });
    };
    const stopped = await cli('sync', '--tenant', T);
    expect(stopped.code).toBe(2);
    expect(stopped.out).toContain('failed, 1 pages');
    expect(stopped.out).toContain('Run the same command again');
    const status = await cli('sync', '--tenant', T, '--status');
    expect(status.out).toContain('in progress  1 pages stored');
    expect(status.out).toMatch(/error +Microsoft 365 is busy/);

    beforeRequest = () => undefined;
    const resumed = await cli('sync', '--tenant', T);
    expect(resumed.out).toContain('completed, 3 pages');
    expect(resumed.out).toContain('joined 7');
    expect((await everyone()).filter((e) => e.id.startsWith('extra-'))).toHaveLength(14);
  });

  it('refuses malformed HR files line by line and applies none of them', async () => {
    const before = await everyone();
    const wrongColumns = await cli('import', await file('cols.csv', 'mail,hired\nx@y,2020-01-01\n'), '--tenant', T);
    expect(wrongColumns.code).toBe(2);
    expect(wrongColumns.out).toMatch(/^1\s+mail\s+Not a column this import knows/m);
    expect(wrongColumns.out).toMatch(/^1\s+email\s+The file needs an email column/m);

    const bad = [
      'email,start_date,second_job_title,second_job_manager,has_own_pc',
      `${mail('nurse')},31/02/2020,,,no`,
      `${mail('porter')},,Driver,ghost@trust.example,`,
      `${mail('nurse')},,,,`,
      `stranger@trust.example,,,,`,
      `${mail('ward')},,,,no`,
    ].join('\n');
    const report = await cli('import', await file('bad.csv', bad), '--tenant', T, '--dry-run');
    expect(report.code).toBe(2);
    expect(report.out).toMatch(/^2\s+start_date\s+"31\/02\/2020" is not a date/m);
    expect(report.out).toMatch(/^3\s+second_job_manager\s+No one with the email "ghost@trust.example"/m);
    expect(report.out).toMatch(/^4\s+email\s+nurse@trust.example is already on row 2/m);
    expect(report.out).toMatch(/^5\s+email\s+No one with the email "stranger@trust.example"/m);
    expect(report.out).toContain('4 problems in 5 rows; nothing was applied.');
    expect((await cli('import', await file('bad2.csv', bad), '--tenant', T)).code).toBe(2);

    const broken = await cli(
      'import',
      await file('quote.csv', `email,has_own_pc\n"${mail('ward')},no\n`),
      '--tenant',
      T,
    );
    expect(broken).toMatchObject({ code: 2 });
    expect(broken.err).toContain('is not a well-formed CSV file');

    const huge = join(dir, 'huge.csv');
    await writeFile(huge, 'email\n');
    await truncate(huge, 50 * 1024 * 1024 + 1);
    const tooBig = await cli('import', huge, '--tenant', T);
    expect(tooBig.code).toBe(2);
    expect(tooBig.err).toContain('is larger than 50 MB; split it into smaller files.');

    expect(await everyone()).toEqual(before);
  });
});

describe('a tenant brought in by sync and import, in the tab', () => {
  let stack: Stack;
  let browser: LaunchedBrowser;
  let tenantGraph: FakeGraph;

  beforeAll(async () => {
    stack = await startStack({ referenceDate: TODAY, env: { ALLOWED_TENANTS: T } });
    tenantGraph = await startFakeGraph({
      orgs: [
        new DeltaDirectory(T, [
          person('chief', 'Chris Chief', 'Chief Executive'),
          person('ward', 'Wes Ward', 'Ward Manager', 'chief'),
          person('nurse', 'Nia Nurse', 'Staff Nurse', 'ward'),
          person('porter', 'Pat Porter', 'Porter', 'ward'),
          person('starter', 'Sam Starter', 'Healthcare Assistant', 'ward', '2027-03-01'),
        ]),
      ],
    });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await tenantGraph.close();
    await stack.close();
  });

  it('shows the manager their team and what is due for each, from nothing but the sync and the import', async () => {
    await stack.store.tenants.put(TENANT);
    const onStack = (): CliServices => ({
      repos: { tenants: stack.store.tenants, employees: stack.store.employees },
      syncState: new CosmosDirectorySyncStore((kind, partition) => stack.store.keyValues(kind, partition)),
      directory: createDirectoryDelta({ appToken, baseUrl: tenantGraph.baseUrl }),
      clock: fixedClock(`${TODAY}T09:00:00.000Z`),
      close: () => Promise.resolve(),
    });
    const run = (...argv: string[]) =>
      runCli(argv, {
        today: TODAY,
        organisation: () => ({ tenants: [], employees: [], conversations: [] }),
        readFile: (path) => readFile(path, 'utf8'),
        stdout: () => undefined,
        stderr: () => undefined,
        connect: () => Promise.resolve(onStack()),
      });
    expect(await run('sync', '--tenant', T)).toBe(0);
    const hr = await file(
      'tab-hr.csv',
      ['email,incremental_date', `${mail('nurse')},2019-05-20`, `${mail('porter')},2019-09-01`].join('\n'),
    );
    expect(await run('import', hr, '--tenant', T)).toBe(0);

    const page = await browser.context.newPage();
    // The first load of the bundle on a busy machine can take a while.
    page.setDefaultTimeout(45_000);
    await page.goto(`${stack.baseUrl}/tab/#/team`);
    await page.getByText('People (5)').waitFor();
    await signInLocally(page, `${stack.baseUrl}/tab/#/team`, { displayName: 'Wes Ward', email: mail('ward') });
    const table = page.getByRole('table', { name: 'My reports' });
    await table.waitFor();
    const text = (await table.textContent()) ?? '';
    for (const name of ['Nia Nurse', 'Pat Porter', 'Sam Starter']) expect(text).toContain(name);
    expect(text).not.toContain('Chris Chief');
    // Each report's next conversation, from the synced start dates and posts: the new starter's induction (003 §5.1).
    expect(text).toContain('An Induction / introductory meeting is held on appointment to Healthcare Assistant');
    expect(text).toMatch(/Nia NurseStaff Nurse.*Supervision \/ 1:1 every 4 weeks/);
    await page.close();
  }, 120_000);
});
