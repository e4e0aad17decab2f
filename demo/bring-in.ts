/**
 * How `npm start` brings the demo organisation in: through the paths a real tenant uses. The
 * directory sync reads the local Graph, an HR file written from the demo people is imported, and
 * only what neither holds (roles, the demo's transfer history, pay-step facts, acting up, agreed
 * frequencies) and the demo's past conversations are put in directly.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock, type Clock, type Employee, type TenantId } from '@pc/core';
import {
  importHrRows,
  runDirectorySync,
  type DirectorySource,
  type DirectorySyncResult,
  type HrImportResult,
} from '@pc/core/usecases';
import { DeltaDirectory } from '@pc/testing/fakes/graph/delta.ts';
import { readHrFile } from '../bot/src/cli/hr-csv.ts';
import { CosmosDirectorySyncStore } from '../bot/src/cosmos/directory-sync-store.ts';
import type { Store } from '../bot/src/cosmos/index.ts';
import type { DemoOrg } from './demo-org.ts';
import { seedDemoData } from './seed.ts';

export interface BroughtIn {
  readonly tenantId: TenantId;
  readonly sync: DirectorySyncResult;
  /** The round after the demo's leavers' accounts were disabled, where they have any. */
  readonly leaversSync?: DirectorySyncResult;
  readonly hrFile: string;
  readonly hrImport: HrImportResult;
  /** People whose record still needed the demo-only facts after sync and import. */
  readonly toppedUp: number;
}

const cell = (value: string | undefined): string =>
  value === undefined ? '' : /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

/** The demo people's HR facts as an HR system would export them (docs/import.md). */
const demoHrCsv = (employees: readonly Employee[]): string => {
  const emailOf = new Map(employees.map((e) => [e.id, e.email]));
  const header =
    'email,start_date,incremental_date,probation_status,probation_end_date,leave,second_job_title,second_job_manager,second_job_start,has_own_pc,job_family,staff_group';
  const rows = employees.map((e) => {
    const main = e.jobs.find((j) => j.isMain);
    const second = e.jobs.find((j) => !j.isMain);
    const leave = e.leave.map((l) => `${l.kind}:${l.start}..${l.end ?? ''}`).join(';');
    return [
      e.email,
      e.startDate,
      e.incrementalDate,
      e.probation.status,
      e.probation.endDate,
      leave,
      second?.title,
      second === undefined ? undefined : emailOf.get(second.managerIds[0] ?? ''),
      second?.startDate,
      e.hasOwnPc ? 'yes' : 'no',
      main?.jobFamily,
      e.staffGroups?.[0] ?? 'none',
    ]
      .map(cell)
      .join(',');
  });
  return `${[header, ...rows].join('\n')}\n`;
};

export interface BringInOptions {
  readonly store: Store;
  readonly org: DemoOrg;
  readonly directory: DirectorySource;
  /** Where the demo HR files are written, so a newcomer can read what was imported. */
  readonly hrDir: string;
  readonly clock?: Clock;
}

type Repos = { readonly tenants: Store['tenants']; readonly employees: Store['employees'] };

/** One demo tenant through the real paths: onboarding, a directory sync round, the HR file import. */
export const syncAndImport = async (
  options: BringInOptions,
  tenant: DemoOrg['tenants'][number],
): Promise<Omit<BroughtIn, 'toppedUp'>> => {
  const { store, org } = options;
  const repos: Repos = { tenants: store.tenants, employees: store.employees };
  const syncState = new CosmosDirectorySyncStore((kind, partition) => store.keyValues(kind, partition));
  // Onboarding (the scheme pack, the nation) is a tenant administrator's step: put in directly.
  if ((await store.tenants.get(tenant.tenantId)) === undefined) await store.tenants.put(tenant);
  const syncRound = () =>
    runDirectorySync(
      { repos, clock: options.clock ?? systemClock, directory: options.directory, syncState, instanceId: 'npm-start' },
      tenant.tenantId,
    );
  // A leaver worked there when the product came: the first round sees their account enabled.
  const leavers = org.employees.filter((e) => e.tenantId === tenant.tenantId && e.leftOn !== undefined);
  const entra = org.graphOrgs.find((g) => g.tenantId === tenant.tenantId);
  const directory = entra instanceof DeltaDirectory && leavers.length > 0 ? entra : undefined;
  for (const leaver of leavers) directory?.update(leaver.id, { accountEnabled: true });
  const sync = await syncRound();
  await mkdir(options.hrDir, { recursive: true });
  const hrFile = join(options.hrDir, `${tenant.schemeId}.csv`);
  await writeFile(hrFile, demoHrCsv(org.employees.filter((e) => e.tenantId === tenant.tenantId)));
  const file = await readHrFile(hrFile);
  const hrImport = await importHrRows({ repos }, tenant.tenantId, file.header, file.rows, { dryRun: false });
  if (directory === undefined) return { tenantId: tenant.tenantId, sync, hrFile, hrImport };
  // Then they left: Entra disables the account and the next round gives them a leaving date.
  for (const leaver of leavers) directory.leave(leaver.id);
  return { tenantId: tenant.tenantId, sync, leaversSync: await syncRound(), hrFile, hrImport };
};

/** What only the demo knows goes over each synced and imported record, keeping its ETag discipline. */
const topUp = async (store: Store, people: readonly Employee[]): Promise<number> => {
  let toppedUp = 0;
  for (const person of people) {
    const stored = await store.employees.get(person.tenantId, person.id);
    if (stored === undefined || JSON.stringify(stored.item) === JSON.stringify(person)) continue;
    await store.employees.update(person, stored.etag);
    toppedUp += 1;
  }
  return toppedUp;
};

export const bringInDemoOrg = async (options: BringInOptions): Promise<BroughtIn[]> => {
  const report: BroughtIn[] = [];
  for (const tenant of options.org.tenants) {
    const done = await syncAndImport(options, tenant);
    const people = options.org.employees.filter((e) => e.tenantId === tenant.tenantId);
    report.push({ ...done, toppedUp: await topUp(options.store, people) });
  }
  // The demo's history: past conversations, objectives and feedback (people and tenants are there).
  await seedDemoData(options.store, options.org);
  return report;
};
