import type { OrgRole, TenantId } from '../domain/people.ts';
import type { IsoDate, IsoDateTime } from '../time/dates.ts';
import type { Stored } from './repositories.ts';

/**
 * One person as a directory change feed reports them (Microsoft Graph `/users/delta`). A field
 * left undefined did not change; `managerId: null` says the manager was removed.
 */
export interface DirectoryUser {
  readonly id: string;
  /** Deleted from the directory (Graph's `@removed`). */
  readonly removed?: boolean;
  readonly displayName?: string;
  readonly mail?: string;
  readonly userPrincipalName?: string;
  readonly jobTitle?: string | null;
  readonly department?: string | null;
  readonly officeLocation?: string | null;
  readonly employeeHireDate?: IsoDate | null;
  readonly employeeId?: string | null;
  readonly accountEnabled?: boolean;
  readonly managerId?: string | null;
}

export interface DirectoryPage {
  readonly users: readonly DirectoryUser[];
  /** Where the next page of this round is read from; absent on the last page. */
  readonly nextLink?: string;
  /** On the last page: where the next round's changes will be read from. */
  readonly deltaLink?: string;
}

/** One person's app roles on this app, by the roles' values (e.g. 'HR', 'Auditor'). */
export interface AppRoleAssignment {
  readonly userId: string;
  readonly roles: readonly string[];
}

/** Reads a tenant's directory changes page by page. */
export interface DirectorySource {
  /** Without a link: the whole directory from the start. With a next or delta link: that page. */
  page(tenantId: TenantId, link?: string): Promise<DirectoryPage>;
  /**
   * Everyone assigned one of this app's roles in the directory (Graph's `appRoleAssignedTo` on the
   * app's service principal), read whole each round; absent where the source cannot tell.
   */
  appRoleAssignments?(tenantId: TenantId): Promise<readonly AppRoleAssignment[]>;
}

export interface SyncCounts {
  readonly joined: number;
  readonly moved: number;
  readonly left: number;
  readonly unchanged: number;
  readonly failed: number;
}

export interface SyncIssue {
  readonly userId?: string;
  readonly message: string;
}

/**
 * One tenant's directory sync: where the next round reads from, the round in progress (so a
 * crash resumes at the page it stopped on) and the last round's outcome. One document per tenant,
 * updated with its ETag, so two instances never run the same tenant at once.
 */
export interface DirectorySyncState {
  readonly tenantId: TenantId;
  /** The delta link stored when the last round finished; absent before the first full sync. */
  readonly deltaLink?: string;
  /** The page the round in progress applies next; absent when no round is in progress. */
  readonly resumeLink?: string;
  /** Held by the instance running a round until this instant. */
  readonly leaseUntil?: IsoDateTime;
  readonly leaseOwner?: string;
  readonly current?: { readonly startedAt: IsoDateTime; readonly pages: number; readonly counts: SyncCounts };
  /**
   * The org roles the last completed round gave each person from their app-role assignments, so the
   * next round takes off what Entra no longer assigns and leaves roles given another way.
   */
  readonly appRoles?: Readonly<Record<string, readonly OrgRole[]>>;
  readonly lastRun?: {
    readonly startedAt: IsoDateTime;
    readonly finishedAt: IsoDateTime;
    readonly outcome: 'completed' | 'failed';
    readonly pages: number;
    readonly counts: SyncCounts;
    readonly errors: readonly SyncIssue[];
  };
}

export interface DirectorySyncStore {
  get(tenantId: TenantId): Promise<Stored<DirectorySyncState> | undefined>;
  /** 'conflict' when the tenant already has a state. */
  create(state: DirectorySyncState): Promise<Stored<DirectorySyncState>>;
  /** 'conflict' when `etag` is stale. */
  update(state: DirectorySyncState, etag: string): Promise<Stored<DirectorySyncState>>;
}
