// What the proactive runs (check-ins, nudges) read of a page of people at once.
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import type { UseCaseDeps } from './deps.ts';
import { packOf } from './scheme.ts';
import { conversationLabelsOf, dueToday, type DueForPerson } from './self-service.ts';

/**
 * What is due for someone today: from `history` when a run read it already (from their status
 * digest, with their page of the directory), else from their records.
 */
export const dueTodayFrom = (
  deps: UseCaseDeps,
  tenant: Tenant,
  employee: Employee,
  history: readonly ConversationRecord[] | undefined,
): Promise<DueForPerson> =>
  history === undefined
    ? dueToday(deps, tenant, employee)
    : Promise.resolve({
        report: dueConversations({ tenant, employee, history, on: deps.clock.today() }),
        labels: conversationLabelsOf(packOf(tenant)),
      });

/** A store read person by person, and where it can, a page of people in one query. */
interface ReadByPerson<T extends { readonly id: string }> {
  get(tenantId: TenantId, id: PersonId): Promise<T | undefined>;
  getMany?(tenantId: TenantId, ids: readonly PersonId[]): Promise<readonly T[]>;
}

/** What `store` holds for those of `people` it has anything for, by person: one query where it can, else a read each. */
export const readAmong = async <T extends { readonly id: string }>(
  store: ReadByPerson<T>,
  tenantId: TenantId,
  people: readonly { readonly id: PersonId }[],
): Promise<Map<PersonId, T>> => {
  const ids = people.map((p) => p.id);
  const found =
    store.getMany === undefined
      ? await Promise.all(ids.map((id) => store.get(tenantId, id)))
      : await store.getMany(tenantId, ids);
  return new Map(found.filter((x) => x !== undefined).map((x) => [x.id, x] as const));
};
