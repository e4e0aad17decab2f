import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, TenantId } from '../domain/people.ts';
import { digestOf, sameDigest } from '../domain/status-digest.ts';
import type { ConversationRepository, EmployeeRepository } from '../ports/repositories.ts';
import type { StatusDigestRepository } from '../ports/status-digests.ts';
import { allPages } from './export-support.ts';
import { filedUnder, listDigests, storeDigest } from './status-digest.ts';

export interface DigestReconciliation {
  /** People whose digest was compared with their records. */
  readonly checked: number;
  /** Digests that were missing, and written. */
  readonly created: number;
  /** Digests that said something their records do not (a write missed, a digest edited), and were rewritten. */
  readonly repaired: number;
}

const PAGE = 100;
const ALL_DATES = { from: '0001-01-01', to: '9999-12-31' } as const;

interface ReconcileDeps {
  readonly employees: Pick<EmployeeRepository, 'list'>;
  readonly conversations: Pick<ConversationRepository, 'listForTenant'>;
  readonly statusDigests: StatusDigestRepository;
}

/**
 * Compares every person's digest with their records and rewrites any that drifted. The directory
 * is walked 100 people at a time: per page one query of digests and the page's records in paged
 * queries, so the work grows with pages, not people. Digests are read before records, so a write
 * made meanwhile changes the digest's version and this run's stale copy is turned away.
 */
export const reconcileStatusDigests = async (
  deps: ReconcileDeps,
  tenantId: TenantId,
  /** Asked before each further page: false stops the run there (the instance no longer holds the job's lease). */
  keepGoing: () => boolean = () => true,
): Promise<DigestReconciliation> => {
  let checked = 0;
  let created = 0;
  let repaired = 0;
  let continuationToken: string | undefined;
  do {
    const page = await deps.employees.list(tenantId, {
      pageSize: PAGE,
      ...(continuationToken === undefined ? {} : { continuationToken }),
    });
    const people: readonly Employee[] = page.items;
    const stored = new Map(
      (await listDigests(deps.statusDigests, tenantId, people)).map((d) => [d.item.personId, d] as const),
    );
    const records = new Map<string, ConversationRecord[]>();
    if (people.length > 0) {
      const query = { ...ALL_DATES, employeeIds: people.map((p) => p.id) };
      for (const r of await allPages((p) => deps.conversations.listForTenant(tenantId, query, p))) {
        records.set(r.employeeId, [...(records.get(r.employeeId) ?? []), r]);
      }
    }
    for (const person of people) {
      checked += 1;
      const expected = digestOf(
        { tenantId, personId: person.id, managerIds: filedUnder(person) },
        records.get(person.id) ?? [],
      );
      const found = stored.get(person.id);
      if (found !== undefined && sameDigest(found.item, expected)) continue;
      await storeDigest(deps.statusDigests, expected, found?.etag);
      if (found === undefined) created += 1;
      else repaired += 1;
    }
    continuationToken = page.continuationToken;
  } while (continuationToken !== undefined && keepGoing());
  return { checked, created, repaired };
};
