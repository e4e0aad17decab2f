import type { Employee, Job, Probation, Tenant } from '../domain/people.ts';
import type { DirectoryUser } from '../ports/directory.ts';
import { getSchemePack } from '../scheme/packs/index.ts';
import { addDays, addMonths, isIsoDate, type IsoDate } from '../time/dates.ts';

/** What one directory change does to the employee store. */
export type ChangeOutcome =
  | { readonly kind: 'joined' | 'moved' | 'left' | 'updated'; readonly next: Employee }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'failed'; readonly reason: string };

const MAIN_JOB = 'main';
const DEFAULT_PROBATION_MONTHS = 6;

/** The scheme's probation length (Bexley's outcome meeting: 002 §5), else six months. */
export const probationMonthsOf = (tenant: Tenant): number => {
  for (const rule of getSchemePack(tenant.schemeId).conversations) {
    const { cadence } = rule;
    if (cadence.kind === 'after-start' && cadence.outcome !== undefined && 'months' in cadence.outcome.after) {
      return cadence.outcome.after.months;
    }
  }
  return DEFAULT_PROBATION_MONTHS;
};

/** A new starter is in probation until the scheme's probation period after their start date has run. */
export const probationFor = (tenant: Tenant, startDate: IsoDate, today: IsoDate): Probation => {
  const endDate = addMonths(startDate, probationMonthsOf(tenant));
  return endDate > today ? { status: 'in-probation', endDate } : { status: 'none' };
};

const hireDateOf = (user: DirectoryUser): IsoDate | undefined => {
  const date = user.employeeHireDate?.slice(0, 10);
  return date !== undefined && isIsoDate(date) ? date : undefined;
};

const isLeaver = (user: DirectoryUser): boolean => user.removed === true || user.accountEnabled === false;

const joiner = (tenant: Tenant, user: DirectoryUser, today: IsoDate): ChangeOutcome => {
  const email = (user.mail ?? user.userPrincipalName ?? '').toLowerCase();
  if (user.displayName === undefined || email === '') {
    return { kind: 'failed', reason: 'The directory gave no name or mail for this person.' };
  }
  const startDate = hireDateOf(user) ?? today;
  const job: Job = {
    id: MAIN_JOB,
    title: user.jobTitle ?? 'Colleague',
    managerIds: typeof user.managerId === 'string' ? [user.managerId] : [],
    isMain: true,
    contract: 'substantive',
    startDate,
  };
  return {
    kind: 'joined',
    next: {
      tenantId: tenant.tenantId,
      id: user.id,
      displayName: user.displayName,
      email,
      startDate,
      jobs: [job],
      leave: [],
      probation: probationFor(tenant, startDate, today),
      managerChanges: [],
      hasOwnPc: true,
      orgRoles: [],
      ...(typeof user.department === 'string' && user.department !== '' ? { department: user.department } : {}),
    },
  };
};

/**
 * A new post (003 §5.1: an introductory meeting on appointment) ends the old main job yesterday and
 * starts a new one today; a new line manager on the same post is a transfer (000: the old and new
 * manager owe a handover).
 */
const mover = (current: Employee, user: DirectoryUser, today: IsoDate): Employee | undefined => {
  const main = current.jobs.find((j) => j.isMain && j.endDate === undefined);
  if (main === undefined) return undefined;
  const newTitle = user.jobTitle !== undefined && user.jobTitle !== null && user.jobTitle !== main.title;
  const managerId = user.managerId;
  const newManager =
    (typeof managerId === 'string' && !main.managerIds.includes(managerId)) ||
    (managerId === null && main.managerIds.length > 0);
  if (!newTitle && !newManager) return undefined;
  const managerIds = newManager ? (typeof managerId === 'string' ? [managerId] : []) : main.managerIds;
  const jobs = newTitle
    ? [
        ...current.jobs.map((j) => (j === main ? { ...j, endDate: addDays(today, -1), isMain: false } : j)),
        { ...main, id: `${MAIN_JOB}-${today}`, title: user.jobTitle ?? main.title, managerIds, startDate: today },
      ]
    : current.jobs.map((j) => (j === main ? { ...j, managerIds } : j));
  const jobId = newTitle ? `${MAIN_JOB}-${today}` : main.id;
  const previousManagerId = main.managerIds[0];
  const transfer =
    newManager && previousManagerId !== undefined && typeof managerId === 'string'
      ? [{ jobId, previousManagerId, newManagerId: managerId, on: today }]
      : [];
  return { ...current, jobs, managerChanges: [...current.managerChanges, ...transfer] };
};

/** A department given (a name), cleared (null or empty) or not reported (undefined: unchanged). */
const departmentOf = (current: Employee, user: DirectoryUser): Employee => {
  if (user.department === undefined || (user.department ?? undefined) === current.department) return current;
  const { department: _old, ...rest } = current;
  return user.department === null || user.department === '' ? rest : { ...rest, department: user.department };
};

/** Name, mail and department: details that change the record without being a move. */
const renamed = (current: Employee, user: DirectoryUser): Employee | undefined => {
  const email = (user.mail ?? user.userPrincipalName)?.toLowerCase();
  const displayName = user.displayName ?? current.displayName;
  const next = departmentOf({ ...current, displayName, email: email ?? current.email }, user);
  return next.displayName !== current.displayName ||
    next.email !== current.email ||
    next.department !== current.department
    ? next
    : undefined;
};

/**
 * What one directory change means for the stored employee, decided on `today` alone, so applying
 * the same change twice gives the same record (the second time: unchanged). Nothing is deleted: a
 * leaver is archived with a leaving date, which stops prompts and keeps their records.
 */
export const directoryChange = (
  tenant: Tenant,
  current: Employee | undefined,
  user: DirectoryUser,
  today: IsoDate,
): ChangeOutcome => {
  if (isLeaver(user)) {
    if (current === undefined || current.leftOn !== undefined) return { kind: 'unchanged' };
    return { kind: 'left', next: { ...current, leftOn: today } };
  }
  if (current === undefined) return joiner(tenant, user, today);
  if (current.leftOn !== undefined && user.accountEnabled === true) {
    const { leftOn: _left, ...rest } = current;
    const back = renamed(rest, user) ?? rest;
    return { kind: 'joined', next: mover(back, user, today) ?? back };
  }
  const base = renamed(current, user) ?? current;
  const moved = mover(base, user, today);
  if (moved !== undefined) return { kind: 'moved', next: moved };
  return base === current ? { kind: 'unchanged' } : { kind: 'updated', next: base };
};
