// What the proactive runs (check-ins, nudges) read of a page of people at once.
import type { ConversationRecord } from '../domain/conversations.ts';
import type { Employee, PersonId, Tenant, TenantId } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import type { NudgeSettingsStore, StoredNudgeSettings } from '../ports/engagement.ts';
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

/** The nudge settings of `people` who have any: one query where the store can, else a read each. */
export const settingsAmong = async (
  nudges: NudgeSettingsStore,
  tenantId: TenantId,
  people: readonly { readonly id: PersonId }[],
): Promise<Map<PersonId, StoredNudgeSettings>> => {
  const found =
    nudges.getMany === undefined
      ? await Promise.all(people.map((p) => nudges.get(tenantId, p.id)))
      : await nudges.getMany(
          tenantId,
          people.map((p) => p.id),
        );
  return new Map(found.filter((s) => s !== undefined).map((s) => [s.id, s] as const));
};
