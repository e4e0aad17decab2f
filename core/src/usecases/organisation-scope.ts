import type { Employee, PersonId, Tenant } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import { decide, type TenantActor } from '../permissions/decide.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import type { IsoDate } from '../time/dates.ts';
import { loadActor, subjectOf } from './context.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { allPages } from './export-support.ts';

/**
 * A department or directorate: the directory's department where people carry one, else everyone
 * below one person just under the top of the view.
 */
export interface OrgUnit {
  /** The head's id for a branch; `department:<name>` for a department from the directory. */
  readonly id: string;
  /** The head's job title, e.g. "Head of Service, Highways and Transport". */
  readonly name: string;
  /** Empty for a department from the directory. */
  readonly headName: string;
}

export interface OrgScope {
  readonly tenant: Tenant;
  readonly actor: TenantActor;
  /** 'organisation' for HR; 'service' for a senior manager, below themselves. */
  readonly kind: 'organisation' | 'service';
  readonly label: string;
  /** Everyone the view covers, in the directory's order. */
  readonly people: readonly Employee[];
  readonly units: readonly OrgUnit[];
  readonly unitOf: ReadonlyMap<PersonId, string>;
  /** Everyone in the tenant by id (for names and the chain above a person). */
  readonly byId: ReadonlyMap<PersonId, Employee>;
}

/** The manager a person's main job reports to, the line that decides their department. */
const mainManager = (e: Employee, byId: ReadonlyMap<PersonId, Employee>): PersonId | undefined => {
  const job = e.jobs.find((j) => j.isMain && j.endDate === undefined) ?? e.jobs.find((j) => j.endDate === undefined);
  return (job?.managerIds ?? currentManagerIds(e)).find((id) => byId.has(id) && id !== e.id);
};

const unitName = (head: Employee): string => head.jobs.find((j) => j.isMain)?.title ?? head.displayName;

/** The directory's department, where directory sync or the HR file stored one. */
const departmentOf = (e: Employee & { readonly department?: string }): string | undefined => {
  const name = e.department?.trim();
  return name === undefined || name === '' ? undefined : name;
};

const DEPARTMENT_PREFIX = 'department:';

/** The person just below one of `tops` on the way up from `e`; `e` itself when it is a top. */
const unitHeadOf = (
  e: Employee,
  tops: ReadonlySet<PersonId>,
  byId: ReadonlyMap<PersonId, Employee>,
): PersonId | undefined => {
  let current = e;
  for (let depth = 0; depth < 30; depth += 1) {
    if (tops.has(current.id)) return current.id;
    const up = mainManager(current, byId);
    if (up === undefined) return undefined;
    if (tops.has(up)) return current.id;
    const next = byId.get(up);
    if (next === undefined) return undefined;
    current = next;
  }
  return undefined;
};

/**
 * Who an organisation view covers: HR sees the whole organisation (003 §8), a senior manager
 * their service, everyone below them (000 Team Themes). The directory is read in pages once;
 * departments are the branches just under the top, so no person costs a query of their own.
 */
export const organisationScope = async (
  deps: UseCaseDeps,
  caller: Caller,
  on: IsoDate,
  /** The whole directory, read once the caller may see the view; by default its pages of 100. */
  readEveryone: () => Promise<readonly Employee[]> = () =>
    allPages((p) => deps.repos.employees.list(caller.tenantId, p)),
): Promise<OrgScope> => {
  const { actor, tenant, employee } = await loadActor(deps, caller);
  const isHr = employee.orgRoles.includes('hr');
  if (!isHr && !employee.orgRoles.includes('senior-manager')) {
    throw new AppError('forbidden', 'The organisation view is for HR and senior managers.');
  }
  const everyone = await readEveryone();
  const byId = new Map(everyone.map((e) => [e.id, e]));
  const current = everyone.filter((e) => e.leftOn === undefined || e.leftOn > on);
  const tops = new Set(
    isHr ? current.filter((e) => mainManager(e, byId) === undefined).map((e) => e.id) : [employee.id],
  );
  const unitOf = new Map<PersonId, string>();
  const people: Employee[] = [];
  const read = (id: PersonId) => Promise.resolve(byId.get(id));
  for (const e of current) {
    const head = unitHeadOf(e, tops, byId);
    if (head === undefined || (!isHr && e.id === employee.id)) continue;
    // A senior manager's view is checked person by person as any other read would be.
    if (!isHr && !decide(actor, 'compliance.read', await subjectOf(e, read)).allowed) continue;
    // The directory's department names the unit where it is known; else the branch under the top.
    const department = departmentOf(e);
    unitOf.set(e.id, department === undefined ? head : `${DEPARTMENT_PREFIX}${department}`);
    people.push(e);
  }
  const units = [...new Set(unitOf.values())].flatMap((id) => {
    if (id.startsWith(DEPARTMENT_PREFIX)) return [{ id, name: id.slice(DEPARTMENT_PREFIX.length), headName: '' }];
    const head = byId.get(id);
    return head === undefined ? [] : [{ id, name: unitName(head), headName: head.displayName }];
  });
  return {
    tenant,
    actor,
    kind: isHr ? 'organisation' : 'service',
    label: isHr ? tenant.name : `${unitName(employee)}: the service below ${employee.displayName}`,
    people,
    units: units.sort((a, b) => a.name.localeCompare(b.name)),
    unitOf,
    byId,
  };
};
