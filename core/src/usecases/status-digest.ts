import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, TenantId } from '../domain/people.ts';
import { DIGEST_FORMAT, digestOf, historyOfDigest, type StatusDigest } from '../domain/status-digest.ts';
import { isAppError } from '../errors.ts';
import type { ConversationRepository, Stored } from '../ports/repositories.ts';
import type { StatusDigestRepository } from '../ports/status-digests.ts';
import { mapConcurrently } from './concurrency.ts';
import type { Repositories } from './deps.ts';
import { allPages } from './export-support.ts';

/** Histories read at once when digests are missing (each is its own partition). */
const REBUILDS_IN_FLIGHT = 8;

/** The managers a digest is filed under: every manager a job names, as a manager's reports are found. */
export const filedUnder = (employee: Employee): PersonId[] =>
  [...new Set(employee.jobs.flatMap((job) => job.managerIds))].sort();

const sameIds = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** A digest still usable for this person: of today's format and filed under their managers. */
const current = (digest: StatusDigest, employee: Employee): boolean =>
  digest.format === DIGEST_FORMAT && sameIds(digest.managerIds, filedUnder(employee));

/** Every record of one person, a page of 100 at a time. */
export const recordsOf = (
  conversations: ConversationRepository,
  tenantId: TenantId,
  personId: PersonId,
): Promise<ConversationRecord[]> => allPages((page) => conversations.listForEmployee(tenantId, personId, {}, page));

/**
 * Writes `digest` over what is stored (`etag` of the copy it replaces, none when there was none).
 * Someone else writing first is no failure: they wrote from the same records, or a later write
 * brings the digest up to date, and the reconciliation job catches anything left.
 */
export const storeDigest = async (
  digests: StatusDigestRepository,
  digest: StatusDigest,
  etag: string | undefined,
): Promise<void> => {
  try {
    await digests.put(digest, etag);
  } catch (error) {
    if (!(isAppError(error) && (error.code === 'conflict' || error.code === 'not-found'))) throw error;
  }
};

/** A person's digest worked out afresh from their records, and stored. */
export const rebuildDigest = async (
  repos: Pick<Repositories, 'conversations'> & { readonly statusDigests: StatusDigestRepository },
  employee: Employee,
  stored: Stored<StatusDigest> | undefined,
): Promise<StatusDigest> => {
  const records = await recordsOf(repos.conversations, employee.tenantId, employee.id);
  const digest = digestOf(
    { tenantId: employee.tenantId, personId: employee.id, managerIds: filedUnder(employee) },
    records,
  );
  await storeDigest(repos.statusDigests, digest, stored?.etag);
  return digest;
};

/**
 * Each person's conversation history as the engine needs it, from their digest; a digest that is
 * missing or out of date is rebuilt from the records (and stored) first.
 */
export const historiesFromDigests = async (
  repos: Pick<Repositories, 'conversations'> & { readonly statusDigests: StatusDigestRepository },
  people: readonly Employee[],
  found: readonly Stored<StatusDigest>[],
): Promise<Map<PersonId, ConversationRecord[]>> => {
  const byPerson = new Map(found.map((d) => [d.item.personId, d]));
  const stale = people.filter((p) => {
    const d = byPerson.get(p.id);
    return d === undefined || !current(d.item, p);
  });
  // A digest filed under another manager is not in `found`: read it so its replacement names its version.
  const elsewhere = stale.length === 0 ? [] : await listDigests(repos.statusDigests, stale[0]?.tenantId ?? '', stale);
  for (const d of elsewhere) if (!byPerson.has(d.item.personId)) byPerson.set(d.item.personId, d);
  const rebuilt = await mapConcurrently(stale, REBUILDS_IN_FLIGHT, async (p) => {
    const d = byPerson.get(p.id);
    if (d === undefined || d.item.format !== DIGEST_FORMAT) return rebuildDigest(repos, p, d);
    // Only the managers changed (a move): what the records say is still right, so it is refiled as it is.
    const refiled = { ...d.item, managerIds: filedUnder(p) };
    await storeDigest(repos.statusDigests, refiled, d.etag);
    return refiled;
  });
  const histories = new Map<PersonId, ConversationRecord[]>();
  for (const p of people) {
    const d = byPerson.get(p.id);
    if (d !== undefined && current(d.item, p)) histories.set(p.id, historyOfDigest(d.item));
  }
  for (const d of rebuilt) histories.set(d.personId, historyOfDigest(d));
  return histories;
};

/** The digests of these people, 100 ids to a query. */
export const listDigests = async (
  digests: StatusDigestRepository,
  tenantId: TenantId,
  people: readonly { readonly id: PersonId }[],
): Promise<Stored<StatusDigest>[]> => {
  const found: Stored<StatusDigest>[] = [];
  for (let i = 0; i < people.length; i += 100) {
    found.push(
      ...(await digests.listForPeople(
        tenantId,
        people.slice(i, i + 100).map((p) => p.id),
      )),
    );
  }
  return found;
};

export interface TeamWithHistories {
  readonly reports: readonly Employee[];
  /** Each report's history as the engine reads it (from digests where the store keeps them). */
  readonly histories: ReadonlyMap<PersonId, readonly ConversationRecord[]>;
}

/**
 * Managers' reports with their histories: one read of people and digests together (per 100
 * managers), and a history read only for someone whose digest is missing or outdated. Without a
 * digest store, each report's records are read.
 */
export const teamWithHistories = async (
  repos: Repositories,
  tenantId: TenantId,
  managerIds: PersonId | readonly PersonId[],
): Promise<TeamWithHistories> => {
  const managers = typeof managerIds === 'string' ? [managerIds] : [...new Set(managerIds)];
  const digests = repos.statusDigests;
  if (digests === undefined) {
    const reports = [
      ...new Map(
        (await Promise.all(managers.map((m) => repos.employees.listReports(tenantId, m))))
          .flat()
          .map((r) => [r.id, r] as const),
      ).values(),
    ];
    const read = await mapConcurrently(reports, REBUILDS_IN_FLIGHT, (r) =>
      recordsOf(repos.conversations, tenantId, r.id),
    );
    return { reports, histories: new Map(reports.map((r, i) => [r.id, read[i] ?? []])) };
  }
  const reports = new Map<PersonId, Employee>();
  const found: Stored<StatusDigest>[] = [];
  for (let i = 0; i < managers.length; i += 100) {
    const team = await digests.teamOf(tenantId, managers.slice(i, i + 100));
    for (const r of team.reports) reports.set(r.id, r);
    found.push(...team.digests);
  }
  const people = [...reports.values()];
  const repo = { conversations: repos.conversations, statusDigests: digests };
  return { reports: people, histories: await historiesFromDigests(repo, people, found) };
};

/** Histories of people found some other way (e.g. staff without their own PC, 004). */
export const historiesOf = async (
  repos: Repositories,
  tenantId: TenantId,
  people: readonly Employee[],
): Promise<Map<PersonId, ConversationRecord[]>> => {
  const digests = repos.statusDigests;
  if (digests === undefined) {
    const read = await mapConcurrently(people, REBUILDS_IN_FLIGHT, (p) =>
      recordsOf(repos.conversations, tenantId, p.id),
    );
    return new Map(people.map((p, i) => [p.id, read[i] ?? []]));
  }
  const repo = { conversations: repos.conversations, statusDigests: digests };
  return historiesFromDigests(repo, people, people.length === 0 ? [] : await listDigests(digests, tenantId, people));
};
