import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { AppError } from '../errors.ts';
import type { TenantActor } from '../permissions/decide.ts';
import { currentManagerIds, type SubjectContext } from '../permissions/relationships.ts';
import type { Caller, UseCaseDeps } from './deps.ts';

export interface ActorContext {
  readonly tenant: Tenant;
  readonly employee: Employee;
  readonly actor: TenantActor;
}

/** Resolves the caller to their tenant and person; unknown tenants and people are refused. */
export const loadActor = async (deps: UseCaseDeps, caller: Caller): Promise<ActorContext> => {
  const tenant = await deps.repos.tenants.get(caller.tenantId);
  if (!tenant)
    throw new AppError('forbidden', 'Your organisation has not been set up for Performance Conversations yet.');
  const me = await deps.repos.employees.get(caller.tenantId, caller.userId);
  if (!me) throw new AppError('forbidden', 'You are not in the staff directory for your organisation yet.');
  return {
    tenant: tenant.item,
    employee: me.item,
    actor: { tenantId: caller.tenantId, id: me.item.id, orgRoles: me.item.orgRoles },
  };
};

export const loadEmployee = async (deps: UseCaseDeps, tenantId: TenantId, personId: PersonId): Promise<Employee> => {
  const found = await deps.repos.employees.get(tenantId, personId);
  if (!found) throw new AppError('not-found', 'No such person in your organisation.');
  return found.item;
};

/** How far up the chain roll-ups travel (policy 000 Team Themes go to DMT / Assistant Directors). */
const MAX_CHAIN = 6;

/** Reads one person of the tenant for a decision. */
export type ReadPerson = (id: PersonId) => Promise<Employee | undefined>;

const managersOf = async (read: ReadPerson, ids: readonly PersonId[]): Promise<PersonId[]> => {
  const found = await Promise.all(ids.map(read));
  return [...new Set(found.flatMap((m) => (m ? currentManagerIds(m) : [])))];
};

/**
 * The subject with the chain above their managers, for grandparent and senior-manager checks,
 * each person read through `read` (an export answers from the page of people it listed).
 */
export const subjectOf = async (employee: Employee, read: ReadPerson): Promise<SubjectContext> => {
  const grandparentIds = await managersOf(read, currentManagerIds(employee));
  const seniorChainIds: PersonId[] = [];
  let level = grandparentIds;
  for (let depth = 0; depth < MAX_CHAIN && level.length > 0; depth += 1) {
    level = (await managersOf(read, level)).filter((id) => !seniorChainIds.includes(id) && id !== employee.id);
    seniorChainIds.push(...level);
  }
  return { employee, grandparentIds, seniorChainIds };
};

/** The subject with the chain above their managers, each read from the store. */
export const loadSubject = async (deps: UseCaseDeps, tenantId: TenantId, personId: PersonId): Promise<SubjectContext> =>
  subjectOf(
    await loadEmployee(deps, tenantId, personId),
    async (id) => (await deps.repos.employees.get(tenantId, id))?.item,
  );

/**
 * A person's record for a decision (who may act or see, whose manager is stamped on a record):
 * always a point read of the store, so a manager change holds at once on every instance.
 */
export const freshPerson = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  personId: PersonId,
): Promise<Employee | undefined> => (await deps.repos.employees.get(tenantId, personId))?.item;

/** A person's record for display only (names, choices offered): from the short-lived directory when there is one. */
export const lookUpPerson = async (
  deps: UseCaseDeps,
  tenantId: TenantId,
  personId: PersonId,
): Promise<Employee | undefined> =>
  deps.people === undefined
    ? (await deps.repos.employees.get(tenantId, personId))?.item
    : deps.people.person(tenantId, personId);
