import type { AuditAction } from '../domain/audit.ts';
import type { OrgRole, PersonId, Tenant } from '../domain/people.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import { AppError } from '../errors.ts';
import type { DirectorySyncState } from '../ports/directory.ts';
import type { TenantAdminServices } from '../ports/tenant-admin.ts';
import type { Caller, EntraClaims, UseCaseDeps } from './deps.ts';
import { directorySyncStatus, runDirectorySync } from './directory-sync.ts';
import type { HrRow } from './hr-file.ts';
import { importHrRows, type HrImportResult } from './hr-import.ts';

/** App role values as the app registration declares them (docs/administration.md), by the role they grant. */
export const APP_ROLES: Readonly<Record<string, OrgRole>> = {
  admin: 'admin',
  hr: 'hr',
  coordinator: 'coordinator',
  auditor: 'auditor',
  seniormanager: 'senior-manager',
};

/** The roles an Entra token grants: its app roles, then the groups the tenant mapped to roles. */
export const entraRolesOf = (
  entra: EntraClaims | undefined,
  roleGroups: TenantSettings['roleGroups'],
): { role: OrgRole; source: 'app-role' | 'group' }[] => {
  if (entra === undefined) return [];
  const found = new Map<OrgRole, 'app-role' | 'group'>();
  for (const value of entra.roles) {
    const role = APP_ROLES[value.toLowerCase().replace(/[^a-z]/g, '')];
    if (role !== undefined) found.set(role, 'app-role');
  }
  const groups = new Set(entra.groups.map((g) => g.toLowerCase()));
  for (const [role, ids] of Object.entries(roleGroups) as [OrgRole, readonly string[]][]) {
    if (!found.has(role) && ids.some((id) => groups.has(id.toLowerCase()))) found.set(role, 'group');
  }
  return [...found].map(([role, source]) => ({ role, source }));
};

export interface AdminContext {
  readonly admin: TenantAdminServices;
  /** Absent before the tenant is onboarded. */
  readonly tenant: Tenant | undefined;
  readonly actorId: PersonId;
  readonly actorName: string;
}

const NOT_ADMIN =
  'Only an administrator of your organisation can do this: ask for the Admin role on this app in Microsoft Entra ID.';

/**
 * The caller as an administrator: the Admin app role (or a group mapped to it) in their token, or
 * 'admin' on their record. The token alone is enough before the tenant's staff are brought in.
 */
export const requireAdmin = async (deps: UseCaseDeps, caller: Caller): Promise<AdminContext> => {
  const admin = deps.admin;
  if (admin === undefined) throw new AppError('unavailable', 'Tenant administration is not available on this server.');
  const tenant = (await deps.repos.tenants.get(caller.tenantId))?.item;
  const me = (await deps.repos.employees.get(caller.tenantId, caller.userId))?.item;
  const granted = entraRolesOf(caller.entra, tenant?.settings?.roleGroups ?? {}).some((g) => g.role === 'admin');
  if (!granted && me?.orgRoles.includes('admin') !== true) throw new AppError('forbidden', NOT_ADMIN);
  const actorName = me?.displayName ?? caller.entra?.name ?? caller.entra?.upn ?? caller.userId;
  return { admin, tenant, actorId: caller.userId, actorName };
};

/** Administrators' actions are audited under the organisation rather than a person. */
export const ORGANISATION_SUBJECT = 'organisation';

export const auditAdmin = async (
  deps: UseCaseDeps,
  caller: Caller,
  action: AuditAction,
  resource: { readonly type: string; readonly id: string },
): Promise<void> => {
  await deps.repos.audit.append({
    tenantId: caller.tenantId,
    id: deps.newId(),
    at: deps.clock.now(),
    actorId: caller.userId,
    subjectId: ORGANISATION_SUBJECT,
    action,
    resource,
  });
};

const onboarded = (ctx: AdminContext): Tenant => {
  if (ctx.tenant === undefined)
    throw new AppError('not-found', 'Set up your organisation first: its name, scheme and nation.');
  return ctx.tenant;
};

export interface SyncStatusView {
  readonly state: DirectorySyncState | undefined;
  /** A round holds the tenant's lease now. */
  readonly running: boolean;
  readonly graphConfigured: boolean;
}

const statusView = (deps: UseCaseDeps, admin: TenantAdminServices, state: DirectorySyncState | undefined) => ({
  state,
  running: state?.leaseUntil !== undefined && state.leaseUntil > deps.clock.now(),
  graphConfigured: admin.directory !== undefined,
});

/** The directory sync's last round (counts, errors) and whether one is running. */
export const adminSyncStatus = async (deps: UseCaseDeps, caller: Caller): Promise<SyncStatusView> => {
  const { admin } = await requireAdmin(deps, caller);
  return statusView(deps, admin, await directorySyncStatus(admin, caller.tenantId));
};

/** Resolves true when `work` ends within `ms`, false when it is still going; rejects with its failure. */
const endsWithin = (work: Promise<unknown>, ms: number): Promise<boolean> => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  return Promise.race([work.then(() => true), waited]).finally(() => {
    clearTimeout(timer);
  });
};

/**
 * "Sync now": one round for the caller's tenant, as the schedule would run it; audited when it
 * starts. A round still going after `syncAnswerWithinMs` (a large organisation's first sync) goes
 * on after the answer, which then says it is running; a round that fails by then is recorded in
 * the sync state and resumes at its page on the next round.
 */
export const adminSyncNow = async (deps: UseCaseDeps, caller: Caller): Promise<SyncStatusView> => {
  const ctx = await requireAdmin(deps, caller);
  const tenant = onboarded(ctx);
  const { admin } = ctx;
  if (admin.directory === undefined)
    throw new AppError(
      'unavailable',
      'Microsoft Graph is not configured on this server, so the directory cannot be read.',
    );
  const round = runDirectorySync(
    {
      repos: { tenants: deps.repos.tenants, employees: deps.repos.employees },
      clock: deps.clock,
      directory: admin.directory,
      syncState: admin.syncState,
      instanceId: admin.instanceId,
    },
    tenant.tenantId,
  );
  if (admin.syncAnswerWithinMs === undefined) await round;
  else if (!(await endsWithin(round, admin.syncAnswerWithinMs))) round.catch(() => undefined);
  await auditAdmin(deps, caller, 'admin.sync', { type: 'directory-sync', id: tenant.tenantId });
  return statusView(deps, admin, await directorySyncStatus(admin, caller.tenantId));
};

/** An HR file checked (a dry run: nothing written) or applied, all rows or none; an applied file is audited. */
export const adminImportHr = async (
  deps: UseCaseDeps,
  caller: Caller,
  file: { readonly header: readonly string[]; readonly rows: readonly HrRow[] },
  options: { readonly dryRun: boolean },
): Promise<HrImportResult> => {
  const tenant = onboarded(await requireAdmin(deps, caller));
  const result = await importHrRows({ repos: deps.repos }, tenant.tenantId, file.header, file.rows, options);
  if (!options.dryRun && result.issues.length === 0) {
    await auditAdmin(deps, caller, 'admin.import', { type: 'hr-file', id: `${String(result.rows)} rows` });
  }
  return result;
};
