import type { OrgRole, PersonId, Tenant } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import type { DirectorySource, SyncIssue } from '../ports/directory.ts';
import type { EmployeeRepository } from '../ports/repositories.ts';
import { decideAndWrite } from './directory-sync-batch.ts';
import { entraRolesOf } from './tenant-admin.ts';

export type SyncedRoles = Readonly<Record<PersonId, readonly OrgRole[]>>;

/**
 * A record's roles once Entra's grant changed from `previous` to `granted`: roles Entra granted
 * before and no longer does come off, roles given on the record another way (onboarding, an HR
 * file) stay, new grants are added. The same rule at sign-in and at a directory sync.
 */
export const withEntraRoles = (
  current: readonly OrgRole[],
  previous: readonly OrgRole[],
  granted: readonly OrgRole[],
): OrgRole[] => {
  const kept = current.filter((r) => !previous.includes(r) || granted.includes(r));
  return [...kept, ...granted.filter((r) => !kept.includes(r))];
};

export const sameRoles = (a: readonly OrgRole[], b: readonly OrgRole[]): boolean =>
  a.length === b.length && a.every((r) => b.includes(r));

const rolesByPerson = (assignments: Awaited<ReturnType<NonNullable<DirectorySource['appRoleAssignments']>>>) => {
  const byPerson = new Map<PersonId, OrgRole[]>();
  for (const { userId, roles } of assignments) {
    const mapped = entraRolesOf({ roles, groups: [] }, {}).map((g) => g.role);
    byPerson.set(userId, [...new Set([...(byPerson.get(userId) ?? []), ...mapped])]);
  }
  return byPerson;
};

/**
 * Entra's app-role assignments onto people's records at the end of a round, so a role granted (or
 * taken away) in Entra holds from the next sync without the person signing in. `previous` is what
 * the last round applied; the result is what this round applied, for the next one. People not
 * brought in yet keep their place and are given their roles by a later round.
 */
export const applyAppRoles = async (
  deps: { readonly directory: DirectorySource; readonly repos: { readonly employees: EmployeeRepository } },
  tenant: Tenant,
  previous: SyncedRoles,
): Promise<{ readonly appRoles?: SyncedRoles; readonly issues: readonly SyncIssue[] }> => {
  if (deps.directory.appRoleAssignments === undefined) return { issues: [] };
  let granted: Map<PersonId, OrgRole[]>;
  try {
    granted = rolesByPerson(await deps.directory.appRoleAssignments(tenant.tenantId));
  } catch (error) {
    // The people are synced; the roles stay as they were until a round can read them.
    const why = isAppError(error) ? error.message : 'an unexpected error';
    return {
      issues: [{ message: `The app roles could not be read from the directory (${why}); roles are unchanged.` }],
    };
  }
  const people = [...new Set([...granted.keys(), ...Object.keys(previous)])];
  const applied = await decideAndWrite(
    deps.repos.employees,
    tenant.tenantId,
    people,
    (id) => id,
    (id, stored) => {
      const before = previous[id] ?? [];
      if (stored === undefined) return { result: [id, before] as const };
      const now = granted.get(id) ?? [];
      const next = withEntraRoles(stored.item.orgRoles, before, now);
      const write = sameRoles(next, stored.item.orgRoles) ? {} : { write: { ...stored.item, orgRoles: next } };
      return { result: [id, now] as const, ...write };
    },
  );
  return { appRoles: Object.fromEntries(applied.filter(([, roles]) => roles.length > 0)), issues: [] };
};
