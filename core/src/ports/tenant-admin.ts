import type { OrgRole, PersonId, TenantId } from '../domain/people.ts';
import type { TenantSettings } from '../domain/tenant-settings.ts';
import type { IsoDateTime } from '../time/dates.ts';
import type { DirectorySource, DirectorySyncStore } from './directory.ts';
import type { Page, PageRequest, Stored } from './repositories.ts';

/**
 * A tenant's settings: the current version (updated with its ETag) and every earlier one. The
 * history is append-only, so "who changed what, when" survives any later change.
 */
export interface TenantSettingsStore {
  current(tenantId: TenantId): Promise<Stored<TenantSettings> | undefined>;
  /** The first version; 'conflict' when the tenant has one already. */
  create(tenantId: TenantId, settings: TenantSettings): Promise<Stored<TenantSettings>>;
  /** 'conflict' when `etag` is stale. */
  update(tenantId: TenantId, settings: TenantSettings, etag: string): Promise<Stored<TenantSettings>>;
  /** Every version, newest first. */
  history(tenantId: TenantId, page?: PageRequest): Promise<Page<TenantSettings>>;
}

/** Where a person's roles came from when they last signed in: Entra app roles and configured groups. */
export interface RoleGrant {
  readonly tenantId: TenantId;
  readonly personId: PersonId;
  readonly displayName: string;
  /** The roles Entra granted at that sign-in, each with its source. */
  readonly roles: readonly { readonly role: OrgRole; readonly source: 'app-role' | 'group' }[];
  readonly seenAt: IsoDateTime;
}

export interface RoleGrantStore {
  get(tenantId: TenantId, personId: PersonId): Promise<RoleGrant | undefined>;
  /** One writer per person (their own sign-in), so the last write wins. */
  put(grant: RoleGrant): Promise<void>;
  list(tenantId: TenantId, page?: PageRequest): Promise<Page<RoleGrant>>;
}

/** What tenant administration needs beyond the records: settings, role grants and the directory sync. */
export interface TenantAdminServices {
  readonly settings: TenantSettingsStore;
  readonly roleGrants: RoleGrantStore;
  readonly syncState: DirectorySyncStore;
  /** Absent where no Graph access is configured: "sync now" then says so. */
  readonly directory?: DirectorySource;
  /** Names this process in the sync lease. */
  readonly instanceId: string;
  /**
   * How long "sync now" waits for its round before answering with the round still running; the
   * round goes on, and the admin page follows its progress from the sync state. Absent: it waits
   * for the round to end.
   */
  readonly syncAnswerWithinMs?: number;
  /** The app registration's client id, for the admin-consent link. */
  readonly clientId?: string;
  /** e.g. https://login.microsoftonline.com */
  readonly authorityHost: string;
}
