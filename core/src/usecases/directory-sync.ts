import { AppError, isAppError } from '../errors.ts';
import type { Tenant, TenantId } from '../domain/people.ts';
import type {
  DirectoryPage,
  DirectorySource,
  DirectorySyncState,
  DirectorySyncStore,
  SyncCounts,
  SyncIssue,
} from '../ports/directory.ts';
import type { EmployeeRepository, Stored, TenantRepository } from '../ports/repositories.ts';
import type { Clock } from '../time/clock.ts';
import { directoryChange } from './directory-changes.ts';
import { decideAndWrite, type Decision } from './directory-sync-batch.ts';
import { applyAppRoles } from './directory-sync-roles.ts';

export interface DirectorySyncDeps {
  readonly repos: { readonly tenants: TenantRepository; readonly employees: EmployeeRepository };
  readonly clock: Clock;
  readonly directory: DirectorySource;
  readonly syncState: DirectorySyncStore;
  /** Names this process in the lease, so another instance can tell the tenant is taken. */
  readonly instanceId: string;
  /** How long a round holds the tenant without finishing a page (default 10 minutes). */
  readonly leaseSeconds?: number;
}

export interface DirectorySyncResult {
  readonly outcome: 'completed' | 'failed';
  readonly pages: number;
  readonly counts: SyncCounts;
  readonly errors: readonly SyncIssue[];
}

export const NO_COUNTS: SyncCounts = { joined: 0, moved: 0, left: 0, unchanged: 0, failed: 0 };
const MAX_ISSUES = 50;

const add = (a: SyncCounts, b: SyncCounts): SyncCounts => ({
  joined: a.joined + b.joined,
  moved: a.moved + b.moved,
  left: a.left + b.left,
  unchanged: a.unchanged + b.unchanged,
  failed: a.failed + b.failed,
});

/**
 * Applies one page: everyone on it is read at once and the changes are written at once. Each
 * person's write is decided from the stored record alone, so re-applying a page after a crash
 * finishes what was left and rewrites nothing already done: the page ends up applied in full, or
 * is read again from its link and applied again.
 */
export const applyDirectoryPage = async (
  deps: Pick<DirectorySyncDeps, 'repos' | 'clock'>,
  tenant: Tenant,
  page: DirectoryPage,
): Promise<{ counts: SyncCounts; issues: SyncIssue[] }> => {
  const today = deps.clock.today();
  const outcomes = await decideAndWrite(
    deps.repos.employees,
    tenant.tenantId,
    page.users,
    (user) => user.id,
    (user, stored): Decision<{ kind: keyof SyncCounts; issue?: SyncIssue }> => {
      const change = directoryChange(tenant, stored?.item, user, today);
      if (change.kind === 'failed')
        return { result: { kind: 'failed', issue: { userId: user.id, message: change.reason } } };
      if (change.kind === 'unchanged') return { result: { kind: 'unchanged' } };
      return { result: { kind: change.kind === 'updated' ? 'unchanged' : change.kind }, write: change.next };
    },
  );
  const counts = { ...NO_COUNTS };
  const issues: SyncIssue[] = [];
  for (const { kind, issue } of outcomes) {
    counts[kind] += 1;
    if (issue !== undefined) issues.push(issue);
  }
  return { counts, issues };
};

const messageOf = (error: unknown): string =>
  isAppError(error) ? error.message : 'The directory sync stopped on an unexpected error.';

/** Takes the tenant's sync document for this instance, or says another instance holds it. */
const takeLease = async (deps: DirectorySyncDeps, tenantId: TenantId): Promise<Stored<DirectorySyncState>> => {
  const now = deps.clock.now();
  const until = new Date(Date.parse(now) + (deps.leaseSeconds ?? 600) * 1000).toISOString();
  const stored = (await deps.syncState.get(tenantId)) ?? (await deps.syncState.create({ tenantId }));
  const state = stored.item;
  if (state.leaseUntil !== undefined && state.leaseUntil > now && state.leaseOwner !== deps.instanceId) {
    throw new AppError('conflict', 'A directory sync for this tenant is already running.');
  }
  const current = state.current ?? { startedAt: now, pages: 0, counts: NO_COUNTS };
  return deps.syncState.update({ ...state, leaseUntil: until, leaseOwner: deps.instanceId, current }, stored.etag);
};

/**
 * One round of directory sync for a tenant: from the stored delta link (or the whole directory the
 * first time) to the end, storing after each page where the next page starts, and the new delta
 * link only once the last page is stored. A round that stops (Graph unavailable, a store error)
 * is recorded as failed and resumes at the page it stopped on.
 */
export const runDirectorySync = async (deps: DirectorySyncDeps, tenantId: TenantId): Promise<DirectorySyncResult> => {
  const tenant = (await deps.repos.tenants.get(tenantId))?.item;
  if (tenant === undefined) throw new AppError('not-found', `Tenant ${tenantId} is not set up here.`);
  let stored = await takeLease(deps, tenantId);
  const issues: SyncIssue[] = [];
  const finish = async (outcome: 'completed' | 'failed', extra: Partial<DirectorySyncState>) => {
    const { leaseUntil: _l, leaseOwner: _o, current, ...rest } = stored.item;
    const run = { pages: current?.pages ?? 0, counts: current?.counts ?? NO_COUNTS };
    const errors = issues.slice(0, MAX_ISSUES);
    const lastRun = {
      startedAt: current?.startedAt ?? deps.clock.now(),
      finishedAt: deps.clock.now(),
      outcome,
      errors,
      ...run,
    };
    // A failed round keeps its place (resumeLink and counts so far) for the next try.
    const next = outcome === 'failed' && current !== undefined ? { ...rest, current, lastRun } : { ...rest, lastRun };
    stored = await deps.syncState.update({ ...next, ...extra }, stored.etag);
    return { outcome, errors, ...run };
  };
  try {
    for (;;) {
      const state = stored.item;
      const page = await deps.directory.page(tenantId, state.resumeLink ?? state.deltaLink);
      const applied = await applyDirectoryPage(deps, tenant, page);
      issues.push(...applied.issues);
      const current = state.current ?? { startedAt: deps.clock.now(), pages: 0, counts: NO_COUNTS };
      const progressed = {
        ...state,
        current: { ...current, pages: current.pages + 1, counts: add(current.counts, applied.counts) },
      };
      if (page.nextLink !== undefined) {
        const leaseUntil = new Date(Date.parse(deps.clock.now()) + (deps.leaseSeconds ?? 600) * 1000).toISOString();
        stored = await deps.syncState.update({ ...progressed, resumeLink: page.nextLink, leaseUntil }, stored.etag);
        continue;
      }
      if (page.deltaLink === undefined)
        throw new AppError('unavailable', 'The directory ended a round without a delta link.');
      const roles = await applyAppRoles(deps, tenant, state.appRoles ?? {});
      issues.push(...roles.issues);
      const { resumeLink: _r, ...done } = progressed;
      stored = { ...stored, item: done };
      const appRoles = roles.appRoles === undefined ? {} : { appRoles: roles.appRoles };
      return await finish('completed', { deltaLink: page.deltaLink, ...appRoles });
    }
  } catch (error) {
    // The round is recorded as failed and keeps its place; the next run (or the schedule) resumes it.
    issues.push({ message: messageOf(error) });
    return finish('failed', {});
  }
};

/** The tenant's last round and any round in progress, for `cli sync --status` and administrators. */
export const directorySyncStatus = async (
  deps: Pick<DirectorySyncDeps, 'syncState'>,
  tenantId: TenantId,
): Promise<DirectorySyncState | undefined> => (await deps.syncState.get(tenantId))?.item;
