import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import type { StatusDigest } from '../domain/status-digest.ts';
import type { Stored } from './repositories.ts';

/** Managers' reports and the digests filed under those managers, from one read. */
export interface TeamDigests {
  readonly reports: readonly Employee[];
  /** Digests whose `managerIds` name one of the managers; a report with none here has a missing or outdated digest. */
  readonly digests: readonly Stored<StatusDigest>[];
}

/**
 * Each person's status digest, kept beside the directory so that a manager's team, people and
 * digests alike, comes in one single-partition read.
 */
export interface StatusDigestRepository {
  get(tenantId: TenantId, personId: PersonId): Promise<Stored<StatusDigest> | undefined>;
  /** Without an etag: create ('conflict' if it exists); with one: replace ('conflict' if stale, 'not-found' if gone). */
  put(digest: StatusDigest, etag?: string): Promise<Stored<StatusDigest>>;
  /** The digests of these people (at most 100 ids) that exist, in no order. */
  listForPeople(tenantId: TenantId, personIds: readonly PersonId[]): Promise<readonly Stored<StatusDigest>[]>;
  /**
   * The reports of any of these managers (at most 100; as `EmployeeRepository.listReports` for
   * each) with the digests filed under any of them.
   */
  teamOf(tenantId: TenantId, managerIds: readonly PersonId[]): Promise<TeamDigests>;
  /**
   * The tenant's whole directory and every digest, a page of up to 1,000 documents at a time (a
   * person and their digest may come on different pages), for views over the whole organisation:
   * their reads grow with pages, not people.
   */
  everyone(tenantId: TenantId, continuationToken?: string): Promise<PeopleAndDigestsPage>;
}

/** One page of `StatusDigestRepository.everyone`. */
export interface PeopleAndDigestsPage {
  readonly people: readonly Employee[];
  readonly digests: readonly StatusDigest[];
  /** Absent on the last page. */
  readonly continuationToken?: string;
}
