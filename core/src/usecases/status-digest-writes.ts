import type { ConversationRecord } from '../domain/conversations.ts';
import { digestOf, withRecord } from '../domain/status-digest.ts';
import type { ConversationRepository, EmployeeRepository, Stored } from '../ports/repositories.ts';
import type { StatusDigestRepository } from '../ports/status-digests.ts';
import { retryOnConflict } from './concurrency.ts';
import { filedUnder, recordsOf } from './status-digest.ts';

interface DigestWriteDeps {
  readonly conversations: ConversationRepository;
  readonly employees: Pick<EmployeeRepository, 'get'>;
  readonly statusDigests: StatusDigestRepository;
}

/**
 * Brings the person's digest up to date with a record just written: one read of the digest and,
 * when what it says changed, one ETag-guarded write (again on a conflict). A missing digest is
 * worked out from all of the person's records.
 */
export const refreshDigest = async (deps: DigestWriteDeps, record: ConversationRecord): Promise<void> => {
  await retryOnConflict(
    async () => {
      const stored = await deps.statusDigests.get(record.tenantId, record.employeeId);
      if (stored === undefined) {
        const employee = await deps.employees.get(record.tenantId, record.employeeId);
        // Records of someone not (or no longer) in the directory have no digest to keep.
        if (employee === undefined) return;
        // Created, never stored over: a writer who read the records before this record was
        // written may create it first, and the conflict retries here to add this record to theirs.
        const records = await recordsOf(deps.conversations, record.tenantId, record.employeeId);
        const person = {
          tenantId: record.tenantId,
          personId: record.employeeId,
          managerIds: filedUnder(employee.item),
        };
        await deps.statusDigests.put(digestOf(person, records));
        return;
      }
      const next = withRecord(stored.item, record);
      if (next !== undefined) await deps.statusDigests.put(next, stored.etag);
    },
    { attempts: 5 },
  );
};

/**
 * The conversation store with each person's status digest kept current in the same write path:
 * every create and update of a record refreshes its person's digest before it returns. Writes
 * that change nothing a digest holds (agenda items) pass straight through.
 */
export const withStatusDigests = (deps: DigestWriteDeps): ConversationRepository => {
  const inner = deps.conversations;
  const refreshed = async (written: Stored<ConversationRecord>): Promise<Stored<ConversationRecord>> => {
    await refreshDigest(deps, written.item);
    return written;
  };
  return {
    get: (tenantId, employeeId, id) => inner.get(tenantId, employeeId, id),
    create: async (record) => refreshed(await inner.create(record)),
    update: async (record, etag) => refreshed(await inner.update(record, etag)),
    appendToAgenda: (tenantId, employeeId, conversationId, item, updatedAt) =>
      inner.appendToAgenda(tenantId, employeeId, conversationId, item, updatedAt),
    listForTenant: (tenantId, query, page) => inner.listForTenant(tenantId, query, page),
    listForEmployee: (tenantId, employeeId, query, page) => inner.listForEmployee(tenantId, employeeId, query, page),
    listPendingBookings: (tenantId, updatedBefore, page) => inner.listPendingBookings(tenantId, updatedBefore, page),
  };
};
