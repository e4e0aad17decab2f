import type { ConversationRecord } from '../domain/conversations.ts';
import type { Objective } from '../domain/objectives.ts';
import type { Employee } from '../domain/people.ts';
import { dueConversations } from '../engine/due.ts';
import type { DueReport } from '../engine/types.ts';
import { currentManagerIds } from '../permissions/relationships.ts';
import { conversationFacts, viewConversation, type ConversationFacts } from '../permissions/visibility.ts';
import type { SchemePack } from '../scheme/types.ts';
import type { Caller, UseCaseDeps } from './deps.ts';
import { getMe, historyOf, personSummaryOf } from './people.ts';
import { packOf, ratingPolicyOf } from './scheme.ts';
import { entraRolesOf } from './tenant-admin.ts';
import { applyEntraRoles, meAtSignIn, schemeAtSignIn } from './tenant-admin-roles.ts';

export interface Home {
  readonly me: Awaited<ReturnType<typeof getMe>>;
  readonly scheme: SchemePack;
  /** Absent for an administrator whose own record the directory sync has not brought in yet. */
  readonly due?: DueReport;
  /** The first page of the caller's objectives, as stored (a client reads one to edit it). */
  readonly objectives: readonly Objective[];
  /** Every conversation of the caller, newest first, as facts. */
  readonly conversations: readonly ConversationFacts[];
}

const OBJECTIVES_SHOWN = 100;

/** Whether signing in would change the caller's roles or their grant (rare: a role added or removed in Entra). */
const rolesWouldChange = (
  caller: Caller,
  employee: Employee,
  roleGroups: Parameters<typeof entraRolesOf>[1],
  before: { readonly roles: readonly unknown[] } | undefined,
): boolean => {
  const granted = entraRolesOf(caller.entra, roleGroups);
  if (before === undefined) return granted.length > 0;
  return (
    JSON.stringify(before.roles) !== JSON.stringify(granted) || granted.some((g) => !employee.orgRoles.includes(g.role))
  );
};

/** Someone the store does not know as a person: an administrator before the first sync, or a refusal. */
const homeWithoutRecord = async (deps: UseCaseDeps, caller: Caller): Promise<Home> => ({
  me: await meAtSignIn(deps, caller),
  scheme: await schemeAtSignIn(deps, caller),
  objectives: [],
  conversations: [],
});

/**
 * What the tab's first screen needs (who I am, my scheme, what is due, my objectives and my
 * conversations) from one round of reads made together: the tenant, my record, my reports, my
 * conversation history, my objectives and my role grant. Nothing waits on another read, and the
 * history read once serves both the due list and the conversations.
 */
export const getHome = async (deps: UseCaseDeps, caller: Caller): Promise<Home> => {
  const { tenantId, userId } = caller;
  const withGrants = deps.admin !== undefined && caller.entra !== undefined;
  const [tenant, stored, reports, history, objectives, grant] = await Promise.all([
    deps.repos.tenants.get(tenantId),
    deps.repos.employees.get(tenantId, userId),
    deps.repos.employees.listReports(tenantId, userId),
    historyOf(deps, tenantId, userId),
    deps.repos.objectives.listForOwner(tenantId, userId, { pageSize: OBJECTIVES_SHOWN }),
    withGrants ? deps.admin.roleGrants.get(tenantId, userId) : undefined,
  ]);
  if (tenant === undefined || stored === undefined) return homeWithoutRecord(deps, caller);
  let employee = stored.item;
  if (withGrants && rolesWouldChange(caller, employee, tenant.item.settings?.roleGroups ?? {}, grant)) {
    await applyEntraRoles(deps, caller);
    employee = (await deps.repos.employees.get(tenantId, userId))?.item ?? employee;
  }
  const pack = packOf(tenant.item);
  const policy = ratingPolicyOf(pack);
  const actor = { tenantId, id: employee.id, orgRoles: employee.orgRoles };
  // The caller is the subject: 'self' is the strongest relationship, so the chain above is not read.
  const subject = { employee, grandparentIds: [], seniorChainIds: [] };
  const conversations = history.flatMap((record: ConversationRecord) => {
    const view = viewConversation(actor, subject, record, policy);
    if (view === undefined) return [];
    return [view.kind === 'facts' ? view.facts : conversationFacts(view.record, view.record.rating)];
  });
  return {
    me: {
      person: personSummaryOf(employee),
      tenant: { tenantId, name: tenant.item.name, schemeId: tenant.item.schemeId },
      orgRoles: [...employee.orgRoles],
      managerIds: currentManagerIds(employee),
      reportCount: reports.length,
    },
    scheme: pack,
    due: dueConversations({ tenant: tenant.item, employee, history, on: deps.clock.today() }),
    objectives: objectives.items,
    conversations,
  };
};
