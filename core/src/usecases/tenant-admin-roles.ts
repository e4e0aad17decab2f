import type { Employee, OrgRole, PersonId } from '../domain/people.ts';
import { isAppError } from '../errors.ts';
import type { RoleGrant } from '../ports/tenant-admin.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { retryOnConflict } from './concurrency.ts';
import { sameRoles, withEntraRoles } from './directory-sync-roles.ts';
import { getMe } from './people.ts';
import { getScheme } from './scheme.ts';
import { tenantPack } from './tenant-admin-scheme.ts';
import type { SchemePack } from '../scheme/types.ts';
import { entraRolesOf, requireAdmin } from './tenant-admin.ts';

/**
 * At sign-in, the roles Entra grants (app roles, mapped groups) go onto the person's record: roles
 * Entra granted before and no longer does are taken off, roles given on the record another way
 * (onboarding, an HR file) stay. The grant is kept so administrators see where each role came from.
 */
export const applyEntraRoles = async (deps: UseCaseDeps, caller: Caller): Promise<void> => {
  if (deps.admin === undefined || caller.entra === undefined) return;
  const tenant = (await deps.repos.tenants.get(caller.tenantId))?.item;
  if (tenant === undefined) return;
  const granted = entraRolesOf(caller.entra, tenant.settings?.roleGroups ?? {});
  const before = await deps.admin.roleGrants.get(caller.tenantId, caller.userId);
  if (before === undefined && granted.length === 0) return;
  const previous = (before?.roles ?? []).map((g) => g.role);
  const now = granted.map((g) => g.role);
  await retryOnConflict(async () => {
    const stored = await deps.repos.employees.get(caller.tenantId, caller.userId);
    if (stored === undefined) return;
    const next = withEntraRoles(stored.item.orgRoles, previous, now);
    if (!sameRoles(next, stored.item.orgRoles))
      await deps.repos.employees.update({ ...stored.item, orgRoles: next }, stored.etag);
  });
  if (before !== undefined && JSON.stringify(before.roles) === JSON.stringify(granted)) return;
  await deps.admin.roleGrants.put({
    tenantId: caller.tenantId,
    personId: caller.userId,
    displayName: caller.entra.name ?? caller.entra.upn ?? caller.userId,
    roles: granted,
    seenAt: deps.clock.now(),
  });
};

/** An administrator by their token whose own record the directory sync has not brought in yet. */
const adminWithoutRecord = async (deps: UseCaseDeps, caller: Caller, error: unknown) => {
  if (!isAppError(error) || error.code !== 'forbidden') throw error;
  const ctx = await requireAdmin(deps, caller).catch(() => undefined);
  if (ctx?.tenant === undefined || (await deps.repos.employees.get(caller.tenantId, caller.userId)) !== undefined)
    throw error;
  return { ...ctx, tenant: ctx.tenant };
};

/**
 * Who I am, after Entra's roles are applied. An administrator whose own record the directory sync
 * has not brought in yet still signs in (to run that first sync), as someone with the admin role only.
 */
export const meAtSignIn = async (deps: UseCaseDeps, caller: Caller): Promise<Awaited<ReturnType<typeof getMe>>> => {
  await applyEntraRoles(deps, caller);
  try {
    return await getMe(deps, caller);
  } catch (error) {
    const ctx = await adminWithoutRecord(deps, caller, error);
    return {
      person: { id: caller.userId, displayName: ctx.actorName, email: caller.entra?.upn ?? '', jobTitles: [] },
      tenant: { tenantId: ctx.tenant.tenantId, name: ctx.tenant.name, schemeId: ctx.tenant.schemeId },
      orgRoles: ['admin'],
      managerIds: [],
      reportCount: 0,
    };
  }
};

/** The caller's scheme pack; for an administrator not yet in the directory, their organisation's. */
export const schemeAtSignIn = async (deps: UseCaseDeps, caller: Caller): Promise<SchemePack> => {
  try {
    return await getScheme(deps, caller);
  } catch (error) {
    return tenantPack((await adminWithoutRecord(deps, caller, error)).tenant);
  }
};

export interface RoleHolder {
  readonly personId: PersonId;
  readonly displayName: string;
  readonly email: string;
  readonly roles: readonly { readonly role: OrgRole; readonly source: 'app-role' | 'group' | 'record' }[];
  /** When Entra last told us this person's roles (their last sign-in with any). */
  readonly seenAt?: string;
}

const MAX_PAGES = 500;

/** Everyone holding a role, and where each role comes from: an Entra app role, a group, or their record. */
export const listRoleHolders = async (deps: UseCaseDeps, caller: Caller): Promise<RoleHolder[]> => {
  const { admin } = await requireAdmin(deps, caller);
  const grants = new Map<PersonId, RoleGrant>();
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const page = await admin.roleGrants.list(caller.tenantId, {
      pageSize: 100,
      ...(token === undefined ? {} : { continuationToken: token }),
    });
    for (const g of page.items) grants.set(g.personId, g);
    token = page.continuationToken;
    if (token === undefined) break;
  }
  // Roles the directory sync gave from app-role assignments, for people who have not signed in since.
  const synced = (await admin.syncState.get(caller.tenantId))?.item.appRoles ?? {};
  const holders = new Map<PersonId, RoleHolder>();
  const add = (e: Pick<Employee, 'id' | 'displayName' | 'email' | 'orgRoles'>): void => {
    const grant = grants.get(e.id);
    const roles = e.orgRoles.map((role) => ({
      role,
      source:
        grant?.roles.find((g) => g.role === role)?.source ??
        (synced[e.id]?.includes(role) === true ? ('app-role' as const) : ('record' as const)),
    }));
    if (roles.length === 0) return;
    holders.set(e.id, {
      personId: e.id,
      displayName: e.displayName,
      email: e.email,
      roles,
      ...(grant === undefined ? {} : { seenAt: grant.seenAt }),
    });
  };
  // The whole staff in one listing: tens of thousands of people, not a page of a hundred at a time.
  for (const e of await deps.repos.employees.listAll(caller.tenantId)) add(e);
  // Granted at sign-in before the directory sync brought their record in.
  for (const g of grants.values()) {
    if (!holders.has(g.personId))
      add({ id: g.personId, displayName: g.displayName, email: '', orgRoles: g.roles.map((r) => r.role) });
  }
  return [...holders.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
};
