import { AppError } from '../errors.ts';
import {
  STAFF_GROUPS,
  type Employee,
  type Job,
  type LeaveKind,
  type LeavePeriod,
  type Nation,
  type Probation,
  type StaffGroup,
  type TenantId,
} from '../domain/people.ts';
import type { EmployeeRepository, TenantRepository } from '../ports/repositories.ts';
import { isIsoDate, type IsoDate } from '../time/dates.ts';
import { mapConcurrently, retryOnConflict } from './concurrency.ts';

/** The columns an HR file may carry (docs/import.md); `email` names the person and is required. */
export const HR_COLUMNS = [
  'email',
  'start_date',
  'incremental_date',
  'probation_status',
  'probation_end_date',
  'leave',
  'second_job_title',
  'second_job_manager',
  'second_job_start',
  'has_own_pc',
  'job_family',
  'nation',
  'staff_group',
] as const;
export type HrColumn = (typeof HR_COLUMNS)[number];

/** One line of the file, by its header, and its line number in the file (the header is line 1). */
export interface HrRow {
  readonly line: number;
  readonly cells: Readonly<Record<string, string>>;
}

export interface ImportIssue {
  readonly row: number;
  readonly column: string;
  readonly reason: string;
}

export interface HrImportResult {
  readonly dryRun: boolean;
  readonly rows: number;
  /** People whose record the file changes (a dry run: would change). */
  readonly changed: number;
  readonly unchanged: number;
  /** When not empty, nothing was applied. */
  readonly issues: readonly ImportIssue[];
}

export interface HrImportDeps {
  readonly repos: { readonly tenants: TenantRepository; readonly employees: EmployeeRepository };
}

const PROBATION = ['in-probation', 'extended', 'passed', 'none'] as const;
const LEAVE_KINDS: readonly LeaveKind[] = [
  'sickness',
  'maternity',
  'adoption',
  'paternity',
  'shared-parental',
  'other',
];
const NATIONS: readonly Nation[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);
const SECOND_JOB = 'second';

/** ISO dates, or the day-first dates UK HR exports write (31/01/2027). */
const dateOf = (text: string): IsoDate | undefined => {
  const uk = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = uk === null ? text : `${uk[3] ?? ''}-${uk[2] ?? ''}-${uk[1] ?? ''}`;
  return isIsoDate(iso) ? iso : undefined;
};

type Parsed = Partial<{
  startDate: IsoDate;
  incrementalDate: IsoDate;
  probation: Probation;
  leave: LeavePeriod[];
  secondJob: { title: string; managerId: string; start?: IsoDate };
  hasOwnPc: boolean;
  jobFamily: string;
  nation: Nation;
  staffGroups: StaffGroup[];
}>;

/** Reads one row's cells; blank cells leave the record as it is. */
const parseRow = (
  row: HrRow,
  idByEmail: ReadonlyMap<string, string>,
  issue: (column: string, reason: string) => void,
): Parsed => {
  const cell = (c: HrColumn): string => (row.cells[c] ?? '').trim();
  const out: Parsed = {};
  const date = (c: HrColumn): IsoDate | undefined => {
    if (cell(c) === '') return undefined;
    const d = dateOf(cell(c));
    if (d === undefined) issue(c, `"${cell(c)}" is not a date (YYYY-MM-DD or DD/MM/YYYY).`);
    return d;
  };
  const start = date('start_date');
  if (start !== undefined) out.startDate = start;
  const incremental = date('incremental_date');
  if (incremental !== undefined) out.incrementalDate = incremental;
  const status = cell('probation_status').toLowerCase();
  const probationEnd = date('probation_end_date');
  if (status !== '') {
    const known = PROBATION.find((p) => p === status);
    if (known === undefined) issue('probation_status', `"${status}" is not one of ${PROBATION.join(', ')}.`);
    else out.probation = { status: known, ...(probationEnd === undefined ? {} : { endDate: probationEnd }) };
  } else if (probationEnd !== undefined) issue('probation_status', 'A probation end date needs a probation status.');
  if (cell('leave') !== '') {
    const periods = cell('leave')
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    out.leave = periods.flatMap((period): LeavePeriod[] => {
      const match = /^([a-z-]+):([^.]+)\.\.(.*)$/.exec(period);
      const kind = LEAVE_KINDS.find((k) => k === match?.[1]);
      const from = dateOf(match?.[2]?.trim() ?? '');
      const to = match?.[3]?.trim() === '' ? undefined : dateOf(match?.[3]?.trim() ?? '');
      if (kind === undefined || from === undefined || (match?.[3]?.trim() !== '' && to === undefined)) {
        issue('leave', `"${period}" is not kind:start..end (kinds: ${LEAVE_KINDS.join(', ')}).`);
        return [];
      }
      return [{ kind, start: from, ...(to === undefined ? {} : { end: to }) }];
    });
  }
  const secondTitle = cell('second_job_title');
  const secondManager = cell('second_job_manager').toLowerCase();
  if (secondTitle !== '' || secondManager !== '') {
    const managerId = idByEmail.get(secondManager);
    if (secondTitle === '') issue('second_job_title', 'A second job needs a title.');
    if (managerId === undefined)
      issue('second_job_manager', `No one with the email "${secondManager}" is in the directory.`);
    const secondStart = date('second_job_start');
    if (secondTitle !== '' && managerId !== undefined) {
      out.secondJob = { title: secondTitle, managerId, ...(secondStart === undefined ? {} : { start: secondStart }) };
    }
  }
  const pc = cell('has_own_pc').toLowerCase();
  if (pc !== '') {
    if (YES.has(pc)) out.hasOwnPc = true;
    else if (NO.has(pc)) out.hasOwnPc = false;
    else issue('has_own_pc', `"${pc}" is not yes or no.`);
  }
  if (cell('job_family') !== '') out.jobFamily = cell('job_family');
  const nation = cell('nation').toLowerCase();
  if (nation !== '') {
    const known = NATIONS.find((n) => n === nation);
    if (known === undefined) issue('nation', `"${nation}" is not one of ${NATIONS.join(', ')}.`);
    else out.nation = known;
  }
  const group = cell('staff_group').toLowerCase();
  if (group !== '') {
    const known = STAFF_GROUPS.find((g) => g === group);
    if (group === 'none') out.staffGroups = [];
    else if (known === undefined) issue('staff_group', `"${group}" is not one of ${STAFF_GROUPS.join(', ')} or none.`);
    else out.staffGroups = [known];
  }
  return out;
};

/** The record with the file's facts; blank cells keep what is there. */
const applyRow = (e: Employee, p: Parsed): Employee => {
  const startDate = p.startDate ?? e.startDate;
  const second = p.secondJob;
  // The second job already on record: the one this import made, or an open one of the same title.
  const at = second === undefined ? -1 : e.jobs.findIndex((j) => j.id === SECOND_JOB);
  const sameTitle =
    second === undefined ? -1 : e.jobs.findIndex((j) => !j.isMain && !j.endDate && j.title === second.title);
  const existing = e.jobs[at >= 0 ? at : sameTitle];
  const secondJob: Job | undefined =
    second === undefined
      ? undefined
      : {
          ...(existing ?? { id: SECOND_JOB, isMain: false, contract: 'additional' }),
          title: second.title,
          managerIds: [second.managerId],
          startDate: second.start ?? existing?.startDate ?? startDate,
        };
  const jobs: Job[] = e.jobs.map((j) => {
    if (j === existing && secondJob !== undefined) return secondJob;
    if (!j.isMain) return j;
    // A main job that began with the employment moves with a corrected start date.
    const start = j.startDate === e.startDate ? startDate : j.startDate;
    return { ...j, startDate: start, ...(p.jobFamily === undefined ? {} : { jobFamily: p.jobFamily }) };
  });
  if (secondJob !== undefined && existing === undefined) jobs.push(secondJob);
  // "none" for someone in no group changes nothing.
  const groups = p.staffGroups?.length === 0 && e.staffGroups === undefined ? undefined : p.staffGroups;
  return {
    ...e,
    startDate,
    jobs,
    ...(p.incrementalDate === undefined ? {} : { incrementalDate: p.incrementalDate }),
    ...(p.probation === undefined ? {} : { probation: p.probation }),
    ...(p.leave === undefined ? {} : { leave: p.leave }),
    ...(p.hasOwnPc === undefined ? {} : { hasOwnPc: p.hasOwnPc }),
    ...(groups === undefined ? {} : { staffGroups: groups }),
  };
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const everyone = async (deps: HrImportDeps, tenantId: TenantId): Promise<Map<string, Employee>> => {
  const byEmail = new Map<string, Employee>();
  let token: string | undefined;
  do {
    const page = await deps.repos.employees.list(tenantId, {
      pageSize: 100,
      ...(token === undefined ? {} : { continuationToken: token }),
    });
    for (const e of page.items) byEmail.set(e.email.toLowerCase(), e);
    token = page.continuationToken;
  } while (token !== undefined);
  return byEmail;
};

/** Writes one person's facts over the record as it is now, with its ETag. */
const write = async (deps: HrImportDeps, tenantId: TenantId, plan: Plan): Promise<void> => {
  await retryOnConflict(async () => {
    const stored = await deps.repos.employees.get(tenantId, plan.person.id);
    if (stored === undefined) throw new AppError('conflict', 'A person in the file left the store meanwhile.');
    const next = applyRow(stored.item, plan.parsed);
    if (!same(stored.item, next)) await deps.repos.employees.update(next, stored.etag);
  });
};

interface Plan {
  readonly person: Employee;
  readonly parsed: Parsed;
}

/**
 * Checks every row of an HR file against the directory already synced, then (unless a dry run)
 * applies them: all rows or, when any row has an issue, none. A row that changes nothing is not
 * written, so importing the same file twice changes nothing; an import stopped halfway is finished
 * by importing the file again.
 */
export const importHrRows = async (
  deps: HrImportDeps,
  tenantId: TenantId,
  header: readonly string[],
  rows: readonly HrRow[],
  options: { readonly dryRun: boolean },
): Promise<HrImportResult> => {
  const tenant = (await deps.repos.tenants.get(tenantId))?.item;
  if (tenant === undefined) throw new AppError('not-found', `Tenant ${tenantId} is not set up here.`);
  const issues: ImportIssue[] = [];
  for (const column of header.filter((h) => !HR_COLUMNS.some((c) => c === h))) {
    issues.push({ row: 1, column, reason: 'Not a column this import knows (see docs/import.md).' });
  }
  if (!header.includes('email')) issues.push({ row: 1, column: 'email', reason: 'The file needs an email column.' });
  if (issues.length > 0) return { dryRun: options.dryRun, rows: rows.length, changed: 0, unchanged: 0, issues };

  const people = await everyone(deps, tenantId);
  const idByEmail = new Map([...people].map(([email, e]) => [email, e.id]));
  const firstRow = new Map<string, number>();
  const plans: Plan[] = [];
  const nations = new Set<Nation>();
  for (const row of rows) {
    const issue = (column: string, reason: string) => issues.push({ row: row.line, column, reason });
    const email = (row.cells.email ?? '').trim().toLowerCase();
    const person = people.get(email);
    const earlier = firstRow.get(email);
    if (email === '') issue('email', 'Every row needs an email.');
    else if (earlier !== undefined) issue('email', `${email} is already on row ${String(earlier)}.`);
    else if (person === undefined)
      issue('email', `No one with the email "${email}" is in the directory; sync it first.`);
    if (earlier === undefined) firstRow.set(email, row.line);
    const parsed = parseRow(row, idByEmail, issue);
    if (parsed.nation !== undefined) nations.add(parsed.nation);
    if (person !== undefined && earlier === undefined) plans.push({ person, parsed });
  }
  if (nations.size > 1) issues.push({ row: 1, column: 'nation', reason: 'Every row must name the same nation.' });
  const changes = plans.filter((p) => !same(p.person, applyRow(p.person, p.parsed)));
  const [nation] = [...nations];
  const summary = {
    dryRun: options.dryRun,
    rows: rows.length,
    changed: changes.length,
    unchanged: plans.length - changes.length,
  };
  if (issues.length > 0 || options.dryRun) return { ...summary, issues };
  if (nation !== undefined && nation !== tenant.nation) await deps.repos.tenants.put({ ...tenant, nation });
  await mapConcurrently(changes, 16, (plan) => write(deps, tenantId, plan));
  return { ...summary, issues };
};
